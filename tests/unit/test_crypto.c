// tests/unit/test_crypto.c: boot/'s SHA-256, SHA-512 (internal), Ed25519 and ECDSA P-256
// verification. Published vectors (FIPS 180-4 examples, RFC 8032 §7.1), the cases of
// tests/unit/data/crypto/vectors.txt (tests/unit/gen_crypto_vectors.py: hashlib digests,
// OpenSSL signatures, edge cases), bit flips of every kind, and the MCUboot fixture images
// (tests/unit/data/crypto/README.md). Usage: test_crypto DATA_DIR
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot/crypto.h"
#include "boot/sha512.h"
#include "tests/unit/check.h"

// a check that names the case it failed on
#define CHECK_CASE(c, name) CHECK_MSG(c, "[%s]", name)

static const char *data_dir = "tests/unit/data/crypto";

#define unhex check_unhex

static void unhex_fixed(uint8_t *out, size_t n, const char *s) {
    if (unhex(out, n, s) != (long)n) {
        printf("bad hex constant %s\n", s);
        exit(2);
    }
}

// A fixture file into buf; its length, or -1 if it does not fit.
static long slurp(const char *name, uint8_t *buf, size_t cap) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", data_dir, name);
    check_blob b = check_load(path);
    long n = b.n <= cap ? (long)b.n : -1;
    if (n >= 0) {
        memcpy(buf, b.p, b.n);
    }
    free(b.p);
    return n;
}

// Verifiers called on copies placed at the very end of a buffer, so that a read past the
// given length runs off the object (and ASan says so).
static uint8_t tail_buf[64 * 1024];
static const uint8_t *at_end(const uint8_t *p, size_t n) {
    if (n > sizeof(tail_buf)) {
        printf("  test bug: %zu bytes for tail_buf\n", n);
        exit(2);
    }
    uint8_t *q = tail_buf + sizeof(tail_buf) - n;
    memmove(q, p, n);
    return q;
}
static bool ed_verify(const uint8_t pub[32], const uint8_t *msg, size_t n, const uint8_t sig[64]) {
    uint8_t k[32], s[64];
    memcpy(k, pub, 32);
    memcpy(s, sig, 64);
    return boot_ed25519_verify(k, at_end(msg, n), n, s);
}
static bool p256_verify(const uint8_t pub[65], const uint8_t hash[32], const uint8_t *der,
                        size_t n) {
    uint8_t k[65], h[32];
    memcpy(k, pub, 65);
    memcpy(h, hash, 32);
    return boot_p256_verify(k, h, at_end(der, n), n);
}

static void sha256_hex(const void *p, size_t n, char out[65]) {
    uint8_t d[32];
    boot_sha256_digest(p, n, d);
    for (int i = 0; i < 32; i++) {
        sprintf(out + 2 * i, "%02x", d[i]);
    }
}

// ---- SHA

