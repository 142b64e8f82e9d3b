// py/mpz.c: natural-number arithmetic on little-endian 32-bit digit arrays (see py/mpz.h).
// Invariants: results are written only to caller-provided buffers whose sizes the header
// documents; temporaries come from the caller's scratch area, handed down recursively as a
// bump region (a callee may use everything after what its caller still needs).
// Algorithms: schoolbook and Karatsuba multiplication/squaring, Knuth's algorithm D,
// division by a digit through its reciprocal, divide-and-conquer radix conversion (powers
// base^(k*2^i) built by squaring). On 64-bit hosts the linear loops take digit pairs.
// Non-goals: FFT multiplication, subquadratic division (the D&C radix conversion is still
// quadratic overall but with a small constant: str() of a 50 000-digit number takes ~10 ms).
#include "py/mpz.h"

#include <string.h>

#define DIG_BITS PY_MPZ_DIG_BITS
typedef py_mpz_dig dig;
typedef py_mpz_ddig ddig;

// Below this many digits radix conversion uses the quadratic digit-by-digit method.
#define DC_CONV_THRESHOLD 30

// On 64-bit little-endian hosts with a 128-bit type, the hot loops below take two digits at
// a time as one 64-bit word (a pair of little-endian digits is one little-endian word), and a
// word times a digit is one 64x64->128 multiply. The *_pairs helpers do the whole pairs and
// return how many digits they did; the portable loops after them finish the odd digit (or do
// everything on 32-bit targets, where the helpers do nothing).
#if defined(__SIZEOF_INT128__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PAIRS 1
typedef unsigned __int128 qdig;
static inline uint64_t load2(const dig *p) {
    uint64_t w;
    memcpy(&w, p, sizeof w); // digits are only 4-byte aligned
    return w;
}
static inline void store2(dig *p, uint64_t w) {
    memcpy(p, &w, sizeof w);
}
#else
#define PAIRS 0
#endif // __SIZEOF_INT128__

int py_mpz_cmp(const dig *a, size_t an, const dig *b, size_t bn) {
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an-- > 0) {
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

static inline unsigned clz_dig(dig d) {
    return d ? (unsigned)__builtin_clz(d) : DIG_BITS;
}

size_t py_mpz_bit_length(const dig *a, size_t an) {
    if (an == 0) {
        return 0;
    }
    return an * DIG_BITS - clz_dig(a[an - 1]);
}

size_t py_mpz_popcount(const dig *a, size_t an) {
    size_t n = 0;
    for (size_t i = 0; i < an; i++) {
        n += (size_t)__builtin_popcount(a[i]);
    }
    return n;
}

// ---- addition and subtraction ---------------------------------------------------------

#if PAIRS
static inline size_t add_pairs(dig *r, const dig *a, const dig *b, size_t n, dig *c) {
    uint64_t cw = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { // two pairs a step: the loop overhead is half the work
        uint64_t w, v;
        bool c1 = __builtin_add_overflow(load2(a + i), load2(b + i), &w);
        bool c2 = __builtin_add_overflow(w, cw, &w);
        store2(r + i, w);
        bool c3 = __builtin_add_overflow(load2(a + i + 2), load2(b + i + 2), &v);
        bool c4 = __builtin_add_overflow(v, (uint64_t)(c1 | c2), &v);
        store2(r + i + 2, v);
        cw = c3 | c4;
    }
    if (i + 2 <= n) {
        uint64_t w;
        bool c1 = __builtin_add_overflow(load2(a + i), load2(b + i), &w);
        bool c2 = __builtin_add_overflow(w, cw, &w);
        store2(r + i, w);
        cw = c1 | c2;
        i += 2;
    }
    *c = (dig)cw;
    return i;
}

static inline size_t sub_pairs(dig *r, const dig *a, const dig *b, size_t n, dig *borrow) {
    uint64_t bw = 0;
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        uint64_t d;
        bool b1 = __builtin_sub_overflow(load2(a + i), load2(b + i), &d);
        bool b2 = __builtin_sub_overflow(d, bw, &d);
        store2(r + i, d);
        bw = b1 | b2;
    }
    *borrow = (dig)bw;
    return i;
}
#else
static inline size_t add_pairs(dig *r, const dig *a, const dig *b, size_t n, dig *c) {
    (void)r, (void)a, (void)b, (void)n;
    *c = 0;
    return 0;
}

static inline size_t sub_pairs(dig *r, const dig *a, const dig *b, size_t n, dig *borrow) {
    (void)r, (void)a, (void)b, (void)n;
    *borrow = 0;
    return 0;
}
#endif // PAIRS

// r[0..n) = a[0..n) + b[0..n); returns the carry. r may alias a or b.
static dig add_n(dig *r, const dig *a, const dig *b, size_t n) {
    dig c0;
    size_t i = add_pairs(r, a, b, n, &c0);
    ddig c = c0;
    for (; i < n; i++) {
        c += (ddig)a[i] + b[i];
        r[i] = (dig)c;
        c >>= DIG_BITS;
    }
    return (dig)c;
}

// r[0..n) = a[0..n) - b[0..n); returns the borrow (0 or 1). r may alias a or b.
static dig sub_n(dig *r, const dig *a, const dig *b, size_t n) {
    dig borrow;
    for (size_t i = sub_pairs(r, a, b, n, &borrow); i < n; i++) {
        dig x = a[i], y = b[i];
        dig d = x - y - borrow;
        borrow = (x < y) | ((x == y) & borrow);
        r[i] = d;
    }
    return borrow;
}

