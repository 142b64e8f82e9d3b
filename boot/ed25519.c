// boot/ed25519.c: Ed25519 signature verification, RFC 8032 §5.1.7.
//
// The field GF(2^255 - 19) is boot/bn256.c's Montgomery arithmetic (8 x 32-bit words); points
// are extended twisted Edwards coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z, added
// with the complete formulas of RFC 8032 §5.1.4 (they double too, so there is one routine).
// The check is cofactorless: [S]B = R + [k]A, computed as [S]B + [k](-A) in one pass over the
// bits of S and k (Shamir's trick), and compared with R through its encoding. docs/crypto.md
// says why cofactorless.
#include <string.h>

#include "boot/bn256.h"
#include "boot/crypto.h"
#include "boot/sha512.h"

// Numbers big-endian as written in RFC 8032 §5.1: p = 2^255 - 19; d = -121665/121666; the
// group order L = 2^252 + 27742317777372353535851937790883648493; sqrt(-1) = 2^((p-1)/4);
// the base point B = (x, 4/5) with x even.
static const uint8_t P_BE[32] = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xed};
static const uint8_t D_BE[32] = {
    0x52, 0x03, 0x6c, 0xee, 0x2b, 0x6f, 0xfe, 0x73, 0x8c, 0xc7, 0x40, 0x79, 0x77, 0x79, 0xe8, 0x98,
    0x00, 0x70, 0x0a, 0x4d, 0x41, 0x41, 0xd8, 0xab, 0x75, 0xeb, 0x4d, 0xca, 0x13, 0x59, 0x78, 0xa3};
static const uint8_t L_BE[32] = {
    0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x14, 0xde, 0xf9, 0xde, 0xa2, 0xf7, 0x9c, 0xd6, 0x58, 0x12, 0x63, 0x1a, 0x5c, 0xf5, 0xd3, 0xed};
static const uint8_t SQRTM1_BE[32] = {
    0x2b, 0x83, 0x24, 0x80, 0x4f, 0xc1, 0xdf, 0x0b, 0x2b, 0x4d, 0x00, 0x99, 0x3d, 0xfb, 0xd7, 0xa7,
    0x2f, 0x43, 0x18, 0x06, 0xad, 0x2f, 0xe4, 0x78, 0xc4, 0xee, 0x1b, 0x27, 0x4a, 0x0e, 0xa0, 0xb0};
static const uint8_t BX_BE[32] = {
    0x21, 0x69, 0x36, 0xd3, 0xcd, 0x6e, 0x53, 0xfe, 0xc0, 0xa4, 0xe2, 0x31, 0xfd, 0xd6, 0xdc, 0x5c,
    0x69, 0x2c, 0xc7, 0x60, 0x95, 0x25, 0xa7, 0xb2, 0xc9, 0x56, 0x2d, 0x60, 0x8f, 0x25, 0xd5, 0x1a};
static const uint8_t BY_BE[32] = {
    0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x58};
// (p - 5) / 8 = 2^252 - 3, the exponent of the square root in §5.1.3, as words
static const uint32_t SQRT_EXP[BN_WORDS] = {0xfffffffd, 0xffffffff, 0xffffffff, 0xffffffff,
                                            0xffffffff, 0xffffffff, 0xffffffff, 0x0fffffff};

typedef uint32_t fe[BN_WORDS]; // a field element in Montgomery form, < p

typedef struct point {
    fe x, y, z, t;
} point;

typedef struct curve {
    bn_mod M;
    fe d, d2; // d and 2d
} curve;

static void fmul(fe r, const fe a, const fe b, const curve *c) {
    bn_mont_mul(r, a, b, &c->M);
}
static void fadd(fe r, const fe a, const fe b, const curve *c) {
    bn_mod_add(r, a, b, c->M.m);
}
static void fsub(fe r, const fe a, const fe b, const curve *c) {
    bn_mod_sub(r, a, b, c->M.m);
}
static void fconst(fe r, const uint8_t be[32], const curve *c) {
    bn_from_be(r, be);
    bn_to_mont(r, r, &c->M);
}

// R = P + Q (RFC 8032 §5.1.4; complete: P = Q, either the neutral element, all fine). R may
// alias P or Q.
static void padd(point *r, const point *p, const point *q, const curve *c) {
    fe a, b, cc, d, e, f, g, h;
    fsub(a, p->y, p->x, c);
    fsub(e, q->y, q->x, c);
    fmul(a, a, e, c); // A = (Y1 - X1)(Y2 - X2)
    fadd(b, p->y, p->x, c);
    fadd(e, q->y, q->x, c);
    fmul(b, b, e, c); // B = (Y1 + X1)(Y2 + X2)
    fmul(cc, p->t, q->t, c);
    fmul(cc, cc, c->d2, c); // C = T1 2d T2
    fmul(d, p->z, q->z, c);
    fadd(d, d, d, c); // D = Z1 2 Z2
    fsub(e, b, a, c);
    fsub(f, d, cc, c);
    fadd(g, d, cc, c);
    fadd(h, b, a, c);
    fmul(r->x, e, f, c);
    fmul(r->y, g, h, c);
    fmul(r->t, e, h, c);
    fmul(r->z, f, g, c);
}

