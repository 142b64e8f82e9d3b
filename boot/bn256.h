// boot/bn256.h: 256-bit unsigned integers as 8 little-endian 32-bit words, and arithmetic
// modulo an odd m < 2^256 in Montgomery form (R = 2^256), internal to boot/. Both curves use
// it: Ed25519 with m = 2^255 - 19, P-256 with its p and its group order n. One multiplier for
// every modulus keeps the bootloader small. Verification has no secrets, but ECDH does
// (boot/p256.h): bn_mod_add, bn_mod_sub and bn_mont_mul (so bn_to_mont, bn_from_mont) apply
// their final correction by mask, without a branch. bn_cmp, bn_mod_bytes and bn_mont_pow's
// exponent bits still branch on their values.
#ifndef BOOT_BN256_H
#define BOOT_BN256_H

#include <stdbool.h>
#include <stdint.h>

#define BN_WORDS 8

typedef struct bn_mod {
    uint32_t m[BN_WORDS];  // the modulus, odd
    uint32_t rr[BN_WORDS]; // R^2 mod m: converts into Montgomery form
    uint32_t one[BN_WORDS]; // R mod m: 1 in Montgomery form
    uint32_t m0;           // -m^-1 mod 2^32
} bn_mod;

// r = a + b, a - b (mod 2^256); return the carry, the borrow (0 or 1). r may alias a or b.
uint32_t bn_add(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]);
uint32_t bn_sub(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]);
// -1, 0 or 1 as a < b, a == b, a > b.
int bn_cmp(const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]);
bool bn_is_zero(const uint32_t a[BN_WORDS]);
// 32 bytes, big-endian (SEC 1, DER) or little-endian (RFC 8032).
void bn_from_be(uint32_t r[BN_WORDS], const uint8_t b[32]);
void bn_from_le(uint32_t r[BN_WORDS], const uint8_t b[32]);
void bn_to_le(uint8_t b[32], const uint32_t a[BN_WORDS]);

// r = a + b, a - b mod m, for a, b < m.
void bn_mod_add(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                const uint32_t m[BN_WORDS]);
void bn_mod_sub(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                const uint32_t m[BN_WORDS]);
// The n-byte big-endian number at b, reduced mod m (m >= 2), one bit at a time.
void bn_mod_bytes(uint32_t r[BN_WORDS], const uint8_t *b, int n, bool big_endian,
                  const uint32_t m[BN_WORDS]);

// Sets M up for the odd modulus m.
void bn_mod_init(bn_mod *M, const uint32_t m[BN_WORDS]);
// r = a b R^-1 mod m, for a b < m R (so either may be any 256-bit value when the other is < m).
void bn_mont_mul(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                 const bn_mod *M);
// r = a^e in Montgomery form (a in Montgomery form, e a plain integer).
void bn_mont_pow(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t e[BN_WORDS],
                 const bn_mod *M);
// r = a^(m-2) = a^-1 for a prime m (0 for a = 0), in Montgomery form.
void bn_mont_inv(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M);
// Into (a < 2^256) and out of Montgomery form.
void bn_to_mont(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M);
void bn_from_mont(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M);

#endif // BOOT_BN256_H
