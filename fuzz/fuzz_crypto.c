// fuzz/fuzz_crypto.c: libFuzzer target for boot/'s signature verification. The first byte
// picks the scheme (bit 0: Ed25519 or P-256); the rest is cut into the fixed-size arguments
// (zero-filled when short) and a variable-length tail passed with its exact length, so
// ASan sees any read past it:
//   Ed25519: pub[32] || sig[64] || msg        P-256: pub[65] || hash[32] || der
// Nothing may crash or read astray; an accepted input must also satisfy what acceptance
// implies (S < L; DER: a SEQUENCE whose length is the rest) and verify again the same way.
// Seeds (valid signatures to mutate from): tests/unit/data/crypto/fuzz/.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot/crypto.h"

static size_t take(uint8_t *dst, size_t want, const uint8_t **p, size_t *n) {
    size_t k = *n < want ? *n : want;
    memset(dst, 0, want);
    memcpy(dst, *p, k);
    *p += k;
    *n -= k;
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) {
        return 0;
    }
    const uint8_t *p = data + 1;
    size_t n = size - 1;
    if (data[0] & 1) {
        uint8_t pub[32], sig[64];
        take(pub, sizeof(pub), &p, &n);
        take(sig, sizeof(sig), &p, &n);
        bool ok = boot_ed25519_verify(pub, p, n, sig);
        if (ok) {
            // S < L = 2^252 + ...: the top byte of S at most 0x10
            if (sig[63] > 0x10 || ok != boot_ed25519_verify(pub, p, n, sig)) {
                fprintf(stderr, "fuzz_crypto: Ed25519 accepted an impossible signature\n");
                abort();
            }
        }
    } else {
        uint8_t pub[65], hash[32];
        take(pub, sizeof(pub), &p, &n);
        take(hash, sizeof(hash), &p, &n);
        bool ok = boot_p256_verify(pub, hash, p, n);
        if (ok) {
            if (pub[0] != 0x04 || n < 8 || p[0] != 0x30 || p[1] != n - 2 ||
                ok != boot_p256_verify(pub, hash, p, n)) {
                fprintf(stderr, "fuzz_crypto: P-256 accepted an impossible signature\n");
                abort();
            }
        }
    }
    return 0;
}