// RFC 8032 §5.1.3: the point encoded in s, false if y >= p, if x^2 = (y^2 - 1)/(d y^2 + 1)
// has no root, or if x = 0 comes with the sign bit set.
static bool decode(point *pt, const uint8_t s[32], const curve *c) {
    uint32_t y[BN_WORDS];
    bn_from_le(y, s);
    y[BN_WORDS - 1] &= 0x7fffffff;
    unsigned sign = s[31] >> 7;
    if (bn_cmp(y, c->M.m) >= 0) {
        return false;
    }
    fe u, v, w, x;
    bn_to_mont(pt->y, y, &c->M);
    fmul(u, pt->y, pt->y, c);
    fmul(v, u, c->d, c);
    fadd(v, v, c->M.one, c);  // v = d y^2 + 1
    fsub(u, u, c->M.one, c);  // u = y^2 - 1
    fmul(w, v, v, c);
    fmul(w, w, v, c);         // v^3
    fmul(x, u, w, c);         // u v^3
    fmul(w, w, w, c);
    fmul(w, w, v, c);         // v^7
    fmul(w, w, u, c);         // u v^7
    bn_mont_pow(w, w, SQRT_EXP, &c->M);
    fmul(x, x, w, c);         // x = u v^3 (u v^7)^((p-5)/8)
    fmul(w, x, x, c);
    fmul(w, w, v, c);         // v x^2: u for a root, -u when x needs sqrt(-1)
    if (bn_cmp(w, u) != 0) {
        fadd(w, w, u, c);
        if (!bn_is_zero(w)) {
            return false;
        }
        fconst(w, SQRTM1_BE, c);
        fmul(x, x, w, c);
    }
    uint32_t xp[BN_WORDS];
    bn_from_mont(xp, x, &c->M);
    if (bn_is_zero(xp) && sign) {
        return false;
    }
    if ((xp[0] & 1) != sign) {
        fsub(x, (const uint32_t[BN_WORDS]){0}, x, c);
    }
    memcpy(pt->x, x, sizeof(fe));
    memcpy(pt->z, c->M.one, sizeof(fe));
    fmul(pt->t, pt->x, pt->y, c);
    return true;
}

// §5.1.2: y with the low bit of x in bit 255.
static void encode(uint8_t s[32], const point *pt, const curve *c) {
    fe zi, x, y;
    bn_mont_inv(zi, pt->z, &c->M);
    fmul(x, pt->x, zi, c);
    fmul(y, pt->y, zi, c);
    bn_from_mont(x, x, &c->M);
    bn_from_mont(y, y, &c->M);
    bn_to_le(s, y);
    s[31] |= (uint8_t)((x[0] & 1) << 7);
}

bool boot_ed25519_verify(const uint8_t pub[32], const uint8_t *msg, size_t n,
                         const uint8_t sig[64]) {
    uint32_t l[BN_WORDS], s[BN_WORDS], k[BN_WORDS];
    // S must be < L (§5.1.7 step 1: the malleability check)
    bn_from_be(l, L_BE);
    bn_from_le(s, sig + 32);
    if (bn_cmp(s, l) >= 0) {
        return false;
    }
    curve c;
    {
        uint32_t p[BN_WORDS];
        bn_from_be(p, P_BE);
        bn_mod_init(&c.M, p);
    }
    fconst(c.d, D_BE, &c);
    fadd(c.d2, c.d, c.d, &c);
    // tab[1] = B, tab[2] = -A, tab[3] = B - A
    point tab[4], acc;
    if (!decode(&tab[2], pub, &c) || !decode(&acc, sig, &c)) {
        return false; // A or R not a canonical encoding of a curve point
    }
    {
        // k = SHA-512(R || A || M) mod L, the digest read as a little-endian number
        uint8_t h[64];
        boot_sha512 sh;
        boot_sha512_init(&sh);
        boot_sha512_update(&sh, sig, 32);
        boot_sha512_update(&sh, pub, 32);
        boot_sha512_update(&sh, msg, n);
        boot_sha512_final(&sh, h);
        bn_mod_bytes(k, h, 64, false, l);
    }
    fsub(tab[2].x, (const uint32_t[BN_WORDS]){0}, tab[2].x, &c);
    fsub(tab[2].t, (const uint32_t[BN_WORDS]){0}, tab[2].t, &c);
    fconst(tab[1].x, BX_BE, &c);
    fconst(tab[1].y, BY_BE, &c);
    memcpy(tab[1].z, c.M.one, sizeof(fe));
    fmul(tab[1].t, tab[1].x, tab[1].y, &c);
    padd(&tab[3], &tab[1], &tab[2], &c);
    // acc = [S]B + [k](-A), both scalars < L < 2^253
    memset(&acc, 0, sizeof(acc));
    memcpy(acc.y, c.M.one, sizeof(fe));
    memcpy(acc.z, c.M.one, sizeof(fe));
    for (int i = 252; i >= 0; i--) {
        padd(&acc, &acc, &acc, &c);
        unsigned j = (s[i / 32] >> (i % 32) & 1) | (k[i / 32] >> (i % 32) & 1) << 1;
        if (j != 0) {
            padd(&acc, &acc, &tab[j], &c);
        }
    }
    // R decoded, so its encoding is canonical and equal encodings mean equal points
    uint8_t r[32];
    encode(r, &acc, &c);
    return memcmp(r, sig, 32) == 0;
}