static void test_sha256_fips(void) {
    char h[65];
    sha256_hex("abc", 3, h);
    CHECK(strcmp(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(m448, strlen(m448), h);
    CHECK(strcmp(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0);
    sha256_hex("", 0, h);
    CHECK(strcmp(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
    sha256_hex(NULL, 0, h); // no data, no pointer
    CHECK(strcmp(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
    // one million 'a': in 1000-byte pieces, and in pieces of 1, 2, ... 1413 bytes
    static uint8_t a[1413];
    memset(a, 'a', sizeof(a));
    uint8_t d[32], ref[32];
    unhex_fixed(ref, 32, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    boot_sha256 c;
    boot_sha256_init(&c);
    for (int i = 0; i < 1000; i++) {
        boot_sha256_update(&c, a, 1000);
    }
    boot_sha256_final(&c, d);
    CHECK(memcmp(d, ref, 32) == 0);
    boot_sha256_init(&c);
    size_t left = 1000000;
    for (size_t k = 1; left > 0; k++) {
        size_t take = k < left ? k : left;
        boot_sha256_update(&c, a, take);
        left -= take;
    }
    boot_sha256_final(&c, d);
    CHECK(memcmp(d, ref, 32) == 0);
}

static void test_sha256_splits(void) {
    // every split point of a 300-byte buffer (and every pair of points in its first 150
    // bytes, with an empty update between) gives the one-call digest
    uint8_t buf[300], whole[32], d[32];
    for (size_t i = 0; i < sizeof(buf); i++) {
        buf[i] = (uint8_t)(i * 131 + 7);
    }
    for (size_t n = 0; n <= sizeof(buf); n += (n < 140 ? 1 : 37)) {
        boot_sha256_digest(buf, n, whole);
        for (size_t i = 0; i <= n; i++) {
            boot_sha256 c;
            boot_sha256_init(&c);
            boot_sha256_update(&c, buf, i);
            boot_sha256_update(&c, buf + i, n - i);
            boot_sha256_final(&c, d);
            CHECK(memcmp(d, whole, 32) == 0);
        }
    }
    boot_sha256_digest(buf, 150, whole);
    int bad = 0;
    for (size_t i = 0; i <= 150; i++) {
        for (size_t j = i; j <= 150; j++) {
            boot_sha256 c;
            boot_sha256_init(&c);
            boot_sha256_update(&c, buf, i);
            boot_sha256_update(&c, buf + i, 0);
            boot_sha256_update(&c, buf + i, j - i);
            boot_sha256_update(&c, buf + j, 150 - j);
            boot_sha256_final(&c, d);
            bad += memcmp(d, whole, 32) != 0;
        }
    }
    CHECK(bad == 0);
}

static void test_sha512(void) {
    // FIPS 180-4 examples (the internal SHA-512 of Ed25519)
    static const struct {
        const char *msg, *digest;
    } v[] = {
        {"abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
         "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
         "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"},
    };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        uint8_t d[64], ref[64];
        unhex_fixed(ref, 64, v[i].digest);
        boot_sha512 c;
        boot_sha512_init(&c);
        boot_sha512_update(&c, v[i].msg, strlen(v[i].msg));
        boot_sha512_final(&c, d);
        CHECK(memcmp(d, ref, 64) == 0);
        // byte by byte
        boot_sha512_init(&c);
        for (size_t k = 0; k < strlen(v[i].msg); k++) {
            boot_sha512_update(&c, v[i].msg + k, 1);
        }
        boot_sha512_final(&c, d);
        CHECK(memcmp(d, ref, 64) == 0);
    }
}

// ---- the vector file

static uint8_t msg_buf[8192];
static int n_sha, n_ed, n_ed_ok, n_p256, n_p256_ok;

static void flip(uint8_t *p, size_t bit) {
    p[bit / 8] ^= (uint8_t)(1u << (bit % 8));
}

static void run_case(char *f[], int nf, int index) {
    if (strcmp(f[0], "sha256") == 0 || strcmp(f[0], "sha512") == 0) {
        uint8_t d[64], ref[64];
        long n = unhex(msg_buf, sizeof(msg_buf), f[1]);
        bool is256 = f[0][3] == '2';
        long dn = unhex(ref, sizeof(ref), f[2]);
        CHECK(nf == 3 && n >= 0 && dn == (is256 ? 32 : 64));
        if (n < 0 || dn < 0) {
            return;
        }
        if (is256) {
            boot_sha256_digest(msg_buf, (size_t)n, d);
        } else {
            boot_sha512 c;
            boot_sha512_init(&c);
            boot_sha512_update(&c, msg_buf, (size_t)n);
            boot_sha512_final(&c, d);
        }
        CHECK_CASE(memcmp(d, ref, (size_t)dn) == 0, f[1]);
        n_sha++;
        return;
    }
    CHECK(nf == 6);
    if (nf != 6) {
        return;
    }
    bool ok = strcmp(f[4], "1") == 0;
    const char *name = f[5];
    bool random = strncmp(name, "random", 6) == 0;
    if (strcmp(f[0], "ed25519") == 0) {
        uint8_t pub[32], sig[64];
        long n = unhex(msg_buf, sizeof(msg_buf), f[2]);
        CHECK_CASE(unhex(pub, 32, f[1]) == 32 && unhex(sig, 64, f[3]) == 64 && n >= 0, name);
        CHECK_CASE(ed_verify(pub, msg_buf, (size_t)n, sig) == ok, name);
        n_ed++;
        n_ed_ok += ok;
        if (random && ok) {
            // one bit flipped, somewhere in pub || msg || sig, must fail
            size_t bits = 8 * (32 + (size_t)n + 64), b = ((size_t)index * 2654435761u) % bits;
            if (b < 256) {
                flip(pub, b);
            } else if (b < 256 + 8 * (size_t)n) {
                flip(msg_buf, b - 256);
            } else {
                flip(sig, b - 256 - 8 * (size_t)n);
            }
            CHECK_CASE(!ed_verify(pub, msg_buf, (size_t)n, sig), name);
        }
    } else if (strcmp(f[0], "p256") == 0) {
        uint8_t pub[65], hash[32];
        long n = unhex(msg_buf, sizeof(msg_buf), f[3]);
        CHECK_CASE(unhex(pub, 65, f[1]) == 65 && unhex(hash, 32, f[2]) == 32 && n >= 0, name);
        CHECK_CASE(p256_verify(pub, hash, msg_buf, (size_t)n) == ok, name);
        n_p256++;
        n_p256_ok += ok;
        if (random && ok) {
            size_t bits = 8 * (65 + 32 + (size_t)n), b = ((size_t)index * 2654435761u) % bits;
            if (b < 520) {
                flip(pub, b);
            } else if (b < 520 + 256) {
                flip(hash, b - 520);
            } else {
                flip(msg_buf, b - 520 - 256);
            }
            CHECK_CASE(!p256_verify(pub, hash, msg_buf, (size_t)n), name);
        }
    } else {
        CHECK_CASE(false, f[0]);
    }
}

static void test_vector_file(void) {
    char path[512];
    snprintf(path, sizeof(path), "%s/vectors.txt", data_dir);
    check_vectors(path, run_case);
    printf("  vectors.txt: %d digests, %d Ed25519 (%d valid), %d P-256 (%d valid)\n", n_sha, n_ed,
           n_ed_ok, n_p256, n_p256_ok);
    CHECK(n_sha >= 500 && n_ed_ok >= 200 && n_p256_ok >= 200 && n_ed - n_ed_ok >= 20 &&
          n_p256 - n_p256_ok >= 40);
}

// ---- Ed25519: RFC 8032 §7.1, as printed there

static const struct {
    const char *name, *pub, *msg, *sig;
} rfc8032[] = {
    {"TEST 1", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "-",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"TEST 2", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"TEST 3", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    {"TEST 1024", "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
     "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98"
     "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8"
     "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
     "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc"
     "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe"
     "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
     "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef"
     "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7"
     "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
     "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2"
     "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24"
     "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
     "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc"
     "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07"
     "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
     "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a"
     "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e"
     "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
     "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c"
     "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8"
     "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
     "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08"
     "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649"
     "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
     "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3"
     "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e"
     "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
     "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5"
     "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1"
     "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
     "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c"
     "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0",
     "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
     "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"},
    {"TEST SHA(abc)", "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
     "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
     "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"},
};

static void test_ed25519_rfc8032(void) {
    for (size_t i = 0; i < sizeof(rfc8032) / sizeof(rfc8032[0]); i++) {
        uint8_t pub[32], sig[64];
        unhex_fixed(pub, 32, rfc8032[i].pub);
        unhex_fixed(sig, 64, rfc8032[i].sig);
        long n = unhex(msg_buf, sizeof(msg_buf), rfc8032[i].msg);
        CHECK(n >= 0);
        CHECK_CASE(ed_verify(pub, msg_buf, (size_t)n, sig), rfc8032[i].name);
        if (n == 0) {
            CHECK(boot_ed25519_verify(pub, NULL, 0, sig)); // an empty message needs no pointer
        }
        // every bit of the signature and of the key; every bit of the message (for the
        // 1023 bytes of TEST 1024: every bit of the first and last 64 bytes, one bit of each
        // byte between, its position moving)
        int bad = 0, tried = 0;
        for (size_t b = 0; b < 512; b++, tried++) {
            flip(sig, b);
            bad += ed_verify(pub, msg_buf, (size_t)n, sig);
            flip(sig, b);
        }
        for (size_t b = 0; b < 256; b++, tried++) {
            flip(pub, b);
            bad += ed_verify(pub, msg_buf, (size_t)n, sig);
            flip(pub, b);
        }
        for (size_t b = 0; b < 8 * (size_t)n; b++) {
            size_t byte = b / 8;
            if (byte >= 64 && byte + 64 < (size_t)n && b % 8 != byte % 8) {
                continue;
            }
            flip(msg_buf, b);
            bad += ed_verify(pub, msg_buf, (size_t)n, sig);
            flip(msg_buf, b);
            tried++;
        }
        CHECK_CASE(bad == 0, rfc8032[i].name);
        // a byte appended, the last byte dropped
        msg_buf[n] = 0;
        CHECK_CASE(!ed_verify(pub, msg_buf, (size_t)n + 1, sig), rfc8032[i].name);
        if (n > 0) {
            CHECK_CASE(!ed_verify(pub, msg_buf, (size_t)n - 1, sig), rfc8032[i].name);
        }
        CHECK(ed_verify(pub, msg_buf, (size_t)n, sig)); // all restored
        if (i == 0) {
            printf("  RFC 8032 vectors: %d flips each (TEST 1)\n", tried);
        }
    }
}

static void test_ed25519_s_range(void) {
    // S + L and S + k L for every k that fits: the same scalar mod L, all refused (§5.1.7
    // step 1); in-range values of S that are wrong, refused as wrong
    uint8_t pub[32], sig[64];
    unhex_fixed(pub, 32, rfc8032[1].pub);
    unhex_fixed(sig, 64, rfc8032[1].sig);
    uint8_t msg = 0x72;
    CHECK(ed_verify(pub, &msg, 1, sig));
    static const uint8_t L[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                  0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                  0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
    uint8_t s2[64];
    memcpy(s2, sig, 64);
    for (int k = 1; k <= 15; k++) {
        unsigned c = 0;
        for (int i = 0; i < 32; i++) {
            c += s2[32 + i] + L[i];
            s2[32 + i] = (uint8_t)c;
            c >>= 8;
        }
        CHECK(c == 0);
        CHECK(!ed_verify(pub, &msg, 1, s2));
    }
    memcpy(s2, sig, 32);
    memcpy(s2 + 32, L, 32);
    CHECK(!ed_verify(pub, &msg, 1, s2)); // S = L
    memset(s2 + 32, 0, 32);
    CHECK(!ed_verify(pub, &msg, 1, s2)); // S = 0
}

// ---- P-256

// The first valid P-256 case of the vector file ("p256 PUB HASH DER 1 base").
static struct {
    uint8_t pub[65], hash[32], der[80];
    long n;
} first_p256;

static void find_p256(char **f, int nf, int index) {
    (void)index;
    if (first_p256.n < 0 && nf == 6 && !strcmp(f[0], "p256") && !strcmp(f[4], "1") &&
        !strcmp(f[5], "base") && unhex(first_p256.pub, 65, f[1]) == 65 &&
        unhex(first_p256.hash, 32, f[2]) == 32) {
        first_p256.n = unhex(first_p256.der, sizeof(first_p256.der), f[3]);
    }
}

static void test_p256_flips(void) {
    // the first valid case of the file, every bit of key, hash and signature flipped, every
    // truncation of the signature
    char path[512];
    snprintf(path, sizeof(path), "%s/vectors.txt", data_dir);
    first_p256.n = -1;
    check_vectors(path, find_p256);
    uint8_t *pub = first_p256.pub, *hash = first_p256.hash, *der = first_p256.der;
    long n = first_p256.n;
    CHECK(n > 8);
    if (n <= 8) {
        return;
    }
    CHECK(p256_verify(pub, hash, der, (size_t)n));
    int bad = 0;
    for (size_t b = 0; b < 8 * (size_t)n; b++) {
        flip(der, b);
        bad += p256_verify(pub, hash, der, (size_t)n);
        flip(der, b);
    }
    for (size_t b = 0; b < 520; b++) {
        flip(pub, b);
        bad += p256_verify(pub, hash, der, (size_t)n);
        flip(pub, b);
    }
    for (size_t b = 0; b < 256; b++) {
        flip(hash, b);
        bad += p256_verify(pub, hash, der, (size_t)n);
        flip(hash, b);
    }
    for (long k = 0; k < n; k++) {
        bad += p256_verify(pub, hash, der, (size_t)k);
    }
    CHECK(bad == 0);
    CHECK(p256_verify(pub, hash, der, (size_t)n));
}

// ---- the MCUboot fixtures (tests/unit/data/crypto/README.md)

// The SubjectPublicKeyInfo DER of a PEM file, checked against the expected prefix; the key
// bits (what follows the prefix) into key.
static bool read_key(const char *name, const char *prefix_hex, uint8_t *key, size_t key_len,
                     uint8_t *spki, long *spki_len) {
    char pem[512];
    long n = slurp(name, (uint8_t *)pem, sizeof(pem) - 1);
    if (n < 0) {
        return false;
    }
    pem[n] = 0;
    uint8_t prefix[64];
    long pn = unhex(prefix, sizeof(prefix), prefix_hex);
    *spki_len = check_pem_der(pem, spki, 128);
    if (pn < 0 || *spki_len != pn + (long)key_len || memcmp(spki, prefix, (size_t)pn) != 0) {
        return false;
    }
    memcpy(key, spki + pn, key_len);
    return true;
}

static uint8_t image[48 * 1024];

static uint32_t le(const uint8_t *p, int n) {
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

// The image's signed region (header, payload, protected TLVs: its length returned), and the
// data of TLV `type` in the unprotected area (its length in *len; NULL if absent). Minimal:
// the image parser proper lives elsewhere.
static size_t image_tlv(size_t size, uint16_t type, const uint8_t **data, size_t *len) {
    *data = NULL;
    if (size < 32 || le(image, 4) != 0x96f3b83d) {
        return 0;
    }
    size_t hdr = le(image + 8, 2), prot = le(image + 10, 2), img = le(image + 12, 4);
    size_t off = hdr + img + prot, region = off;
    if (off + 4 > size || le(image + off, 2) != 0x6907) {
        return 0;
    }
    size_t end = off + le(image + off + 2, 2);
    if (end > size) {
        return 0;
    }
    for (off += 4; off + 4 <= end;) {
        size_t t = le(image + off, 2), l = le(image + off + 2, 2);
        if (off + 4 + l > end) {
            break;
        }
        if (t == type) {
            *data = image + off + 4;
            *len = l;
        }
        off += 4 + l;
    }
    return region;
}

static void test_fixtures(void) {
    uint8_t spki[128], digest[32], ref[32], keyhash[32];
    long spki_len;
    const uint8_t *tlv;
    size_t tlv_len;
    // Ed25519: the signature is over the 32-byte SHA-256 digest of the region
    uint8_t edpub[32];
    CHECK(read_key("root-ed25519.pub.pem", "302a300506032b6570032100", edpub, 32, spki, &spki_len));
    boot_sha256_digest(spki, (size_t)spki_len, keyhash);
    unhex_fixed(ref, 32, "b9aee7934ad1b0717b3b5f4380d60e803a49ac43223146b827e2fbd17aa52622");
    CHECK(memcmp(keyhash, ref, 32) == 0); // KEYHASH, as the README gives it
    long size = slurp("app-ed25519.signed.bin", image, sizeof(image));
    CHECK(size == 40656);
    size_t region = image_tlv((size_t)size, 0x10, &tlv, &tlv_len);
    CHECK(region == 0x200 + 40000 && tlv != NULL && tlv_len == 32);
    boot_sha256_digest(image, region, digest);
    unhex_fixed(ref, 32, "7dfa2b0a276f5e3290ffb68d4d08d645b48b469426e4a1fbbaf53b42d5f0864f");
    CHECK(memcmp(digest, ref, 32) == 0);
    CHECK(tlv != NULL && memcmp(tlv, digest, 32) == 0);
    image_tlv((size_t)size, 0x01, &tlv, &tlv_len);
    CHECK(tlv != NULL && tlv_len == 32 && memcmp(tlv, keyhash, 32) == 0);
    image_tlv((size_t)size, 0x24, &tlv, &tlv_len);
    CHECK(tlv != NULL && tlv_len == 64);
    if (tlv != NULL && tlv_len == 64) {
        uint8_t sig[64];
        memcpy(sig, tlv, 64);
        CHECK(ed_verify(edpub, digest, 32, sig));
        // the signature is over the digest, not the region itself
        CHECK(!ed_verify(edpub, image, region, sig));
        // one payload byte changed: another digest, refused
        image[0x200 + 12345] ^= 0x40;
        uint8_t d2[32];
        boot_sha256_digest(image, region, d2);
        CHECK(!ed_verify(edpub, d2, 32, sig));
        image[0x200 + 12345] ^= 0x40;
        sig[63] ^= 0x01;
        CHECK(!ed_verify(edpub, digest, 32, sig));
    }
    // ECDSA P-256: the region hashed with SHA-256, the same digest, the DER signature
    uint8_t ecpub[65];
    CHECK(read_key("root-ec-p256.pub.pem",
                   "3059301306072a8648ce3d020106082a8648ce3d030107034200", ecpub, 65, spki,
                   &spki_len));
    size = slurp("app-ec-p256.signed.bin", image, sizeof(image));
    CHECK(size == 40662);
    region = image_tlv((size_t)size, 0x10, &tlv, &tlv_len);
    CHECK(region == 0x200 + 40000 && tlv != NULL && tlv_len == 32);
    boot_sha256_digest(image, region, digest);
    CHECK(memcmp(digest, ref, 32) == 0); // the same header and payload as the Ed25519 image
    image_tlv((size_t)size, 0x01, &tlv, &tlv_len);
    boot_sha256_digest(spki, (size_t)spki_len, ref);
    CHECK(tlv != NULL && tlv_len == 32 && memcmp(tlv, ref, 32) == 0); // KEYHASH
    image_tlv((size_t)size, 0x22, &tlv, &tlv_len);
    CHECK(tlv != NULL && tlv_len == 0x46);
    if (tlv != NULL && tlv_len == 0x46) {
        uint8_t der[0x46];
        memcpy(der, tlv, sizeof(der));
        CHECK(p256_verify(ecpub, digest, der, sizeof(der)));
        digest[31] ^= 0x80;
        CHECK(!p256_verify(ecpub, digest, der, sizeof(der)));
        digest[31] ^= 0x80;
        der[sizeof(der) - 1] ^= 0x01;
        CHECK(!p256_verify(ecpub, digest, der, sizeof(der)));
        der[sizeof(der) - 1] ^= 0x01;
        // the Ed25519 key's bytes are no P-256 key; the P-256 key's x is no Ed25519 key's
        uint8_t wrong[65];
        wrong[0] = 4;
        memcpy(wrong + 1, edpub, 32);
        memcpy(wrong + 33, edpub, 32);
        CHECK(!p256_verify(wrong, digest, der, sizeof(der)));
        CHECK(p256_verify(ecpub, digest, der, sizeof(der)));
    }
}

// ---- garbage: pseudo-random inputs never verify (and, under ASan, never read astray)

static void test_garbage(void) {
    uint32_t x = 12345;
    uint8_t buf[200];
    int bad = 0;
    for (int i = 0; i < 300; i++) {
        for (size_t k = 0; k < sizeof(buf); k++) {
            x = x * 1103515245 + 12345;
            buf[k] = (uint8_t)(x >> 23);
        }
        size_t n = (size_t)(x >> 8) % 100;
        bad += ed_verify(buf, buf + 100, n, buf + 32);
        buf[0] = 0x04;
        buf[100] = 0x30;
        buf[101] = (uint8_t)(n - 2);
        bad += p256_verify(buf, buf + 65, buf + 100, n);
    }
    CHECK(bad == 0);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        data_dir = argv[1];
    }
    static const check_test tests[] = {
        {"sha256_fips", test_sha256_fips},
        {"sha256_splits", test_sha256_splits},
        {"sha512", test_sha512},
        {"vector_file", test_vector_file},
        {"ed25519_rfc8032", test_ed25519_rfc8032},
        {"ed25519_s_range", test_ed25519_s_range},
        {"p256_flips", test_p256_flips},
        {"fixtures", test_fixtures},
        {"garbage", test_garbage},
    };
    return check_run("crypto", tests, sizeof(tests) / sizeof(tests[0]));
}
