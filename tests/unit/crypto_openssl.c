// tests/unit/crypto_openssl.c: TEST-ONLY STAND-IN for the boot/crypto.h implementation, built
// from OpenSSL's libcrypto. TEMPORARY: branch step8-crypto implements boot/crypto.h for the
// bootloader (boot/boot.mk's BOOT_CRYPTO_SRC); until it is merged, the image tests and fuzz
// target link this file instead (boot/image.mk picks BOOT_CRYPTO_SRC as soon as it is defined;
// this file can then be deleted). Never part of a firmware build. It implements the same
// contract, so the tests check real hashes and real signatures, not a stub's answers.
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "boot/crypto.h"

// The EVP contexts live in a small static pool, reused round robin; a context's slot number
// is kept in its buffer (which this implementation does not otherwise use). A hash abandoned
// halfway (a failed read) so leaks nothing. At most POOL hashes may be in progress at once.
#define POOL 8
static EVP_MD_CTX *pool[POOL];
static unsigned next_slot;

static EVP_MD_CTX *ctx_of(boot_sha256 *c) {
    return pool[c->buf[0] % POOL];
}

void boot_sha256_init(boot_sha256 *c) {
    unsigned i = next_slot++ % POOL;
    if (!pool[i]) {
        pool[i] = EVP_MD_CTX_new();
    }
    if (!pool[i] || EVP_DigestInit_ex(pool[i], EVP_sha256(), NULL) != 1) {
        abort();
    }
    memset(c, 0, sizeof(*c));
    c->buf[0] = (uint8_t)i;
}

void boot_sha256_update(boot_sha256 *c, const void *data, size_t n) {
    if (EVP_DigestUpdate(ctx_of(c), data, n) != 1) {
        abort();
    }
    c->len += n;
}

void boot_sha256_final(boot_sha256 *c, uint8_t out[32]) {
    unsigned len = 32;
    if (EVP_DigestFinal_ex(ctx_of(c), out, &len) != 1 || len != 32) {
        abort();
    }
    memset(c, 0, sizeof(*c));
}

void boot_sha256_digest(const void *data, size_t n, uint8_t out[32]) {
    boot_sha256 c;
    boot_sha256_init(&c);
    boot_sha256_update(&c, data, n);
    boot_sha256_final(&c, out);
}

bool boot_ed25519_verify(const uint8_t pub[32], const uint8_t *msg, size_t n,
                         const uint8_t sig[64]) {
    EVP_PKEY *k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
    if (!k) {
        return false;
    }
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    bool ok = m && EVP_DigestVerifyInit(m, NULL, NULL, NULL, k) == 1 &&
              EVP_DigestVerify(m, sig, 64, msg, n) == 1;
    EVP_MD_CTX_free(m);
    EVP_PKEY_free(k);
    return ok;
}

bool boot_p256_verify(const uint8_t pub[65], const uint8_t hash[32], const uint8_t *der,
                      size_t der_len) {
    static const uint8_t spki[] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                   0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                   0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};
    uint8_t buf[sizeof(spki) + 65];
    memcpy(buf, spki, sizeof(spki));
    memcpy(buf + sizeof(spki), pub, 65);
    const unsigned char *p = buf;
    EVP_PKEY *k = d2i_PUBKEY(NULL, &p, sizeof(buf));
    if (!k) {
        return false;
    }
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(k, NULL);
    bool ok = c && EVP_PKEY_verify_init(c) == 1 &&
              EVP_PKEY_CTX_set_signature_md(c, EVP_sha256()) == 1 &&
              EVP_PKEY_verify(c, der, der_len, hash, 32) == 1;
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(k);
    return ok;
}
