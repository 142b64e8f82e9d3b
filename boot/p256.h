// boot/p256.h: P-256 scalar multiplication with a secret scalar, for ECDH (the BLE Security
// Manager's LE Secure Connections, ble/smp_crypto.c). boot/p256.c's verification code shares
// the curve arithmetic; the bootloader links only boot_p256_verify (boot/crypto.h), and
// --gc-sections drops this. Numbers and coordinates are 32-byte big-endian (SEC 1).
//
// Constant time: the ladder is a fixed sequence of point operations (one addition and one
// doubling per bit of a scalar whose length is fixed by adding n or 2n), with the bits used
// only through a masked swap: no branch and no memory index depends on the scalar. The field
// arithmetic underneath (boot/bn256.c) applies its modular corrections by mask too. What is
// not constant time: the point addition's special cases (an operand at infinity, equal or
// opposite operands) are branches, which the ladder reaches only for k = 1, n - 2 and n - 1
// (a partial sum meets nG; measured: ~40,000 fewer instructions on QEMU); the
// range check of k (boot_p256_scalar_ok) compares with an early exit; and the hardware's
// 32x32->64 multiply may itself take data-dependent time (the Cortex-M3's UMULL and UMLAL
// terminate early on small operands), which C cannot avoid.
#ifndef BOOT_P256_H
#define BOOT_P256_H

#include <stdbool.h>
#include <stdint.h>

/** True if 1 <= k < n (the group order), k 32 bytes big-endian. Not constant time. */
bool boot_p256_scalar_ok(const uint8_t k[32]);

/**
 * out = k * P, P = X || Y (64 bytes, the affine coordinates big-endian) or NULL for the base
 * point G; out is X || Y of the product. False, out untouched, when P is not a valid point
 * (a coordinate >= p, or not on the curve: no encoding is the point at infinity) or k is not
 * in [1, n - 1]. Context: any (thread or ISR); no blocking, no allocation, about 1.2 KB of stack
 * (Cortex-M3, -Os); about 6,600 field multiplications. out may alias P.
 */
bool boot_p256_mul(uint8_t out[64], const uint8_t k[32], const uint8_t *P);

#endif // BOOT_P256_H
