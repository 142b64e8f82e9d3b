// boot/sha512.h: SHA-512 (FIPS 180-4), internal to boot/: Ed25519 hashes R || A || M with it.
#ifndef BOOT_SHA512_H
#define BOOT_SHA512_H

#include <stddef.h>
#include <stdint.h>

typedef struct boot_sha512 {
    uint64_t h[8];
    uint64_t len; // bytes so far (2^64 bytes is more than any image)
    uint8_t buf[128];
} boot_sha512;

void boot_sha512_init(boot_sha512 *c);
void boot_sha512_update(boot_sha512 *c, const void *data, size_t n);
void boot_sha512_final(boot_sha512 *c, uint8_t out[64]);

#endif // BOOT_SHA512_H
