// boot/p256.c: ECDSA verification on P-256 (FIPS 186-4 §6.4.2, curve in §D.1.2.3; SEC 1
// §4.1.4), the signature DER-encoded as in RFC 3279 (SEQUENCE { r INTEGER, s INTEGER }).
//
// The field and the scalars both use boot/bn256.c's Montgomery arithmetic (mod p and mod n).
// Points are Jacobian (X : Y : Z), x = X/Z^2, y = Y/Z^3, Z = 0 the point at infinity;
// u1 G + u2 Q is one pass over the bits of u1 and u2 with G + Q precomputed (Shamir's trick).
// Attacker-chosen keys and signatures can make the sums degenerate (Q = G, Q = -G, partial
// sums meeting), so addition handles P + P and P + (-P) explicitly.
//
// boot_p256_mul (boot/p256.h) is the secret-scalar multiplication of ECDH: a Montgomery
// ladder over the same point operations, the scalar's bits used only through a masked swap.
#include <string.h>

#include "boot/bn256.h"
#include "boot/crypto.h"
#include "boot/p256.h"

static const uint8_t P_BE[32] = {
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
static const uint8_t N_BE[32] = {
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};
static const uint8_t B_BE[32] = {
    0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd, 0x55, 0x76, 0x98, 0x86, 0xbc,
    0x65, 0x1d, 0x06, 0xb0, 0xcc, 0x53, 0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b};
static const uint8_t GX_BE[32] = {
    0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2,
    0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96};
static const uint8_t GY_BE[32] = {
    0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16,
    0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5};

typedef uint32_t fe[BN_WORDS]; // a field element in Montgomery form (mod p), < p

typedef struct point {
    fe x, y, z;
} point;

static void fmul(fe r, const fe a, const fe b, const bn_mod *F) {
    bn_mont_mul(r, a, b, F);
}
static void fadd(fe r, const fe a, const fe b, const bn_mod *F) {
    bn_mod_add(r, a, b, F->m);
}
static void fsub(fe r, const fe a, const fe b, const bn_mod *F) {
    bn_mod_sub(r, a, b, F->m);
}

// R = 2P (a = -3: alpha = 3 (X - Z^2)(X + Z^2)); infinity stays infinity. R may alias P.
static void pdouble(point *r, const point *p, const bn_mod *F) {
    fe delta, gamma, beta, alpha, t;
    fmul(delta, p->z, p->z, F);
    fmul(gamma, p->y, p->y, F);
    fmul(beta, p->x, gamma, F);
    fsub(t, p->x, delta, F);
    fadd(alpha, p->x, delta, F);
    fmul(alpha, alpha, t, F);
    fadd(t, alpha, alpha, F);
    fadd(alpha, alpha, t, F);
    // Z3 = (Y + Z)^2 - gamma - delta = 2 Y Z
    fadd(t, p->y, p->z, F);
    fmul(t, t, t, F);
    fsub(t, t, gamma, F);
    fsub(r->z, t, delta, F);
    // X3 = alpha^2 - 8 beta
    fadd(beta, beta, beta, F);
    fadd(beta, beta, beta, F); // 4 beta
    fmul(t, alpha, alpha, F);
    fsub(t, t, beta, F);
    fsub(r->x, t, beta, F);
    // Y3 = alpha (4 beta - X3) - 8 gamma^2
    fsub(beta, beta, r->x, F);
    fmul(beta, beta, alpha, F);
    fmul(gamma, gamma, gamma, F);
    fadd(gamma, gamma, gamma, F);
    fadd(gamma, gamma, gamma, F);
    fadd(gamma, gamma, gamma, F);
    fsub(r->y, beta, gamma, F);
}

// R = P + Q for any P, Q (either at infinity, equal, opposite). R may alias P or Q.
static void padd(point *r, const point *p, const point *q, const bn_mod *F) {
    if (bn_is_zero(p->z)) {
        *r = *q;
        return;
    }
    if (bn_is_zero(q->z)) {
        *r = *p;
        return;
    }
    fe z1z1, z2z2, u1, u2, s1, s2, h, rr;
    fmul(z1z1, p->z, p->z, F);
    fmul(z2z2, q->z, q->z, F);
    fmul(u1, p->x, z2z2, F);
    fmul(u2, q->x, z1z1, F);
    fmul(s1, p->y, q->z, F);
    fmul(s1, s1, z2z2, F); // S1 = Y1 Z2^3
    fmul(s2, q->y, p->z, F);
    fmul(s2, s2, z1z1, F); // S2 = Y2 Z1^3
    fsub(h, u2, u1, F);
    fsub(rr, s2, s1, F);
    if (bn_is_zero(h)) {
        if (bn_is_zero(rr)) {
            pdouble(r, p, F); // same point
        } else {
            memset(r, 0, sizeof(*r)); // opposite points
        }
        return;
    }
    fe hh, hhh;
    fmul(z1z1, p->z, q->z, F);
    fmul(r->z, z1z1, h, F); // Z3 = Z1 Z2 H
    fmul(hh, h, h, F);
    fmul(hhh, hh, h, F);
    fmul(u1, u1, hh, F); // U1 H^2
    // X3 = r^2 - H^3 - 2 U1 H^2
    fmul(r->x, rr, rr, F);
    fsub(r->x, r->x, hhh, F);
    fsub(r->x, r->x, u1, F);
    fsub(r->x, r->x, u1, F);
    // Y3 = r (U1 H^2 - X3) - S1 H^3
    fsub(u1, u1, r->x, F);
    fmul(u1, u1, rr, F);
    fmul(s1, s1, hhh, F);
    fsub(r->y, u1, s1, F);
}

// X || Y (big-endian), on y^2 = x^3 - 3x + b, coordinates < p (so never the point at
// infinity, which has no such encoding). Into Montgomery form.
static bool decode_xy(point *q, const uint8_t xy[64], const bn_mod *F) {
    bn_from_be(q->x, xy);
    bn_from_be(q->y, xy + 32);
    if (bn_cmp(q->x, F->m) >= 0 || bn_cmp(q->y, F->m) >= 0) {
        return false;
    }
    bn_to_mont(q->x, q->x, F);
    bn_to_mont(q->y, q->y, F);
    memcpy(q->z, F->one, sizeof(fe));
    fe l, r;
    fmul(l, q->y, q->y, F); // y^2
    fmul(r, q->x, q->x, F);
    fmul(r, r, q->x, F);    // x^3
    fsub(r, r, q->x, F);
    fsub(r, r, q->x, F);
    fsub(r, r, q->x, F);    // x^3 - 3x
    fe b;
    bn_from_be(b, B_BE);
    bn_to_mont(b, b, F);
    fadd(r, r, b, F);
    return bn_cmp(l, r) == 0;
}

// SEC 1 §2.3.3 uncompressed point 04 || X || Y.
static bool decode(point *q, const uint8_t pub[65], const bn_mod *F) {
    return pub[0] == 0x04 && decode_xy(q, pub + 1, F);
}

// One DER INTEGER at *pp (before end), strictly: short-form length, at least one content
// byte, non-negative, minimal (a leading zero only before a byte >= 0x80), at most 256 bits.
static bool der_int(const uint8_t **pp, const uint8_t *end, uint32_t v[BN_WORDS]) {
    const uint8_t *p = *pp;
    if (end - p < 2 || p[0] != 0x02 || p[1] >= 0x80) {
        return false;
    }
    size_t len = p[1];
    p += 2;
    if (len == 0 || len > (size_t)(end - p) || (p[0] & 0x80) != 0) {
        return false;
    }
    if (p[0] == 0 && len > 1) {
        if ((p[1] & 0x80) == 0) {
            return false; // a needless leading zero
        }
        p++;
        len--;
    }
    if (len > 32) {
        return false;
    }
    uint8_t be[32] = {0};
    memcpy(be + 32 - len, p, len);
    bn_from_be(v, be);
    *pp = p + len;
    return true;
}

bool boot_p256_verify(const uint8_t pub[65], const uint8_t hash[32], const uint8_t *der,
                      size_t der_len) {
    // SEQUENCE, short-form length covering exactly the rest (two INTEGERs of at most 33 bytes
    // each never need the long form, so DER forbids it)
    uint32_t r[BN_WORDS], s[BN_WORDS];
    if (der_len < 2 || der[0] != 0x30 || der[1] >= 0x80 || der[1] != der_len - 2) {
        return false;
    }
    const uint8_t *p = der + 2, *end = der + der_len;
    if (!der_int(&p, end, r) || !der_int(&p, end, s) || p != end) {
        return false;
    }
    bn_mod N;
    {
        uint32_t n[BN_WORDS];
        bn_from_be(n, N_BE);
        bn_mod_init(&N, n);
    }
    // r, s in [1, n - 1]
    if (bn_is_zero(r) || bn_is_zero(s) || bn_cmp(r, N.m) >= 0 || bn_cmp(s, N.m) >= 0) {
        return false;
    }
    // e = the hash as a number (256 bits: no truncation), w = s^-1, u1 = e w, u2 = r w (mod n)
    uint32_t e[BN_WORDS], w[BN_WORDS], u1[BN_WORDS], u2[BN_WORDS];
    bn_from_be(e, hash);
    if (bn_cmp(e, N.m) >= 0) {
        bn_sub(e, e, N.m); // e < 2^256 < 2n
    }
    bn_to_mont(w, s, &N);
    bn_mont_inv(w, w, &N);        // s^-1 R
    bn_mont_mul(u1, e, w, &N);    // e s^-1
    bn_mont_mul(u2, r, w, &N);    // r s^-1
    bn_mod F;
    {
        uint32_t pm[BN_WORDS];
        bn_from_be(pm, P_BE);
        bn_mod_init(&F, pm);
    }
    // tab[1] = G, tab[2] = Q, tab[3] = G + Q
    point tab[4], acc;
    if (!decode(&tab[2], pub, &F)) {
        return false;
    }
    bn_from_be(tab[1].x, GX_BE);
    bn_from_be(tab[1].y, GY_BE);
    bn_to_mont(tab[1].x, tab[1].x, &F);
    bn_to_mont(tab[1].y, tab[1].y, &F);
    memcpy(tab[1].z, F.one, sizeof(fe));
    padd(&tab[3], &tab[1], &tab[2], &F);
    memset(&acc, 0, sizeof(acc));
    for (int i = 255; i >= 0; i--) {
        pdouble(&acc, &acc, &F);
        unsigned j = (u1[i / 32] >> (i % 32) & 1) | (u2[i / 32] >> (i % 32) & 1) << 1;
        if (j != 0) {
            padd(&acc, &acc, &tab[j], &F);
        }
    }
    if (bn_is_zero(acc.z)) {
        return false;
    }
    // x = X / Z^2, out of Montgomery form, then mod n (x < p < 2n)
    fe x;
    fmul(x, acc.z, acc.z, &F);
    bn_mont_inv(x, x, &F);
    fmul(x, x, acc.x, &F);
    bn_from_mont(x, x, &F);
    if (bn_cmp(x, N.m) >= 0) {
        bn_sub(x, x, N.m);
    }
    return bn_cmp(x, r) == 0;
}

// ---- secret-scalar multiplication (boot/p256.h)

static void init_field(bn_mod *F) {
    uint32_t pm[BN_WORDS];
    bn_from_be(pm, P_BE);
    bn_mod_init(F, pm);
}

bool boot_p256_scalar_ok(const uint8_t k[32]) {
    uint32_t v[BN_WORDS], n[BN_WORDS];
    bn_from_be(v, k);
    bn_from_be(n, N_BE);
    return !bn_is_zero(v) && bn_cmp(v, n) < 0;
}

// a, b = b, a if swap (0 or 1), else unchanged: the same loads and stores either way.
static void fe_swap(fe a, fe b, uint32_t swap) {
    uint32_t mask = 0u - swap;
    for (int i = 0; i < BN_WORDS; i++) {
        uint32_t t = (a[i] ^ b[i]) & mask;
        a[i] ^= t;
        b[i] ^= t;
    }
}
static void pswap(point *a, point *b, uint32_t swap) {
    fe_swap(a->x, b->x, swap);
    fe_swap(a->y, b->y, swap);
    fe_swap(a->z, b->z, swap);
}

bool boot_p256_mul(uint8_t out[64], const uint8_t k[32], const uint8_t *P) {
    if (!boot_p256_scalar_ok(k)) {
        return false;
    }
    bn_mod F;
    init_field(&F);
    point r0, r1;
    if (P == NULL) {
        bn_from_be(r0.x, GX_BE);
        bn_from_be(r0.y, GY_BE);
        bn_to_mont(r0.x, r0.x, &F);
        bn_to_mont(r0.y, r0.y, &F);
        memcpy(r0.z, F.one, sizeof(fe));
    } else if (!decode_xy(&r0, P, &F)) {
        return false;
    }
    // A fixed length: s = k + n if that carries past 2^256, else k + 2n; either way
    // 2^256 <= s < 2^257 and s = k (mod n), so bit 256 is 1 and bits 255..0 are the loop's.
    uint32_t n[BN_WORDS], s1[BN_WORDS], s2[BN_WORDS];
    bn_from_be(n, N_BE);
    bn_from_be(s1, k);
    uint32_t c = bn_add(s1, s1, n);
    bn_add(s2, s1, n); // when c = 0: s1 >= n > 2^255, so this carries
    fe_swap(s1, s2, 1 - c); // s1 = the low 256 bits of s
    // Ladder: r1 - r0 = P throughout, r0 = (the bits of s above i) P; starting at bit 256.
    r1 = r0;
    pdouble(&r1, &r1, &F);
    uint32_t swapped = 0;
    for (int i = 255; i >= 0; i--) {
        uint32_t bit = s1[i / 32] >> (i % 32) & 1;
        pswap(&r0, &r1, swapped ^ bit);
        swapped = bit;
        padd(&r1, &r0, &r1, &F);
        pdouble(&r0, &r0, &F);
    }
    pswap(&r0, &r1, swapped);
    memset(s1, 0, sizeof(s1));
    memset(s2, 0, sizeof(s2));
    if (bn_is_zero(r0.z)) {
        return false; // unreachable for a point of the curve (prime order) and k in [1, n-1]
    }
    // affine: x = X / Z^2, y = Y / Z^3 (an inversion by a public exponent)
    fe zi, t;
    bn_mont_inv(zi, r0.z, &F);
    fmul(t, zi, zi, &F);
    fmul(r0.x, r0.x, t, &F);
    fmul(t, t, zi, &F);
    fmul(r0.y, r0.y, t, &F);
    bn_from_mont(r0.x, r0.x, &F);
    bn_from_mont(r0.y, r0.y, &F);
    for (int i = 0; i < 32; i++) {
        out[i] = (uint8_t)(r0.x[7 - i / 4] >> (24 - 8 * (i % 4)));
        out[32 + i] = (uint8_t)(r0.y[7 - i / 4] >> (24 - 8 * (i % 4)));
    }
    return true;
}