// r[0..rn) += a[0..an), an <= rn; the carry runs up r and must not leave it.
static void add_into(dig *r, size_t rn, const dig *a, size_t an) {
    dig c = add_n(r, r, a, an);
    for (size_t i = an; c && i < rn; i++) {
        c = ++r[i] == 0;
    }
}

// r[0..rn) -= a[0..an), an <= rn, r >= a.
static void sub_from(dig *r, size_t rn, const dig *a, size_t an) {
    dig b = sub_n(r, r, a, an);
    for (size_t i = an; b && i < rn; i++) {
        b = r[i]-- == 0;
    }
}

size_t py_mpz_add(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    if (an < bn) {
        const dig *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    dig c = add_n(r, a, b, bn);
    size_t i = bn;
    for (; c && i < an; i++) {
        dig x = a[i] + 1;
        c = x == 0;
        r[i] = x;
    }
    if (r != a && i < an) {
        memcpy(r + i, a + i, (an - i) * sizeof(dig)); // the carry has stopped: a copy
    }
    if (c) {
        r[an] = c;
    }
    return an + c;
}

size_t py_mpz_sub(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    dig borrow = sub_n(r, a, b, bn);
    for (size_t i = bn; i < an; i++) {
        dig x = a[i];
        r[i] = x - borrow;
        borrow = x < borrow;
    }
    return py_mpz_norm(r, an);
}

// ---- multiplication ------------------------------------------------------------------------

// The pair versions of the loops below; the carry stays below 2^32 as in the digit loops
// (a word times a digit plus a word and a carry is below 2^96).
#if PAIRS
static inline size_t mul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    uint64_t cw = *c;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { // two pairs a step: the loop overhead is half the work
        qdig p = (qdig)load2(a + i) * m + cw;
        store2(r + i, (uint64_t)p);
        p = (qdig)load2(a + i + 2) * m + (uint64_t)(p >> 64);
        store2(r + i + 2, (uint64_t)p);
        cw = (uint64_t)(p >> 64);
    }
    if (i + 2 <= n) {
        qdig p = (qdig)load2(a + i) * m + cw;
        store2(r + i, (uint64_t)p);
        cw = (uint64_t)(p >> 64);
        i += 2;
    }
    *c = (dig)cw;
    return i;
}

static inline size_t addmul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    uint64_t cw = *c;
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        qdig p = (qdig)load2(a + i) * m + load2(r + i) + cw;
        store2(r + i, (uint64_t)p);
        cw = (uint64_t)(p >> 64);
    }
    *c = (dig)cw;
    return i;
}

static inline size_t submul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    uint64_t cw = *c;
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        qdig p = (qdig)load2(a + i) * m + cw;
        uint64_t lo = (uint64_t)p, x = load2(r + i);
        cw = (uint64_t)(p >> 64) + (x < lo);
        store2(r + i, x - lo);
    }
    *c = (dig)cw;
    return i;
}
#else
static inline size_t mul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    (void)r, (void)a, (void)n, (void)m, (void)c;
    return 0;
}

static inline size_t addmul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    (void)r, (void)a, (void)n, (void)m, (void)c;
    return 0;
}

static inline size_t submul_pairs(dig *r, const dig *a, size_t n, dig m, dig *c) {
    (void)r, (void)a, (void)n, (void)m, (void)c;
    return 0;
}
#endif // PAIRS

// r[0..n) += a[0..n) * m; returns the carry digit.
static inline dig addmul_1(dig *r, const dig *a, size_t n, dig m) {
    dig c0 = 0;
    size_t i = addmul_pairs(r, a, n, m, &c0);
    ddig c = c0;
    for (; i < n; i++) {
        c += (ddig)a[i] * m + r[i]; // <= (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1: no overflow
        r[i] = (dig)c;
        c >>= DIG_BITS;
    }
    return (dig)c;
}

// r[0..n) -= a[0..n) * m; returns the borrow digit.
static inline dig submul_1(dig *r, const dig *a, size_t n, dig m) {
    dig c0 = 0;
    size_t i = submul_pairs(r, a, n, m, &c0);
    ddig c = c0;
    for (; i < n; i++) {
        ddig p = (ddig)a[i] * m + c;
        dig lo = (dig)p;
        c = (p >> DIG_BITS) + (r[i] < lo);
        r[i] -= lo;
    }
    return (dig)c;
}

size_t py_mpz_mul_1(dig *r, const dig *a, size_t an, dig m, dig c0) {
    size_t i = mul_pairs(r, a, an, m, &c0);
    ddig c = c0;
    for (; i < an; i++) {
        c += (ddig)a[i] * m;
        r[i] = (dig)c;
        c >>= DIG_BITS;
    }
    if (c) {
        r[an] = (dig)c;
        return an + 1;
    }
    return py_mpz_norm(r, an);
}

