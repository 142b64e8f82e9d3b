// ble/smp_crypto.h: the cryptographic toolbox of the BLE Security Manager (Core Specification
// Vol 3 Part H §2.2) for LE Secure Connections pairing: AES-128 (FIPS-197) and the `e`
// function, AES-CMAC (RFC 4493), f4, f5, f6, g2, ah, h6, h7, and ECDH on P-256 (keys from
// boot/p256.c). Plain C: no heap, no globals, no state kept between calls; every function
// may be called from any context (thread or ISR), never blocks, and works on a bounded stack.
//
// Byte order. The specification prints values most significant octet (MSO) first, and AES
// and CMAC take their key and data in FIPS-197 / RFC 4493 order, which is that same order
// (the first byte is the most significant). SMP PDUs and HCI commands carry every value least
// significant octet first. So:
//   - smp_crypto_aes128 and smp_crypto_cmac: FIPS-197 / RFC 4493 order (MSO first), the
//     order of the RFC's and the spec's printed examples;
//   - everything else (smp_crypto_e, f4 ... h7, the ECDH keys): little-endian, exactly as the
//     values travel in SMP PDUs and HCI LE Encrypt, so a pairing state machine copies PDU
//     fields in and out unchanged. A 56-bit address A1/A2 is the 6-byte device address
//     (little-endian, as in HCI) followed by its type byte (0 public, 1 random): the spec's
//     A = type || address, MSO first, reversed. IOcap is { IO capability, OOB flag, AuthReq }.
//
// Constant time: AES looks its S-box up by secret-dependent index (a 256-byte table: uniform
// time on a Cortex-M3 without data cache; a cache-timing leak on a host CPU). ECDH: see
// boot/p256.h (a fixed ladder, field corrections by mask; the multiplier's own timing aside).
// Stack contents (round keys, scalars) are not wiped on return.
#ifndef BLE_SMP_CRYPTO_H
#define BLE_SMP_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

/** AES-128 encryption of one block, FIPS-197 byte order. out may alias in. */
void smp_crypto_aes128(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]);

/**
 * The security function e (Vol 3 Part H §2.2.1) in the little-endian order of HCI LE
 * Encrypt: key, plaintext and result least significant octet first (each reversed around a
 * FIPS-197 encryption). out may alias in.
 */
void smp_crypto_e(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]);

/** AES-CMAC (RFC 4493) of n bytes at msg (any n, 0 included), RFC order (MSO first). */
void smp_crypto_cmac(const uint8_t key[16], const uint8_t *msg, size_t n, uint8_t mac[16]);

/**
 * f4(U, V, X, Z) = AES-CMAC_X(U || V || Z), the confirm value (§2.2.6). u, v: public-key X
 * coordinates (32 bytes), x: the nonce used as key, z: 0, or 0x80 | passkey bit. LE.
 */
void smp_crypto_f4(const uint8_t u[32], const uint8_t v[32], const uint8_t x[16], uint8_t z,
                   uint8_t out[16]);

/**
 * f5(W, N1, N2, A1, A2) (§2.2.7): MacKey and LTK from the DHKey w and both sides' nonces and
 * addresses (initiator first). LE.
 */
void smp_crypto_f5(const uint8_t w[32], const uint8_t n1[16], const uint8_t n2[16],
                   const uint8_t a1[7], const uint8_t a2[7], uint8_t mackey[16], uint8_t ltk[16]);

/** f6(W, N1, N2, R, IOcap, A1, A2) = AES-CMAC_W(N1 || N2 || R || IOcap || A1 || A2), the
 * DHKey check (§2.2.8); w is MacKey. LE. */
void smp_crypto_f6(const uint8_t w[16], const uint8_t n1[16], const uint8_t n2[16],
                   const uint8_t r[16], const uint8_t iocap[3], const uint8_t a1[7],
                   const uint8_t a2[7], uint8_t out[16]);

/**
 * g2(U, V, X, Y) = AES-CMAC_X(U || V || Y) mod 2^32 (§2.2.9); the numeric comparison shows
 * the result mod 1,000,000 as six digits. u, v: 32 bytes, x, y: 16 bytes, LE.
 */
uint32_t smp_crypto_g2(const uint8_t u[32], const uint8_t v[32], const uint8_t x[16],
                       const uint8_t y[16]);

/**
 * ah(k, r) = e(k, 0^104 || r) mod 2^24 (§2.2.2): the hash of a resolvable private address
 * with prand r under the IRK k. r and hash 3 bytes, k 16 bytes, LE (the address's
 * hash is its low 3 bytes, prand the high 3).
 */
void smp_crypto_ah(const uint8_t k[16], const uint8_t r[3], uint8_t hash[3]);

/** h6(W, keyID) = AES-CMAC_W(keyID) (§2.2.10); key_id as the spec writes it, e.g. 0x6c656272
 * for "lebr". w and out LE. */
void smp_crypto_h6(const uint8_t w[16], uint32_t key_id, uint8_t out[16]);

/** h7(SALT, W) = AES-CMAC_SALT(W) (§2.2.11). All LE. */
void smp_crypto_h7(const uint8_t salt[16], const uint8_t w[16], uint8_t out[16]);

/**
 * The public key of the private key priv (32 bytes: a little-endian integer d, normally 32
 * bytes from a CSPRNG), as SMP's Pairing Public Key carries it: X then Y, each 32 bytes LE.
 * Returns 0, or -EINVAL if d is 0 or >= n, the group order (probability ~2^-32 for random
 * bytes: draw again). About 6,600 field multiplications (docs/ble-crypto.md).
 */
int smp_crypto_keygen(const uint8_t priv[32], uint8_t pub[64]);

/**
 * The DHKey: the X coordinate of d * Q (32 bytes LE, f5's W), Q the peer's public key as
 * its Pairing Public Key carried it (X || Y, LE). Returns 0, or -EINVAL, dhkey untouched, if
 * Q is not a point of the curve (a coordinate >= p, or off the curve: the invalid-curve
 * attack) or d is out of range. The pairing must then fail (DHKey check failed).
 */
int smp_crypto_dhkey(const uint8_t priv[32], const uint8_t peer_pub[64], uint8_t dhkey[32]);

#endif // BLE_SMP_CRYPTO_H
