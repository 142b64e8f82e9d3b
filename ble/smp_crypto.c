// ble/smp_crypto.c: see ble/smp_crypto.h. AES-128 is byte-oriented (FIPS-197 §5.1: the
// state a 4x4 column-major array of bytes; SubBytes by a 256-byte table, ShiftRows folded
// into it, MixColumns by xtime) with the 176-byte key schedule on the stack, expanded once
// per CMAC. The Security Manager functions build their message MSO first (the spec's
// notation, RFC 4493's order) from little-endian arguments by reversing each field into place.
// ECDH converts between SMP's little-endian keys and boot/p256.c's big-endian ones.
#include <errno.h>
#include <string.h>

#include "ble/smp_crypto.h"
#include "boot/p256.h"

// ---- AES-128 (FIPS-197)

// The S-box: the multiplicative inverse in GF(2^8) (0 for 0) through the affine map of
// FIPS-197 §5.1.1, computed once and written out.
static const uint8_t SBOX[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

#define AES_RK_BYTES 176 // 11 round keys of 16 bytes

// 2x in GF(2^8) mod x^8 + x^4 + x^3 + x + 1, without a branch on the secret byte.
static inline uint8_t xtime(uint8_t x) {
    return (uint8_t)((x << 1) ^ (0x1b & (0u - (x >> 7))));
}

// FIPS-197 §5.2: w[i] = w[i-4] ^ (every 4th word: SubWord(RotWord(w[i-1])) ^ Rcon).
static void aes_expand(uint8_t rk[AES_RK_BYTES], const uint8_t key[16]) {
    memcpy(rk, key, 16);
    uint8_t rcon = 1;
    for (int i = 16; i < AES_RK_BYTES; i += 4) {
        uint8_t t0 = rk[i - 4], t1 = rk[i - 3], t2 = rk[i - 2], t3 = rk[i - 1];
        if (i % 16 == 0) {
            uint8_t u = t0;
            t0 = (uint8_t)(SBOX[t1] ^ rcon);
            t1 = SBOX[t2];
            t2 = SBOX[t3];
            t3 = SBOX[u];
            rcon = xtime(rcon);
        }
        rk[i] = rk[i - 16] ^ t0;
        rk[i + 1] = rk[i - 15] ^ t1;
        rk[i + 2] = rk[i - 14] ^ t2;
        rk[i + 3] = rk[i - 13] ^ t3;
    }
}

// One block; out may alias in. Byte s[r + 4c] is row r, column c.
static void aes_encrypt(const uint8_t rk[AES_RK_BYTES], const uint8_t in[16], uint8_t out[16]) {
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++) {
        s[i] = in[i] ^ rk[i];
    }
    for (int round = 1; round <= 10; round++) {
        // SubBytes and ShiftRows: row r rotates left by r, so t[r][c] = S(s[r][c + r])
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                t[r + 4 * c] = SBOX[s[r + 4 * ((c + r) % 4)]];
            }
        }
        const uint8_t *k = rk + 16 * round;
        if (round == 10) { // the last round has no MixColumns
            for (int i = 0; i < 16; i++) {
                out[i] = t[i] ^ k[i];
            }
            return;
        }
        // MixColumns (§5.1.3): each column times {03}x^3 + x^2 + x + {02}; with
        // a ^ b ^ c ^ d = all, row r becomes a_r ^ all ^ 2 (a_r ^ a_r+1)
        for (int c = 0; c < 4; c++) {
            const uint8_t *a = t + 4 * c;
            uint8_t all = a[0] ^ a[1] ^ a[2] ^ a[3];
            for (int r = 0; r < 4; r++) {
                s[r + 4 * c] = a[r] ^ all ^ xtime(a[r] ^ a[(r + 1) % 4]) ^ k[r + 4 * c];
            }
        }
    }
}

void smp_crypto_aes128(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]) {
    uint8_t rk[AES_RK_BYTES];
    aes_expand(rk, key);
    aes_encrypt(rk, in, out);
}