// Schoolbook: r[0..an+bn) = a * b (the longer operand in the inner loop).
static void mul_base(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    if (an < bn) {
        const dig *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (bn == 0) {
        memset(r, 0, an * sizeof(dig));
        return;
    }
    r[an] = 0; // py_mpz_mul_1 writes it only when not 0
    py_mpz_mul_1(r, a, an, b[0], 0);
    for (size_t j = 1; j < bn; j++) {
        r[an + j] = addmul_1(r + j, a, an, b[j]);
    }
}

// Scratch bound of Karatsuba on operands of at most n digits (monotone in n).
static size_t kara_scratch(size_t n) {
    size_t s = 0;
    while (n >= PY_MPZ_KARATSUBA_THRESHOLD) {
        size_t h = (n + 1) / 2;
        s += 4 * h + 4;
        n = h + 1;
    }
    return s;
}

size_t py_mpz_mul_scratch(size_t an, size_t bn) {
    if (an < bn) {
        size_t t = an;
        an = bn;
        bn = t;
    }
    if (bn < PY_MPZ_KARATSUBA_THRESHOLD) {
        return 0;
    }
    if (an >= 2 * bn) {
        return 2 * bn + kara_scratch(bn);
    }
    return kara_scratch(an);
}

// r[0..an+bn) = a * b, inputs of fixed width (need not be normalised).
static void kmul(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch) {
    if (an < bn) {
        const dig *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (bn < PY_MPZ_KARATSUBA_THRESHOLD) {
        mul_base(r, a, an, b, bn);
        return;
    }
    if (an >= 2 * bn) {
        // Unbalanced: multiply b by bn-digit slices of a and add the partial products.
        kmul(r, a, bn, b, bn, scratch);
        memset(r + 2 * bn, 0, (an - bn) * sizeof(dig));
        dig *t = scratch;
        for (size_t off = bn; off < an; off += bn) {
            size_t c = an - off < bn ? an - off : bn;
            kmul(t, a + off, c, b, bn, scratch + 2 * bn);
            add_into(r + off, an + bn - off, t, c + bn);
        }
        return;
    }
    // Balanced: a = a1 X + a0, b = b1 X + b0 with X = 2^(32h);
    // a b = z2 X^2 + ((a0 + a1)(b0 + b1) - z0 - z2) X + z0.
    size_t h = (an + 1) / 2; // bn >= h because bn > an / 2
    const dig *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a1n = an - h, b1n = bn - h;
    kmul(r, a0, h, b0, h, scratch);
    if (b1n > 0) {
        kmul(r + 2 * h, a1, a1n, b1, b1n, scratch);
    } else {
        memset(r + 2 * h, 0, (an + bn - 2 * h) * sizeof(dig));
    }
    dig *sa = scratch, *sb = scratch + h + 1, *t = scratch + 2 * h + 2;
    // sa = a0 + a1 over h + 1 digits
    memcpy(sa, a0, h * sizeof(dig));
    sa[h] = 0;
    add_into(sa, h + 1, a1, a1n);
    memcpy(sb, b0, h * sizeof(dig));
    sb[h] = 0;
    add_into(sb, h + 1, b1, b1n);
    kmul(t, sa, h + 1, sb, h + 1, scratch + 4 * h + 4);
    size_t tn = 2 * h + 2;
    sub_from(t, tn, r, 2 * h);
    sub_from(t, tn, r + 2 * h, an + bn - 2 * h);
    tn = py_mpz_norm(t, tn);
    add_into(r + h, an + bn - h, t, tn);
}

size_t py_mpz_mul(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch) {
    kmul(r, a, an, b, bn, scratch);
    return py_mpz_norm(r, an + bn);
}

// Schoolbook squaring: each cross product once, doubled, plus the squares.
static void sqr_base(dig *r, const dig *a, size_t n) {
    if (n == 0) {
        return;
    }
    memset(r, 0, 2 * n * sizeof(dig));
    for (size_t i = 0; i + 1 < n; i++) {
        r[i + n] = addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    }
    // double
    dig c = 0;
    for (size_t i = 0; i < 2 * n; i++) {
        dig x = r[i];
        r[i] = (x << 1) | c;
        c = x >> (DIG_BITS - 1);
    }
    // add the squares a[i]^2 at 2i
    ddig cc = 0;
    for (size_t i = 0; i < n; i++) {
        ddig sq = (ddig)a[i] * a[i];
        cc += (ddig)r[2 * i] + (dig)sq;
        r[2 * i] = (dig)cc;
        cc >>= DIG_BITS;
        cc += (ddig)r[2 * i + 1] + (dig)(sq >> DIG_BITS);
        r[2 * i + 1] = (dig)cc;
        cc >>= DIG_BITS;
    }
}

static void ksqr(dig *r, const dig *a, size_t n, dig *scratch) {
    if (n < PY_MPZ_SQR_THRESHOLD) {
        sqr_base(r, a, n);
        return;
    }
    size_t h = (n + 1) / 2, a1n = n - h;
    ksqr(r, a, h, scratch);
    ksqr(r + 2 * h, a + h, a1n, scratch);
    dig *s = scratch, *t = scratch + h + 1;
    memcpy(s, a, h * sizeof(dig));
    s[h] = 0;
    add_into(s, h + 1, a + h, a1n);
    ksqr(t, s, h + 1, scratch + 3 * h + 3);
    size_t tn = 2 * h + 2;
    sub_from(t, tn, r, 2 * h);
    sub_from(t, tn, r + 2 * h, 2 * a1n);
    tn = py_mpz_norm(t, tn);
    add_into(r + h, 2 * n - h, t, tn);
}

size_t py_mpz_sqr(dig *r, const dig *a, size_t an, dig *scratch) {
    ksqr(r, a, an, scratch);
    return py_mpz_norm(r, 2 * an);
}

// ---- division ---------------------------------------------------------------------------

// Division by a digit known in advance (Moller and Granlund, "Improved division by invariant
// integers", IEEE Trans. Computers 2011): a two-digit by one-digit division costs one 32x32->64
// multiplication and a few corrections instead of a 64/32 division, which is a library call
// on the M3 and a long-latency instruction on x86. d must be normalised (top bit set);
// v = floor((2^64 - 1) / d) - 2^32.
static inline dig recip_of(dig d) {
    return (dig)((((ddig)(dig)~d) << DIG_BITS | PY_MPZ_DIG_MAX) / d);
}

// (u1 u0) / d for u1 < d: returns the quotient digit, *r the remainder.
static inline dig div_2by1(dig *r, dig u1, dig u0, dig d, dig v) {
    // (v + 2^32) u1 + u0 < 2^64 because u1 < d: the sum cannot wrap
    ddig p = (ddig)v * u1 + (((ddig)u1 << DIG_BITS) | u0);
    dig q1 = (dig)(p >> DIG_BITS) + 1, q0 = (dig)p;
    dig rr = u0 - q1 * d;
    // q1 was one too large about half the time: corrected without a branch
    dig mask = (dig)0 - (dig)(rr > q0);
    q1 += mask;
    rr += mask & d;
    if (rr >= d) { // one too small (rare)
        q1++;
        rr -= d;
    }
    *r = rr;
    return q1;
}

#if PAIRS
// The same with 64-bit words on 64-bit hosts, which halves the dependent chain: q[0..n) =
// (r a[0..n)) / d for even n and r < d (q may be a or NULL); returns the remainder. d is
// normalised as a 64-bit word (shift 32..63), and so is the dividend, on the fly.
static dig div_pairs(dig *q, const dig *a, size_t n, dig d, dig r) {
    unsigned s = DIG_BITS + clz_dig(d);
    uint64_t dd = (uint64_t)d << s;
    uint64_t v = (uint64_t)((((qdig)~dd) << 64 | UINT64_MAX) / dd);
    uint64_t rr = ((uint64_t)r << s) | (load2(a + n - 2) >> (64 - s));
    for (size_t i = n; i > 0; i -= 2) {
        uint64_t u0 = (load2(a + i - 2) << s) | (i > 2 ? load2(a + i - 4) >> (64 - s) : 0);
        qdig p = (qdig)v * rr + (((qdig)rr << 64) | u0);
        uint64_t q1 = (uint64_t)(p >> 64) + 1, q0 = (uint64_t)p;
        uint64_t rem = u0 - q1 * dd;
        uint64_t mask = (uint64_t)0 - (uint64_t)(rem > q0);
        q1 += mask;
        rem += mask & dd;
        if (rem >= dd) {
            q1++;
            rem -= dd;
        }
        rr = rem;
        if (q) {
            store2(q + i - 2, q1);
        }
    }
    return (dig)(rr >> s);
}
#else
static dig div_pairs(dig *q, const dig *a, size_t n, dig d, dig r) {
    (void)q, (void)a, (void)n, (void)d;
    return r;
}
#endif // PAIRS

// q = a / d (q may be a or NULL), returns a % d; *wn gets how many quotient digits were
// written: an, or an - 1 when a's top digit is below d (the quotient's top digit would be
// 0). The dividend is shifted left by the divisor's normalising shift on the fly, which
// leaves the quotient unchanged.
static dig div_1(dig *q, size_t *wn, const dig *a, size_t an, dig d) {
    dig r = 0;
    if (an > 0 && a[an - 1] < d) {
        r = a[--an];
    }
    *wn = an;
    if (PAIRS && an >= 8) {
        // an odd top digit first, then pairs (the reciprocal costs a 128/64 division once)
        if (an & 1) {
            ddig cur = ((ddig)r << DIG_BITS) | a[an - 1];
            r = (dig)(cur % d);
            if (q) {
                q[an - 1] = (dig)(cur / d);
            }
            an--;
        }
        return div_pairs(q, a, an, d, r);
    }
    if (an == 0) {
        return r;
    }
    unsigned s = clz_dig(d);
    d <<= s;
    dig v = recip_of(d);
    if (s == 0) {
        for (size_t i = an; i-- > 0;) {
            dig qd = div_2by1(&r, r, a[i], d, v);
            if (q) {
                q[i] = qd;
            }
        }
        return r;
    }
    r = (r << s) | (a[an - 1] >> (DIG_BITS - s)); // r < d before the shift: still below d
    for (size_t i = an; i-- > 0;) {
        dig u0 = (a[i] << s) | (i > 0 ? a[i - 1] >> (DIG_BITS - s) : 0);
        dig qd = div_2by1(&r, r, u0, d, v);
        if (q) {
            q[i] = qd;
        }
    }
    return r >> s;
}

dig py_mpz_divmod_1(dig *q, size_t *qn, const dig *a, size_t an, dig d) {
    size_t wn;
    dig rem = div_1(q, &wn, a, an, d);
    *qn = py_mpz_norm(q, wn);
    return rem;
}

dig py_mpz_mod_1(const dig *a, size_t an, dig d) {
    size_t wn;
    return div_1(NULL, &wn, a, an, d);
}

void py_mpz_divmod(dig *q, size_t *qn, dig *r, size_t *rn, const dig *a, size_t an, const dig *b,
                   size_t bn, dig *scratch) {
    if (py_mpz_cmp(a, an, b, bn) < 0) {
        if (q) {
            *qn = 0;
        }
        if (r) {
            memcpy(r, a, an * sizeof(dig));
            *rn = an;
        }
        return;
    }
    if (bn == 1) {
        dig *qq = q ? q : scratch;
        size_t qqn;
        dig rem = py_mpz_divmod_1(qq, &qqn, a, an, b[0]);
        if (q) {
            *qn = qqn;
        }
        if (r) {
            r[0] = rem;
            *rn = rem != 0;
        }
        return;
    }
    // Normalise so that the divisor's top bit is set: then each estimated quotient digit
    // is at most 2 too large (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
    unsigned s = clz_dig(b[bn - 1]);
    dig *vn = scratch, *un = scratch + bn;
    if (s) {
        for (size_t i = bn - 1; i > 0; i--) {
            vn[i] = (b[i] << s) | (b[i - 1] >> (DIG_BITS - s));
        }
        vn[0] = b[0] << s;
        un[an] = a[an - 1] >> (DIG_BITS - s);
        for (size_t i = an - 1; i > 0; i--) {
            un[i] = (a[i] << s) | (a[i - 1] >> (DIG_BITS - s));
        }
        un[0] = a[0] << s;
    } else {
        memcpy(vn, b, bn * sizeof(dig));
        memcpy(un, a, an * sizeof(dig));
        un[an] = 0;
    }
    dig vtop = vn[bn - 1], vnext = vn[bn - 2], vinv = recip_of(vtop);
    for (size_t j = an - bn + 1; j-- > 0;) {
        dig u1 = un[j + bn], u0 = un[j + bn - 1];
        ddig qhat, rhat;
        if (u1 < vtop) {
            dig rr;
            qhat = div_2by1(&rr, u1, u0, vtop, vinv);
            rhat = rr;
        } else {
            // u1 == vtop (the remainder so far is below the divisor): qhat = 2^32 - 1 at most
            qhat = PY_MPZ_DIG_MAX;
            rhat = (ddig)u0 + vtop;
        }
        // qhat < 2^32 already; Knuth's test against the next divisor digit, while rhat < 2^32
        while (rhat <= PY_MPZ_DIG_MAX && qhat * vnext > ((rhat << DIG_BITS) | un[j + bn - 2])) {
            qhat--;
            rhat += vtop;
        }
        dig borrow = submul_1(un + j, vn, bn, (dig)qhat);
        dig top = un[j + bn];
        un[j + bn] = top - borrow;
        if (top < borrow) {
            // qhat was one too large (rare: probability ~2/2^32): add the divisor back.
            qhat--;
            un[j + bn] += add_n(un + j, un + j, vn, bn);
        }
        if (q) {
            q[j] = (dig)qhat;
        }
    }
    if (q) {
        *qn = py_mpz_norm(q, an - bn + 1);
    }
    if (r) {
        if (s) {
            for (size_t i = 0; i + 1 < bn; i++) {
                r[i] = (un[i] >> s) | (un[i + 1] << (DIG_BITS - s));
            }
            r[bn - 1] = un[bn - 1] >> s;
        } else {
            memcpy(r, un, bn * sizeof(dig));
        }
        *rn = py_mpz_norm(r, bn);
    }
}

// ---- shifts and bits --------------------------------------------------------------------

size_t py_mpz_shl(dig *r, const dig *a, size_t an, size_t s) {
    if (an == 0) {
        return 0;
    }
    size_t ds = s / DIG_BITS;
    unsigned bs = s % DIG_BITS;
    if (bs == 0) {
        memmove(r + ds, a, an * sizeof(dig));
        memset(r, 0, ds * sizeof(dig));
        return an + ds;
    }
    r[an + ds] = a[an - 1] >> (DIG_BITS - bs);
    for (size_t i = an - 1; i > 0; i--) {
        r[i + ds] = (a[i] << bs) | (a[i - 1] >> (DIG_BITS - bs));
    }
    r[ds] = a[0] << bs;
    memset(r, 0, ds * sizeof(dig));
    return an + ds + (r[an + ds] != 0);
}

size_t py_mpz_shr(dig *r, const dig *a, size_t an, size_t s) {
    size_t ds = s / DIG_BITS;
    if (ds >= an) {
        return 0;
    }
    unsigned bs = s % DIG_BITS;
    size_t n = an - ds;
    if (bs == 0) {
        memmove(r, a + ds, n * sizeof(dig));
        return n;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        r[i] = (a[i + ds] >> bs) | (a[i + ds + 1] << (DIG_BITS - bs));
    }
    r[n - 1] = a[an - 1] >> bs;
    return py_mpz_norm(r, n);
}

bool py_mpz_low_bits_nonzero(const dig *a, size_t an, size_t s) {
    size_t ds = s / DIG_BITS;
    for (size_t i = 0; i < ds && i < an; i++) {
        if (a[i]) {
            return true;
        }
    }
    unsigned bs = s % DIG_BITS;
    return ds < an && bs && (a[ds] & (((dig)1 << bs) - 1)) != 0;
}

size_t py_mpz_bitwise(dig *r, bool *rneg, int op, const dig *a, size_t an, bool aneg, const dig *b,
                      size_t bn, bool bneg) {
    // Negative operands are turned into two's complement (~m + 1) digit by digit, with the
    // +1 carried along; a negative result is turned back the same way.
    bool neg = op == PY_MPZ_AND ? (aneg && bneg) : op == PY_MPZ_OR ? (aneg || bneg) : aneg != bneg;
    size_t n = an > bn ? an : bn;
    dig ca = aneg, cb = bneg, cr = neg;
    dig ma = aneg ? PY_MPZ_DIG_MAX : 0, mb = bneg ? PY_MPZ_DIG_MAX : 0;
    dig mr = neg ? PY_MPZ_DIG_MAX : 0;
    for (size_t i = 0; i < n; i++) {
        dig x = (i < an ? a[i] : 0) ^ ma;
        x += ca;
        ca = ca && x == 0;
        dig y = (i < bn ? b[i] : 0) ^ mb;
        y += cb;
        cb = cb && y == 0;
        dig z = op == PY_MPZ_AND ? (x & y) : op == PY_MPZ_OR ? (x | y) : (x ^ y);
        z ^= mr;
        z += cr;
        cr = cr && z == 0;
        r[i] = z;
    }
    r[n] = cr; // the sign-extension digit converts to 0 (positive) or the last carry
    *rneg = neg;
    return py_mpz_norm(r, n + 1);
}

// ---- radix conversion -----------------------------------------------------------------

static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// The largest power of base that fits a digit: base^k = *big.
static unsigned big_base(int base, dig *big) {
    dig p = (dig)base;
    unsigned k = 1;
    while ((ddig)p * (unsigned)base <= PY_MPZ_DIG_MAX) {
        p *= (dig)base;
        k++;
    }
    *big = p;
    return k;
}

// log2(base) if base is a power of two, else 0.
static unsigned pow2_bits(int base) {
    return (base & (base - 1)) == 0 ? (unsigned)__builtin_ctz((unsigned)base) : 0;
}

size_t py_mpz_str_len_bound(size_t an, int base) {
    dig big;
    unsigned k = big_base(base, &big);
    // base^(k+1) > 2^32, so a number below 2^(32 an) has fewer than an (k + 1) digits.
    return an * (k + 1) + 1;
}

// Powers pw[i] = big^(2^i) for radix conversion, in caller scratch.
typedef struct {
    const dig *d;
    size_t n;
} dspan;
#define MAX_LEVELS 48

// Builds pw[0..] while pw[i].n <= max_n; returns how many. Uses `area` (room for
// 4 * max_n + MAX_LEVELS digits: each square has at least 2n - 1 digits, so the stored
// powers sum to < 2 max_n + levels, plus the last, rejected square) for the powers and
// `tmp` (py_mpz_mul_scratch(max_n, max_n) digits) as squaring scratch.
static unsigned build_powers(dspan *pw, dig big, size_t max_n, dig *area, dig *tmp) {
    area[0] = big;
    pw[0].d = area;
    pw[0].n = 1;
    unsigned n = 1;
    dig *next = area + 1;
    while (n < MAX_LEVELS && pw[n - 1].n * 2 - 1 <= max_n) {
        size_t m = py_mpz_sqr(next, pw[n - 1].d, pw[n - 1].n, tmp);
        if (m > max_n) {
            break;
        }
        pw[n].d = next;
        pw[n].n = m;
        next += m;
        n++;
    }
    return n;
}

// Quadratic conversion, writing exactly `width` chars (zero-padded) if width != 0, else
// the minimal number; returns the count. `t` holds an digits (a copy that is consumed).
static size_t conv_base(char *out, size_t width, const dig *a, size_t an, int base,
                        const char *digits, dig *t) {
    dig big;
    unsigned k = big_base(base, &big);
    size_t bound = width ? width : an * (k + 1) + 1;
    char *end = out + bound, *p = end;
    memcpy(t, a, an * sizeof(dig));
    size_t tn = an;
    while (tn > 0) {
        // (divmod_1 multiplies by a reciprocal: no division instruction per digit)
        dig rem = py_mpz_divmod_1(t, &tn, t, tn, big);
        for (unsigned i = 0; i < k && (tn > 0 || rem != 0); i++) {
            *--p = digits[rem % (unsigned)base];
            rem /= (unsigned)base;
        }
        if (tn > 0) {
            while ((size_t)(end - p) % k) {
                *--p = '0';
            }
        }
    }
    if (width) {
        while (p > out) {
            *--p = '0';
        }
        return width;
    }
    if (p == end) {
        *--p = '0';
    }
    size_t len = (size_t)(end - p);
    memmove(out, p, len);
    return len;
}

typedef struct {
    int base;
    unsigned k;
    const char *digits;
    const dspan *pw;
} conv_ctx;

// Writes exactly width = k << (level + 1) chars of a < pw[level + 1] (zero-padded).
static void conv_pad(char *out, size_t width, const dig *a, size_t an, int level, const conv_ctx *c,
                     dig *scratch) {
    if (an < DC_CONV_THRESHOLD || level < 0) {
        conv_base(out, width, a, an, c->base, c->digits, scratch);
        return;
    }
    const dspan *p = &c->pw[level];
    dig *q = scratch, *r = q + (an >= p->n ? an - p->n + 1 : 1), *rest = r + p->n;
    size_t qn, rn;
    py_mpz_divmod(q, &qn, r, &rn, a, an, p->d, p->n, rest);
    conv_pad(out, width / 2, q, qn, level - 1, c, rest);
    conv_pad(out + width / 2, width / 2, r, rn, level - 1, c, rest);
}

// Writes the minimal digits of a; returns the count.
static size_t conv_top(char *out, const dig *a, size_t an, unsigned npw, const conv_ctx *c,
                       dig *scratch) {
    // The largest power with at most half of a's digits: both halves shrink.
    int l = -1;
    for (unsigned i = 0; i < npw && c->pw[i].n <= (an + 1) / 2; i++) {
        l = (int)i;
    }
    if (an < DC_CONV_THRESHOLD || l < 0) {
        return conv_base(out, 0, a, an, c->base, c->digits, scratch);
    }
    const dspan *p = &c->pw[l];
    dig *q = scratch, *r = q + (an >= p->n ? an - p->n + 1 : 1), *rest = r + p->n;
    size_t qn, rn;
    py_mpz_divmod(q, &qn, r, &rn, a, an, p->d, p->n, rest);
    size_t len = conv_top(out, q, qn, npw, c, rest);
    conv_pad(out + len, c->k << l, r, rn, l - 1, c, rest);
    return len + (c->k << l);
}

size_t py_mpz_to_str_scratch(size_t an, int base) {
    if (pow2_bits(base) || an < DC_CONV_THRESHOLD) {
        return an + 1;
    }
    // powers (2 an + levels) + max(squaring scratch, conversion recursion (~5.5 an))
    size_t sq = py_mpz_mul_scratch(an / 2 + 2, an / 2 + 2);
    size_t conv = 6 * an + 16 * MAX_LEVELS;
    return 2 * an + 2 * MAX_LEVELS + 2 + (sq > conv ? sq : conv);
}

size_t py_mpz_to_str(char *out, const dig *a, size_t an, int base, bool upper, dig *scratch) {
    const char *digits = upper ? upper_digits : lower_digits;
    if (an == 0) {
        out[0] = '0';
        return 1;
    }
    unsigned w = pow2_bits(base);
    if (w) {
        size_t bits = py_mpz_bit_length(a, an);
        size_t n = (bits + w - 1) / w;
        for (size_t i = 0; i < n; i++) {
            size_t pos = (n - 1 - i) * w; // bit position of this char's lowest bit
            size_t di = pos / DIG_BITS;
            unsigned bi = pos % DIG_BITS;
            ddig x = a[di] >> bi;
            if (bi + w > DIG_BITS && di + 1 < an) {
                x |= (ddig)a[di + 1] << (DIG_BITS - bi);
            }
            out[i] = digits[x & ((1u << w) - 1)];
        }
        return n;
    }
    if (an < DC_CONV_THRESHOLD) {
        return conv_base(out, 0, a, an, base, digits, scratch);
    }
    dspan pw[MAX_LEVELS];
    dig big;
    unsigned k = big_base(base, &big);
    size_t area_n = 2 * an + 2 * MAX_LEVELS + 2;
    unsigned npw = build_powers(pw, big, (an + 1) / 2, scratch, scratch + area_n);
    conv_ctx c = {base, k, digits, pw};
    return conv_top(out, a, an, npw, &c, scratch + area_n);
}

// Room for the value of n chars, k chars per big digit: base^n = big^(n / k) < 2^(32 n / k),
// so ceil(n / k) digits, plus one for the carry digit of the D&C recombination.
static size_t parse_digits(size_t n, unsigned k) {
    return n / k + 3;
}

size_t py_mpz_from_str_bound(size_t n, int base) {
    unsigned w = pow2_bits(base);
    if (w) {
        return (n * w + DIG_BITS - 1) / DIG_BITS + 1;
    }
    dig big;
    return parse_digits(n, big_base(base, &big));
}

// Quadratic parse into r (room for py_mpz_from_str_bound(n)).
static size_t parse_base(dig *r, const char *s, size_t n, int base, unsigned k) {
    size_t rn = 0;
    size_t first = n % k ? n % k : k;
    size_t i = 0;
    while (i < n) {
        size_t m = i == 0 ? (first < n ? first : n) : k;
        dig v = 0, scale = 1;
        for (size_t j = 0; j < m; j++) {
            v = v * (dig)base + py_mpz_digit_value(s[i + j]);
            scale *= (dig)base;
        }
        i += m;
        rn = py_mpz_mul_1(r, r, rn, scale, v);
    }
    return rn;
}

typedef struct {
    int base;
    unsigned k;
    const dspan *pw;
    unsigned npw;
} parse_ctx;

static size_t parse_rec(dig *r, const char *s, size_t n, const parse_ctx *c, dig *scratch) {
    // Split off the low k * 2^l chars, the largest such block of at most half of s.
    int l = -1;
    for (unsigned i = 0; i < c->npw && (c->k << i) <= n / 2; i++) {
        l = (int)i;
    }
    if (n < DC_CONV_THRESHOLD * 9 || l < 0) {
        return parse_base(r, s, n, c->base, c->k);
    }
    size_t lo_chars = c->k << l, hi_chars = n - lo_chars;
    dig *hi = scratch, *lo = hi + parse_digits(hi_chars, c->k);
    dig *rest = lo + parse_digits(lo_chars, c->k);
    size_t hn = parse_rec(hi, s, hi_chars, c, rest);
    size_t ln = parse_rec(lo, s + hi_chars, lo_chars, c, rest);
    const dspan *p = &c->pw[l];
    size_t rn = hn + p->n;
    if (hn == 0) {
        memcpy(r, lo, ln * sizeof(dig));
        return ln;
    }
    py_mpz_mul(r, hi, hn, p->d, p->n, rest);
    r[rn] = 0;
    add_into(r, rn + 1, lo, ln);
    return py_mpz_norm(r, rn + 1);
}

size_t py_mpz_from_str_scratch(size_t n, int base) {
    if (pow2_bits(base) || n < DC_CONV_THRESHOLD * 9) {
        return 0;
    }
    dig big;
    unsigned k = big_base(base, &big);
    size_t dn = parse_digits(n, k);
    size_t sq = py_mpz_mul_scratch(dn, dn);
    // powers + hi/lo buffers at each level (geometric, < 4 dn + levels) + multiplication
    return 2 * dn + 2 * MAX_LEVELS + 2 + 5 * dn + 8 * MAX_LEVELS + sq;
}

size_t py_mpz_from_str(dig *r, const char *s, size_t n, int base, dig *scratch) {
    while (n > 0 && *s == '0') {
        s++;
        n--;
    }
    unsigned w = pow2_bits(base);
    if (w) {
        size_t rn = (n * w + DIG_BITS - 1) / DIG_BITS;
        memset(r, 0, rn * sizeof(dig));
        for (size_t i = 0; i < n; i++) {
            size_t pos = (n - 1 - i) * w;
            ddig v = (ddig)py_mpz_digit_value(s[i]) << (pos % DIG_BITS);
            r[pos / DIG_BITS] |= (dig)v;
            if (v >> DIG_BITS) {
                r[pos / DIG_BITS + 1] |= (dig)(v >> DIG_BITS);
            }
        }
        return py_mpz_norm(r, rn);
    }
    dig big;
    unsigned k = big_base(base, &big);
    if (n < DC_CONV_THRESHOLD * 9) {
        return parse_base(r, s, n, base, k);
    }
    dspan pw[MAX_LEVELS];
    size_t dn = parse_digits(n, k);
    size_t area_n = 2 * dn + 2 * MAX_LEVELS + 2;
    // the largest power needed has at most (n / 2) / k digits
    unsigned npw = build_powers(pw, big, n / 2 / k + 1, scratch, scratch + area_n);
    parse_ctx c = {base, k, pw, npw};
    return parse_rec(r, s, n, &c, scratch + area_n);
}

// ---- modular exponentiation --------------------------------------------------------------

#define POW_WINDOW_MAX 5

size_t py_mpz_powmod_scratch(size_t mn) {
    // product (2 mn) + quotient (mn + 1) + division scratch (3 mn + 1) + multiply scratch
    // + the table of odd powers b, b^3, ..., b^31 (and b^2)
    return 2 * mn + (mn + 1) + (3 * mn + 1) + py_mpz_mul_scratch(mn, mn) +
           ((1u << (POW_WINDOW_MAX - 1)) + 1) * mn;
}

typedef struct {
    const dig *m;
    size_t mn;
    dig *t, *q, *ds, *ms;
} modctx;

// r = a * b mod m (r may be a or b: the product goes through c->t).
static size_t mulmod(const modctx *c, dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    size_t tn =
        a == b && an == bn ? py_mpz_sqr(c->t, a, an, c->ms) : py_mpz_mul(c->t, a, an, b, bn, c->ms);
    size_t qn, rn;
    py_mpz_divmod(c->q, &qn, r, &rn, c->t, tn, c->m, c->mn, c->ds);
    return rn;
}

size_t py_mpz_powmod(dig *r, const dig *b, size_t bn, const dig *e, size_t en, const dig *m,
                     size_t mn, dig *scratch) {
    if (mn == 1 && m[0] == 1) {
        return 0;
    }
    size_t bits = py_mpz_bit_length(e, en);
    if (bits == 0) {
        r[0] = 1;
        return 1;
    }
    modctx c = {m, mn, scratch, NULL, NULL, NULL};
    c.q = c.t + 2 * mn;
    c.ds = c.q + mn + 1;
    c.ms = c.ds + 3 * mn + 1;
    dig *table = c.ms + py_mpz_mul_scratch(mn, mn);
    size_t tn[1u << (POW_WINDOW_MAX - 1)];
    // window size by exponent length (the table costs 2^(w-1) multiplications)
    unsigned w = bits > 239 ? 5 : bits > 79 ? 4 : bits > 23 ? 3 : bits > 6 ? 2 : 1;
    // table[i] = b^(2i + 1) mod m; b2 (after the table) = b^2 mod m
    dig *b2 = table + ((size_t)1 << (POW_WINDOW_MAX - 1)) * mn;
    memcpy(table, b, bn * sizeof(dig));
    tn[0] = bn;
    if (w > 1) {
        size_t b2n = mulmod(&c, b2, b, bn, b, bn);
        for (size_t i = 1; i < ((size_t)1 << (w - 1)); i++) {
            tn[i] = mulmod(&c, table + i * mn, table + (i - 1) * mn, tn[i - 1], b2, b2n);
        }
    }
    size_t rn = 0;
    bool one = true; // r is still 1: the first window just copies its power
    long i = (long)bits - 1;
#define EBIT(k) ((e[(k) / DIG_BITS] >> ((k) % DIG_BITS)) & 1)
    while (i >= 0) {
        if (!EBIT(i)) {
            if (!one) {
                rn = mulmod(&c, r, r, rn, r, rn);
            }
            i--;
            continue;
        }
        // the longest window e[i..j] of at most w bits that ends in a one bit
        long j = i - (long)w + 1 < 0 ? 0 : i - (long)w + 1;
        while (!EBIT(j)) {
            j++;
        }
        unsigned val = 0;
        for (long k = i; k >= j; k--) {
            val = (val << 1) | EBIT(k);
        }
        const dig *tp = table + (val >> 1) * mn;
        size_t tpn = tn[val >> 1];
        if (one) {
            memcpy(r, tp, tpn * sizeof(dig));
            rn = tpn;
            one = false;
        } else {
            for (long k = i; k >= j; k--) {
                rn = mulmod(&c, r, r, rn, r, rn);
            }
            rn = mulmod(&c, r, r, rn, tp, tpn);
        }
        i = j - 1;
    }
#undef EBIT
    return rn;
}
