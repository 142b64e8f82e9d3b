// boot/bn256.c: see boot/bn256.h. Multiplication is word-serial Montgomery (each of the 8
// rounds adds a * b[i] and the multiple of m that clears the low word, and shifts one word):
// 32x32->64 multiplies only, a 9-word accumulator on the stack.
#include "boot/bn256.h"

uint32_t bn_add(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]) {
    uint64_t c = 0;
    for (int i = 0; i < BN_WORDS; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

uint32_t bn_sub(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]) {
    uint32_t borrow = 0;
    for (int i = 0; i < BN_WORDS; i++) {
        uint64_t d = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (uint32_t)d;
        borrow = (uint32_t)(d >> 32) & 1;
    }
    return borrow;
}

int bn_cmp(const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS]) {
    for (int i = BN_WORDS - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

bool bn_is_zero(const uint32_t a[BN_WORDS]) {
    uint32_t o = 0;
    for (int i = 0; i < BN_WORDS; i++) {
        o |= a[i];
    }
    return o == 0;
}

void bn_from_be(uint32_t r[BN_WORDS], const uint8_t b[32]) {
    for (int i = 0; i < BN_WORDS; i++) {
        const uint8_t *p = b + 28 - 4 * i;
        r[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
}

void bn_from_le(uint32_t r[BN_WORDS], const uint8_t b[32]) {
    for (int i = 0; i < BN_WORDS; i++) {
        const uint8_t *p = b + 4 * i;
        r[i] = (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
    }
}

void bn_to_le(uint8_t b[32], const uint32_t a[BN_WORDS]) {
    for (int i = 0; i < 32; i++) {
        b[i] = (uint8_t)(a[i / 4] >> (8 * (i % 4)));
    }
}

// r = t if take (0 or 1), else unchanged: a mask, not a branch, so that the corrections
// below cost the same whatever the values (ECDH's secret scalar, boot/p256.h).
static void cmov(uint32_t r[BN_WORDS], const uint32_t t[BN_WORDS], uint32_t take) {
    uint32_t mask = 0u - take;
    for (int i = 0; i < BN_WORDS; i++) {
        r[i] ^= (r[i] ^ t[i]) & mask;
    }
}

void bn_mod_add(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                const uint32_t m[BN_WORDS]) {
    // a + b < 2m: one subtraction, when the sum overflowed 2^256 or reached m (r - m did
    // not borrow)
    uint32_t t[BN_WORDS];
    uint32_t carry = bn_add(r, a, b);
    uint32_t borrow = bn_sub(t, r, m);
    cmov(r, t, carry | (borrow ^ 1));
}

void bn_mod_sub(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                const uint32_t m[BN_WORDS]) {
    uint32_t t[BN_WORDS];
    uint32_t borrow = bn_sub(r, a, b);
    bn_add(t, r, m);
    cmov(r, t, borrow);
}

void bn_mod_bytes(uint32_t r[BN_WORDS], const uint8_t *b, int n, bool big_endian,
                  const uint32_t m[BN_WORDS]) {
    static const uint32_t one[BN_WORDS] = {1};
    for (int i = 0; i < BN_WORDS; i++) {
        r[i] = 0;
    }
    for (int i = 0; i < n; i++) {
        uint8_t byte = b[big_endian ? i : n - 1 - i];
        for (int k = 7; k >= 0; k--) {
            bn_mod_add(r, r, r, m); // r < m throughout, so 2r + 1 < 2m
            if (byte >> k & 1) {
                bn_mod_add(r, r, one, m);
            }
        }
    }
}

void bn_mod_init(bn_mod *M, const uint32_t m[BN_WORDS]) {
    for (int i = 0; i < BN_WORDS; i++) {
        M->m[i] = m[i];
    }
    // m^-1 mod 2^32 by Newton's iteration: x = m is right to 3 bits (m odd), each step
    // doubles that
    uint32_t x = m[0];
    for (int i = 0; i < 4; i++) {
        x *= 2 - m[0] * x;
    }
    M->m0 = 0u - x;
    // R mod m and R^2 mod m: 2^256 and 2^512 reduced, as 1 doubled 256 and 512 times
    static const uint8_t one = 1;
    uint32_t *t = M->one;
    bn_mod_bytes(t, &one, 1, true, m);
    for (int i = 0; i < 512; i++) {
        bn_mod_add(t, t, t, m);
        if (i == 255) {
            for (int j = 0; j < BN_WORDS; j++) {
                M->rr[j] = t[j];
            }
            t = M->rr;
        }
    }
}

void bn_mont_mul(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t b[BN_WORDS],
                 const bn_mod *M) {
    // t = (t + a b[i] + q m) / 2^32 for each word b[i], q making the low word 0; the two
    // products run in one pass over the words (carries c for a b[i], d for q m), so each word
    // of t is read and written once per round. t < 2m throughout (t[8] <= 1).
    uint32_t t[BN_WORDS + 1] = {0};
    for (int i = 0; i < BN_WORDS; i++) {
        uint32_t bi = b[i];
        uint64_t c = (uint64_t)a[0] * bi + t[0];
        uint32_t q = (uint32_t)c * M->m0;
        uint64_t d = ((uint64_t)q * M->m[0] + (uint32_t)c) >> 32;
        c >>= 32;
        for (int j = 1; j < BN_WORDS; j++) {
            c += (uint64_t)a[j] * bi + t[j];           // < 2^64
            d += (uint64_t)q * M->m[j] + (uint32_t)c;  // < 2^64
            t[j - 1] = (uint32_t)d;
            c >>= 32;
            d >>= 32;
        }
        c += t[BN_WORDS];
        d += (uint32_t)c;
        t[BN_WORDS - 1] = (uint32_t)d;
        t[BN_WORDS] = (uint32_t)(c >> 32) + (uint32_t)(d >> 32);
    }
    // t < 2m: at most one subtraction, when t >= 2^256 or t - m does not borrow
    uint32_t u[BN_WORDS];
    uint32_t borrow = bn_sub(u, t, M->m);
    cmov(t, u, t[BN_WORDS] | (borrow ^ 1));
    for (int i = 0; i < BN_WORDS; i++) {
        r[i] = t[i];
    }
}

void bn_mont_pow(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const uint32_t e[BN_WORDS],
                 const bn_mod *M) {
    uint32_t x[BN_WORDS], acc[BN_WORDS];
    for (int i = 0; i < BN_WORDS; i++) {
        x[i] = a[i]; // r may alias a
        acc[i] = M->one[i];
    }
    for (int i = 32 * BN_WORDS - 1; i >= 0; i--) {
        bn_mont_mul(acc, acc, acc, M);
        if (e[i / 32] >> (i % 32) & 1) {
            bn_mont_mul(acc, acc, x, M);
        }
    }
    for (int i = 0; i < BN_WORDS; i++) {
        r[i] = acc[i];
    }
}

void bn_mont_inv(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M) {
    static const uint32_t two[BN_WORDS] = {2};
    uint32_t e[BN_WORDS];
    bn_sub(e, M->m, two);
    bn_mont_pow(r, a, e, M);
}

void bn_to_mont(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M) {
    bn_mont_mul(r, a, M->rr, M);
}

void bn_from_mont(uint32_t r[BN_WORDS], const uint32_t a[BN_WORDS], const bn_mod *M) {
    static const uint32_t one[BN_WORDS] = {1};
    bn_mont_mul(r, a, one, M);
}