// dst = src reversed (n bytes, no overlap).
static void reverse(uint8_t *dst, const uint8_t *src, size_t n) {
    for (size_t i = 0; i < n; i++) {
        dst[i] = src[n - 1 - i];
    }
}

void smp_crypto_e(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]) {
    uint8_t k[16], b[16];
    reverse(k, key, 16);
    reverse(b, in, 16);
    smp_crypto_aes128(k, b, b);
    reverse(out, b, 16);
}

// ---- AES-CMAC (RFC 4493)

// Doubling in GF(2^128) (RFC 4493 §2.3's subkey step): shift left one bit, MSO first, and
// fold the carry back with Rb = 0x87.
static void dbl(uint8_t out[16], const uint8_t in[16]) {
    uint8_t carry = in[0] >> 7;
    for (int i = 0; i < 15; i++) {
        out[i] = (uint8_t)(in[i] << 1 | in[i + 1] >> 7);
    }
    out[15] = (uint8_t)((in[15] << 1) ^ (0x87 & (0u - carry)));
}

void smp_crypto_cmac(const uint8_t key[16], const uint8_t *msg, size_t n, uint8_t mac[16]) {
    uint8_t rk[AES_RK_BYTES], x[16] = {0}, k[16] = {0};
    aes_expand(rk, key);
    // every block but the last (a complete one, unless the message is empty) is plain CBC
    size_t full = n == 0 ? 0 : (n - 1) / 16;
    for (size_t b = 0; b < full; b++) {
        for (int i = 0; i < 16; i++) {
            x[i] ^= msg[16 * b + i];
        }
        aes_encrypt(rk, x, x);
    }
    // the last block: XOR K1 if complete, else pad with 10* and XOR K2 (K1 = 2L, K2 = 4L)
    size_t rest = n - 16 * full;
    aes_encrypt(rk, k, k); // L = AES_K(0)
    dbl(k, k);
    if (rest < 16) {
        dbl(k, k);
    }
    for (size_t i = 0; i < 16; i++) {
        uint8_t m = i < rest ? msg[16 * full + i] : i == rest ? 0x80 : 0;
        x[i] ^= m ^ k[i];
    }
    aes_encrypt(rk, x, mac);
}

// ---- the LE Secure Connections functions (Vol 3 Part H §2.2.5-2.2.11)

// Appends the n-byte little-endian field src to the MSO-first message at *p.
static void put(uint8_t **p, const uint8_t *src, size_t n) {
    reverse(*p, src, n);
    *p += n;
}

// The CMAC of the message m[0..n) under the little-endian key, into out, little-endian.
static void cmac_le(const uint8_t key[16], const uint8_t *m, size_t n, uint8_t out[16]) {
    uint8_t k[16], mac[16];
    reverse(k, key, 16);
    smp_crypto_cmac(k, m, n, mac);
    reverse(out, mac, 16);
}

void smp_crypto_f4(const uint8_t u[32], const uint8_t v[32], const uint8_t x[16], uint8_t z,
                   uint8_t out[16]) {
    uint8_t m[65], *p = m;
    put(&p, u, 32);
    put(&p, v, 32);
    *p = z;
    cmac_le(x, m, sizeof(m), out);
}

void smp_crypto_f5(const uint8_t w[32], const uint8_t n1[16], const uint8_t n2[16],
                   const uint8_t a1[7], const uint8_t a2[7], uint8_t mackey[16], uint8_t ltk[16]) {
    // T = AES-CMAC_SALT(W), SALT = 0x6C888391AAF5A53860370BDB5A6083BE (MSO first)
    static const uint8_t SALT[16] = {0x6c, 0x88, 0x83, 0x91, 0xaa, 0xf5, 0xa5, 0x38,
                                     0x60, 0x37, 0x0b, 0xdb, 0x5a, 0x60, 0x83, 0xbe};
    uint8_t m[53], t[16], *p = m;
    put(&p, w, 32);
    smp_crypto_cmac(SALT, m, 32, t);
    // Counter || keyID "btle" || N1 || N2 || A1 || A2 || Length = 256, Counter 0 then 1
    p = m;
    *p++ = 0;
    memcpy(p, "btle", 4);
    p += 4;
    put(&p, n1, 16);
    put(&p, n2, 16);
    put(&p, a1, 7);
    put(&p, a2, 7);
    p[0] = 0x01;
    p[1] = 0x00;
    uint8_t mac[16];
    smp_crypto_cmac(t, m, sizeof(m), mac);
    reverse(mackey, mac, 16);
    m[0] = 1;
    smp_crypto_cmac(t, m, sizeof(m), mac);
    reverse(ltk, mac, 16);
}

