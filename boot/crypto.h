// boot/crypto.h: the cryptography of signed images, small enough for the bootloader: SHA-256,
// Ed25519 signature verification (RFC 8032) and ECDSA P-256 verification (FIPS 186-4,
// SHA-256). Verification only: no secret is ever handled, so no constant-time requirement.
// No heap, no globals: every call works on its arguments and a bounded stack.
#ifndef BOOT_CRYPTO_H
#define BOOT_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct boot_sha256 {
    uint32_t h[8];
    uint64_t len; // bytes so far
    uint8_t buf[64];
} boot_sha256;

void boot_sha256_init(boot_sha256 *c);
void boot_sha256_update(boot_sha256 *c, const void *data, size_t n);
void boot_sha256_final(boot_sha256 *c, uint8_t out[32]);
/** SHA-256's compression of one 64-byte block into the state h (hashlib's sha224/sha256). */
void boot_sha256_block(uint32_t h[8], const uint8_t *block);
/** The digest of n bytes at data, in one call. */
void boot_sha256_digest(const void *data, size_t n, uint8_t out[32]);

/**
 * True if sig (R || S, 64 bytes) is pub's (32 bytes, RFC 8032 encoding) Ed25519 signature of
 * the n-byte message. False for any malformed input (a non-canonical S, a point not on the
 * curve) — never reads beyond the given lengths.
 */
bool boot_ed25519_verify(const uint8_t pub[32], const uint8_t *msg, size_t n, const uint8_t sig[64]);

/**
 * True if the DER-encoded ECDSA signature (SEQUENCE of two INTEGERs, der_len bytes) is valid
 * for the 32-byte hash under the P-256 public key pub (65 bytes: 0x04 || X || Y). False for
 * any malformed input (bad DER, r or s out of [1, n-1], a key not on the curve).
 */
bool boot_p256_verify(const uint8_t pub[65], const uint8_t hash[32], const uint8_t *der,
                      size_t der_len);

#endif // BOOT_CRYPTO_H
