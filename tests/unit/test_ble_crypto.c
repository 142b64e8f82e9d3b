// tests/unit/test_ble_crypto.c: ble/smp_crypto.c, the Security Manager's toolbox, and the
// secret-scalar P-256 multiplication under it (boot/p256.c). Published data: FIPS-197's
// examples, RFC 4493's, and the Core Specification's (Vol 3 Part H Appendix D for f4 ... h7
// and ah, §2.3.5.6.1 for the P-256 debug and sample keys), which the spec prints MSO first
// and the API takes little-endian, so each is reversed here. Then the cases of
// tests/unit/data/ble_crypto/vectors.txt (tests/unit/gen_ble_crypto_vectors.py: OpenSSL's
// AES, CMAC and ECDH; invalid public keys that must be refused).
// Usage: test_ble_crypto [DATA_DIR] [--bench]
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ble/smp_crypto.h"
#include "boot/p256.h"
#include "tests/unit/check.h"

#define CHECK_CASE(c, name) CHECK_MSG(c, "[%s]", name)

static const char *data_dir = "tests/unit/data/ble_crypto";

// Hex with optional spaces (as the spec prints it) into exactly n bytes, MSO first; exits on
// a malformed constant (a test bug, not a failure of the code under test).
static void be(uint8_t *out, size_t n, const char *s) {
    if (check_unhex(out, n, s) != (long)n) {
        printf("bad hex constant (%zu bytes wanted): %s\n", n, s);
        exit(2);
    }
}

// The same, reversed: the spec's MSO-first notation into SMP's little-endian order.
static void le(uint8_t *out, size_t n, const char *s) {
    uint8_t t[256];
    be(t, n, s);
    for (size_t i = 0; i < n; i++) {
        out[i] = t[n - 1 - i];
    }
}

// ---- the Core Specification's sample data (Vol 3 Part H Appendix D, §2.3.5.6.1)

#define SPEC_U "20b003d2 f297be2c 5e2c83a7 e9f9a5b9 eff49111 acf4fddb cc030148 0e359de6"
#define SPEC_V "55188b3d 32f6bb9a 900afcfb eed4e72a 59cb9ac2 f19d7cfb 6b4fdd49 f47fc5fd"
#define SPEC_N1 "d5cb8454 d177733e ffffb2ec 712baeab"
#define SPEC_N2 "a6e8e7cc 25a75f6e 216583f7 ff3dc4cf"
#define SPEC_W "ec0234a3 57c8ad05 341010a6 0a397d9b 99796b13 b4f866f1 868d34f3 73bfa698"
#define SPEC_A1 "00561237 37bfce"
#define SPEC_A2 "00a71370 2dcfc1"
#define SPEC_MACKEY "2965f176 a1084a02 fd3f6a20 ce636e20"
#define SPEC_W128 "ec0234a3 57c8ad05 341010a6 0a397d9b"