void smp_crypto_f6(const uint8_t w[16], const uint8_t n1[16], const uint8_t n2[16],
                   const uint8_t r[16], const uint8_t iocap[3], const uint8_t a1[7],
                   const uint8_t a2[7], uint8_t out[16]) {
    uint8_t m[65], *p = m;
    put(&p, n1, 16);
    put(&p, n2, 16);
    put(&p, r, 16);
    put(&p, iocap, 3);
    put(&p, a1, 7);
    put(&p, a2, 7);
    cmac_le(w, m, sizeof(m), out);
}

uint32_t smp_crypto_g2(const uint8_t u[32], const uint8_t v[32], const uint8_t x[16],
                       const uint8_t y[16]) {
    uint8_t m[80], mac[16], *p = m;
    put(&p, u, 32);
    put(&p, v, 32);
    put(&p, y, 16);
    cmac_le(x, m, sizeof(m), mac);
    // mod 2^32: the four least significant octets
    return (uint32_t)mac[0] | (uint32_t)mac[1] << 8 | (uint32_t)mac[2] << 16 |
           (uint32_t)mac[3] << 24;
}

void smp_crypto_ah(const uint8_t k[16], const uint8_t r[3], uint8_t hash[3]) {
    uint8_t b[16] = {0};
    memcpy(b, r, 3); // r' = 104 zero bits || r: r in the low octets
    smp_crypto_e(k, b, b);
    memcpy(hash, b, 3);
}

void smp_crypto_h6(const uint8_t w[16], uint32_t key_id, uint8_t out[16]) {
    uint8_t m[4] = {(uint8_t)(key_id >> 24), (uint8_t)(key_id >> 16), (uint8_t)(key_id >> 8),
                    (uint8_t)key_id};
    cmac_le(w, m, sizeof(m), out);
}

void smp_crypto_h7(const uint8_t salt[16], const uint8_t w[16], uint8_t out[16]) {
    uint8_t m[16];
    reverse(m, w, 16);
    cmac_le(salt, m, sizeof(m), out);
}

// ---- ECDH on P-256 (§2.3.5.6): SMP's little-endian X || Y to and from boot/p256.c's
// big-endian

// X || Y with each coordinate reversed (the order of the halves kept).
static void xy_reverse(uint8_t dst[64], const uint8_t src[64]) {
    reverse(dst, src, 32);
    reverse(dst + 32, src + 32, 32);
}

int smp_crypto_keygen(const uint8_t priv[32], uint8_t pub[64]) {
    uint8_t d[32], q[64];
    reverse(d, priv, 32);
    bool ok = boot_p256_mul(q, d, NULL);
    memset(d, 0, sizeof(d));
    if (!ok) {
        return -EINVAL;
    }
    xy_reverse(pub, q);
    return 0;
}

int smp_crypto_dhkey(const uint8_t priv[32], const uint8_t peer_pub[64], uint8_t dhkey[32]) {
    uint8_t d[32], q[64];
    reverse(d, priv, 32);
    xy_reverse(q, peer_pub);
    bool ok = boot_p256_mul(q, d, q);
    memset(d, 0, sizeof(d));
    if (!ok) {
        return -EINVAL;
    }
    reverse(dhkey, q, 32);
    return 0;
}