static void test_aes_fips197(void) {
    uint8_t k[16], p[16], c[16], out[16];
    // Appendix B (the cipher example) and Appendix C.1 (AES-128)
    be(k, 16, "2b7e151628aed2a6abf7158809cf4f3c");
    be(p, 16, "3243f6a8885a308d313198a2e0370734");
    be(c, 16, "3925841d02dc09fbdc118597196a0b32");
    smp_crypto_aes128(k, p, out);
    CHECK(memcmp(out, c, 16) == 0);
    be(k, 16, "000102030405060708090a0b0c0d0e0f");
    be(p, 16, "00112233445566778899aabbccddeeff");
    be(c, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    smp_crypto_aes128(k, p, out);
    CHECK(memcmp(out, c, 16) == 0);
    memcpy(out, p, 16);
    smp_crypto_aes128(k, out, out); // in place
    CHECK(memcmp(out, c, 16) == 0);
    // e: the same block, every value reversed
    uint8_t kl[16], pl[16], cl[16];
    le(kl, 16, "000102030405060708090a0b0c0d0e0f");
    le(pl, 16, "00112233445566778899aabbccddeeff");
    le(cl, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    smp_crypto_e(kl, pl, out);
    CHECK(memcmp(out, cl, 16) == 0);
}

static void test_cmac_rfc4493(void) {
    static const struct {
        size_t n;
        const char *mac;
    } cases[] = {
        {0, "bb1d6929e95937287fa37d129b756746"},
        {16, "070a16b46b4d4144f79bdd9dd04a287c"},
        {40, "dfa66747de9ae63030ca32611497c827"},
        {64, "51f0bebf7e3b9d92fc49741779363cfe"},
    };
    uint8_t key[16], msg[64], mac[16], ref[16];
    be(key, 16, "2b7e1516 28aed2a6 abf71588 09cf4f3c");
    be(msg, 64,
       "6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51"
       "30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        be(ref, 16, cases[i].mac);
        smp_crypto_cmac(key, msg, cases[i].n, mac);
        CHECK_MSG(memcmp(mac, ref, 16) == 0, "length %zu", cases[i].n);
    }
}

static void test_f4(void) { // D.2
    uint8_t u[32], v[32], x[16], out[16], ref[16];
    le(u, 32, SPEC_U);
    le(v, 32, SPEC_V);
    le(x, 16, SPEC_N1);
    le(ref, 16, "f2c916f1 07a9bd1c f1eda1be a974872d");
    smp_crypto_f4(u, v, x, 0x00, out);
    CHECK(memcmp(out, ref, 16) == 0);
    smp_crypto_f4(u, v, x, 0x81, out); // another Z, another value
    CHECK(memcmp(out, ref, 16) != 0);
}

static void test_f5(void) { // D.3
    uint8_t w[32], n1[16], n2[16], a1[7], a2[7], mackey[16], ltk[16], ref[16];
    le(w, 32, SPEC_W);
    le(n1, 16, SPEC_N1);
    le(n2, 16, SPEC_N2);
    le(a1, 7, SPEC_A1);
    le(a2, 7, SPEC_A2);
    smp_crypto_f5(w, n1, n2, a1, a2, mackey, ltk);
    le(ref, 16, SPEC_MACKEY);
    CHECK(memcmp(mackey, ref, 16) == 0);
    le(ref, 16, "69867911 69d7cd23 980522b5 94750a38");
    CHECK(memcmp(ltk, ref, 16) == 0);
    // the intermediate key T = AES-CMAC_SALT(W), through the plain CMAC
    uint8_t salt[16], wb[32], t[16];
    be(salt, 16, "6C888391 AAF5A538 60370BDB 5A6083BE");
    be(wb, 32, SPEC_W);
    be(ref, 16, "3c128f20 de883288 97624bdb 8dac6989");
    smp_crypto_cmac(salt, wb, 32, t);
    CHECK(memcmp(t, ref, 16) == 0);
    // the addresses' order matters (initiator first)
    smp_crypto_f5(w, n1, n2, a2, a1, mackey, ltk);
    le(ref, 16, SPEC_MACKEY);
    CHECK(memcmp(mackey, ref, 16) != 0);
}

static void test_f6(void) { // D.4
    uint8_t w[16], n1[16], n2[16], r[16], io[3], a1[7], a2[7], out[16], ref[16];
    le(w, 16, SPEC_MACKEY);
    le(n1, 16, SPEC_N1);
    le(n2, 16, SPEC_N2);
    le(r, 16, "12a3343b b453bb54 08da42d2 0c2d0fc8");
    le(io, 3, "010102");
    le(a1, 7, SPEC_A1);
    le(a2, 7, SPEC_A2);
    le(ref, 16, "e3c47398 9cd0e8c5 d26c0b09 da958f61");
    smp_crypto_f6(w, n1, n2, r, io, a1, a2, out);
    CHECK(memcmp(out, ref, 16) == 0);
}

static void test_g2(void) { // D.5
    uint8_t u[32], v[32], x[16], y[16];
    le(u, 32, SPEC_U);
    le(v, 32, SPEC_V);
    le(x, 16, SPEC_N1);
    le(y, 16, SPEC_N2);
    uint32_t g = smp_crypto_g2(u, v, x, y);
    CHECK_MSG(g == 0x2f9ed5ba, "g2 = %08x", (unsigned)g);
    CHECK(g % 1000000 == 938554); // the six digits a numeric comparison shows
}

static void test_h6_h7(void) { // D.8, D.9
    uint8_t w[16], salt[16], out[16], ref[16];
    le(w, 16, SPEC_W128);
    le(ref, 16, "2d9ae102 e76dc91c e8d3a9e2 80b16399");
    smp_crypto_h6(w, 0x6c656272, out); // "lebr"
    CHECK(memcmp(out, ref, 16) == 0);
    le(salt, 16, "00000000 00000000 00000000 746D7031"); // "tmp1"
    le(ref, 16, "fb173597 c6a3c0ec d2998c2a 75a57011");
    smp_crypto_h7(salt, w, out);
    CHECK(memcmp(out, ref, 16) == 0);
}

static void test_ah(void) { // D.7
    uint8_t irk[16], r[3], hash[3], ref[3];
    le(irk, 16, SPEC_W128);
    le(r, 3, "708194");
    le(ref, 3, "0dfbaa");
    smp_crypto_ah(irk, r, hash);
    CHECK(memcmp(hash, ref, 3) == 0);
}

// §2.3.5.6.1's sample keys; private key A is also the debug key of §2.3.5.6.1
static void test_ecdh_spec(void) {
    uint8_t da[32], db[32], pa[64], pb[64], dh[32], out[64], z[32];
    le(da, 32, "3f49f6d4 a3c55f38 74c9b3e3 d2103f50 4aff607b eb40b799 5899b8a6 cd3c1abd");
    le(db, 32, SPEC_V); // Private B happens to be D.2's V
    le(pa, 32, SPEC_U);
    le(pa + 32, 32, "dc809c49 652aeb6d 63329abf 5a52155c 766345c2 8fed3024 741c8ed0 1589d28b");
    le(pb, 32, "1ea1f0f0 1faf1d96 09592284 f19e4c00 47b58afd 8615a69f 559077b2 2faaa190");
    le(pb + 32, 32, "4c55f33e 429dad37 7356703a 9ab85160 472d1130 e28e3676 5f89aff9 15b1214a");
    le(dh, 32, SPEC_W);
    CHECK(smp_crypto_keygen(da, out) == 0 && memcmp(out, pa, 64) == 0);
    CHECK(smp_crypto_keygen(db, out) == 0 && memcmp(out, pb, 64) == 0);
    CHECK(smp_crypto_dhkey(da, pb, z) == 0 && memcmp(z, dh, 32) == 0);
    memset(z, 0, 32);
    CHECK(smp_crypto_dhkey(db, pa, z) == 0 && memcmp(z, dh, 32) == 0);
    // the peer's key with Y negated (p - y) is on the curve too: accepted, and the DHKey is
    // the same (x(d(-Q)) = x(dQ)); one bit off Y is off the curve: refused, z kept
    uint8_t q[64], keep[32], pm[32];
    memcpy(q, pb, 64);
    le(pm, 32, "ffffffff 00000001 00000000 00000000 00000000 ffffffff ffffffff ffffffff");
    for (int i = 0, borrow = 0; i < 32; i++) { // q.y = p - q.y, little-endian
        int t = pm[i] - q[32 + i] - borrow;
        q[32 + i] = (uint8_t)t;
        borrow = t < 0;
    }
    CHECK(smp_crypto_dhkey(da, q, z) == 0 && memcmp(z, dh, 32) == 0);
    memcpy(q, pb, 64);
    q[32] ^= 1;
    memset(z, 0x5a, 32);
    memcpy(keep, z, 32);
    CHECK(smp_crypto_dhkey(da, q, z) == -EINVAL && memcmp(z, keep, 32) == 0);
}

// The same multiplication through boot/p256.h's big-endian interface: G itself, and 2G.
static void test_p256_mul(void) {
    uint8_t one[32] = {0}, two[32] = {0}, g[64], r[64], r2[64];
    one[31] = 1;
    two[31] = 2;
    be(g, 32, "6b17d1f2 e12c4247 f8bce6e5 63a440f2 77037d81 2deb33a0 f4a13945 d898c296");
    be(g + 32, 32, "4fe342e2 fe1a7f9b 8ee7eb4a 7c0f9e16 2bce3357 6b315ece cbb64068 37bf51f5");
    CHECK(boot_p256_mul(r, one, NULL) && memcmp(r, g, 64) == 0);
    CHECK(boot_p256_mul(r, one, g) && memcmp(r, g, 64) == 0);
    CHECK(boot_p256_mul(r, two, NULL));
    CHECK(boot_p256_mul(r2, two, g) && memcmp(r, r2, 64) == 0);
    memcpy(r2, g, 64);
    CHECK(boot_p256_mul(r2, two, r2) && memcmp(r, r2, 64) == 0); // out aliasing P
    uint8_t zero[32] = {0};
    CHECK(!boot_p256_mul(r, zero, NULL) && !boot_p256_scalar_ok(zero));
}

// ---- the vector file

static int n_aes, n_cmac, n_ecdh, n_badpriv, n_badpub;

static void run_case(char *f[], int nf, int index) {
    const char *kind = f[0];
    if (strcmp(kind, "aes") == 0 && nf == 4) {
        uint8_t k[16], p[16], c[16], out[16];
        be(k, 16, f[1]);
        be(p, 16, f[2]);
        be(c, 16, f[3]);
        smp_crypto_aes128(k, p, out);
        CHECK_CASE(memcmp(out, c, 16) == 0, f[1]);
        n_aes++;
    } else if (strcmp(kind, "cmac") == 0 && nf == 4) {
        static uint8_t msg[1024];
        uint8_t k[16], t[16], out[16];
        size_t n = strcmp(f[2], "-") == 0 ? 0 : strlen(f[2]) / 2;
        if (n > sizeof(msg)) {
            CHECK_CASE(false, "cmac message too long");
            return;
        }
        be(k, 16, f[1]);
        if (n > 0) {
            be(msg, n, f[2]);
        }
        be(t, 16, f[3]);
        // at the end of a heap block, so that a read past n bytes trips ASan
        uint8_t *m = malloc(n + 1);
        memcpy(m + 1, msg, n);
        smp_crypto_cmac(k, m + 1, n, out);
        free(m);
        CHECK_CASE(memcmp(out, t, 16) == 0, f[1]);
        n_cmac++;
    } else if (strcmp(kind, "ecdh") == 0 && nf == 7) {
        uint8_t d[32], pub[64], peer[64], z[32], out[64], zz[32];
        le(d, 32, f[1]);
        le(pub, 32, f[2]);
        le(pub + 32, 32, f[3]);
        le(peer, 32, f[4]);
        le(peer + 32, 32, f[5]);
        le(z, 32, f[6]);
        CHECK_CASE(smp_crypto_keygen(d, out) == 0 && memcmp(out, pub, 64) == 0, f[1]);
        CHECK_CASE(smp_crypto_dhkey(d, peer, zz) == 0 && memcmp(zz, z, 32) == 0, f[1]);
        // one bit of the peer's key flipped: off the curve (or >= p), refused
        size_t bit = ((size_t)index * 2654435761u) % 512;
        peer[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        CHECK_CASE(smp_crypto_dhkey(d, peer, zz) == -EINVAL, f[1]);
        n_ecdh++;
    } else if (strcmp(kind, "badpriv") == 0 && nf == 3) {
        uint8_t d[32], out[64], z[32], g[64];
        le(d, 32, f[1]);
        CHECK_CASE(smp_crypto_keygen(d, out) == -EINVAL, f[2]);
        uint8_t one[32] = {1};
        CHECK(smp_crypto_keygen(one, g) == 0); // G, a valid peer key
        CHECK_CASE(smp_crypto_dhkey(d, g, z) == -EINVAL, f[2]);
        n_badpriv++;
    } else if (strcmp(kind, "badpub") == 0 && nf == 5) {
        uint8_t d[32], q[64], z[32], keep[32];
        le(d, 32, f[1]);
        le(q, 32, f[2]);
        le(q + 32, 32, f[3]);
        memset(z, 0xa5, sizeof(z));
        memcpy(keep, z, sizeof(z));
        CHECK_CASE(smp_crypto_dhkey(d, q, z) == -EINVAL && memcmp(z, keep, 32) == 0, f[4]);
        n_badpub++;
    } else {
        CHECK_CASE(false, kind);
    }
}

static void test_vector_file(void) {
    char path[512];
    snprintf(path, sizeof(path), "%s/vectors.txt", data_dir);
    check_vectors(path, run_case);
    printf("  %d aes, %d cmac, %d ecdh, %d bad private keys, %d bad public keys\n", n_aes, n_cmac,
           n_ecdh, n_badpriv, n_badpub);
    CHECK(n_aes >= 200 && n_cmac >= 100 && n_ecdh >= 100 && n_badpriv >= 4 && n_badpub >= 30);
}

// --bench: the wall-clock cost of one key generation plus one DHKey (not a test).
static void bench(void) {
    uint8_t d[32], pub[64], peer[64], z[32];
    le(d, 32, SPEC_V);
    smp_crypto_keygen(d, peer);
    struct timespec t0, t1;
    int rounds = 50;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < rounds; i++) {
        d[0] = (uint8_t)(i + 1);
        smp_crypto_keygen(d, pub);
        smp_crypto_dhkey(d, peer, z);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us =
        ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / 1e3 / rounds;
    printf("bench: keygen + dhkey %.0f us (%d rounds)\n", us, rounds);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bench") == 0) {
            bench();
            return 0;
        }
        data_dir = argv[i];
    }
    static const check_test tests[] = {
        {"aes_fips197", test_aes_fips197},
        {"cmac_rfc4493", test_cmac_rfc4493},
        {"f4", test_f4},
        {"f5", test_f5},
        {"f6", test_f6},
        {"g2", test_g2},
        {"h6_h7", test_h6_h7},
        {"ah", test_ah},
        {"ecdh_spec", test_ecdh_spec},
        {"p256_mul", test_p256_mul},
        {"vector_file", test_vector_file},
    };
    return check_run("ble_crypto", tests, sizeof(tests) / sizeof(tests[0]));
}
