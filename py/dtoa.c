// py/dtoa.c: exact conversions between doubles and decimal text (contract in py/dtoa.h).
// Three engines share one fixed-size bignum. Shortest digits (repr) come from Grisu3, which
// works in 64-bit integers with a table of cached powers of ten and declines about 0.5% of
// doubles; those go to an exact Steele-White/Dragon4 loop that follows Gay's tie rules, as
// CPython's dtoa does. Fixed precision streams the exact quotient of two bignums and rounds
// half-even on the remainder. Parsing makes a 64-bit estimate with a bounded error and, when
// the estimate is too close to a rounding boundary, compares the input's digits with the exact
// decimal expansion of the halfway point. Invariant: every value handled is an integer times
// 2^e with |e| <= 1076 and below 2^1025, so bignums fit in BIG_WORDS words.
#include "py/dtoa.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Fixed-size unsigned bignums, little-endian 32-bit words.

// 2^1076 times the 2^28 headroom of digit generation needs 35 words; one spare.
#define BIG_WORDS 36

typedef struct big {
    int n; // words in use; w[n-1] != 0 unless n == 0
    uint32_t w[BIG_WORDS];
} big;

static void big_set(big *a, uint64_t v) {
    a->w[0] = (uint32_t)v;
    a->w[1] = (uint32_t)(v >> 32);
    a->n = (v >> 32) ? 2 : v ? 1 : 0;
}

static void big_mul_small(big *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) {
        assert(a->n < BIG_WORDS);
        a->w[a->n++] = (uint32_t)carry;
    }
}

static void big_shl(big *a, int bits) {
    if (a->n == 0 || bits == 0) return;
    int words = bits / 32, b = bits % 32, n = a->n;
    if (b == 0) {
        assert(n + words <= BIG_WORDS);
        for (int i = n - 1; i >= 0; i--)
            a->w[i + words] = a->w[i];
    } else {
        assert(n + words < BIG_WORDS);
        a->w[n + words] = a->w[n - 1] >> (32 - b);
        for (int i = n - 1; i > 0; i--)
            a->w[i + words] = (a->w[i] << b) | (a->w[i - 1] >> (32 - b));
        a->w[words] = a->w[0] << b;
        n++;
    }
    memset(a->w, 0, (size_t)words * sizeof a->w[0]);
    n += words;
    while (n > 0 && a->w[n - 1] == 0)
        n--;
    a->n = n;
}

// a *= 10^k, as 5^k (in chunks of 5^13, the largest power below 2^32) then a shift.
static void big_mul_pow10(big *a, int k) {
    static const uint32_t pow5[14] = {1,       5,        25,        125,       625,
                                      3125,    15625,    78125,     390625,    1953125,
                                      9765625, 48828125, 244140625, 1220703125};
    int j = k;
    for (; j >= 13; j -= 13)
        big_mul_small(a, pow5[13]);
    if (j) big_mul_small(a, pow5[j]);
    big_shl(a, k);
}

static int big_cmp(const big *a, const big *b) {
    if (a->n != b->n) return a->n > b->n ? 1 : -1;
    for (int i = a->n - 1; i >= 0; i--) {
        if (a->w[i] != b->w[i]) return a->w[i] > b->w[i] ? 1 : -1;
    }
    return 0;
}

// a -= b, where a >= b.
static void big_sub(big *a, const big *b) {
    uint32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        a->w[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 32) & 1;
    }
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

static uint32_t big_word(const big *a, int i) {
    return i >= 0 && i < a->n ? a->w[i] : 0;
}

// Sign of a + (b << bsh) - c, bsh 0 or 1, without a temporary: Dragon4 asks whether the high
// boundary (and rounding whether 2r) passes s, and this keeps its stack to three bignums.
static int big_cmp_sum(const big *a, const big *b, int bsh, const big *c) {
    int n = a->n > b->n + bsh ? a->n : b->n + bsh;
    if (c->n > n) n = c->n;
    int64_t borrow = 0;
    uint32_t any = 0;
    for (int i = 0; i < n; i++) {
        uint32_t bw = big_word(b, i);
        if (bsh) bw = (bw << 1) | (big_word(b, i - 1) >> 31);
        int64_t d = (int64_t)big_word(c, i) - big_word(a, i) - bw + borrow;
        uint32_t lo = (uint32_t)d;
        borrow = (d - (int64_t)lo) / 4294967296; // exact: d - lo is a multiple of 2^32
        any |= lo;
    }
    return borrow < 0 ? 1 : any ? -1 : 0;
}

// Shifts r (and m, if given) and s alike so that s's top word lies in [2^27, 2^28): then
// r < 10 s fits in s's word count and one division of top words estimates the digit.
static void big_normalize(big *r, big *s, big *m) {
    uint32_t top = s->w[s->n - 1];
    int bits = 32 - __builtin_clz(top);
    int sh = bits <= 28 ? 28 - bits : 60 - bits;
    big_shl(r, sh);
    big_shl(s, sh);
    if (m) big_shl(m, sh);
}

// Returns floor(r / s) (at most 9) and leaves r mod s in r; s normalized, r < 10 s.
static int big_digit(big *r, const big *s) {
    if (r->n < s->n) return 0;
    int n = s->n;
    uint32_t q = r->w[n - 1] / (s->w[n - 1] + 1); // true quotient is q or q + 1
    if (q) {
        uint64_t carry = 0;
        uint32_t borrow = 0;
        for (int i = 0; i < n; i++) {
            uint64_t p = (uint64_t)s->w[i] * q + carry;
            carry = p >> 32;
            uint64_t t = (uint64_t)r->w[i] - (uint32_t)p - borrow;
            r->w[i] = (uint32_t)t;
            borrow = (uint32_t)(t >> 32) & 1;
        }
        while (r->n > 0 && r->w[r->n - 1] == 0)
            r->n--;
    }
    while (big_cmp(r, s) >= 0) {
        big_sub(r, s);
        q++;
    }
    return (int)q;
}

// ---------------------------------------------------------------------------------------------
// Decimal exponents and the exact digit stream.

// floor(x * log10(2)) for |x| < 1200, exactly (checked against exact powers for that range).
static int floor_log10_pow2(int x) {
    int64_t p = (int64_t)x * 1292913986;
    return (int)(p >= 0 ? p / 4294967296 : -((-p + 4294967295) / 4294967296));
}

static int bit_length64(uint64_t m) {
    return 64 - __builtin_clzll(m);
}

// Sets r/s = v / 10^k for v = m * 2^e > 0 with 10^(k-1) <= v < 10^k, s normalized; returns k.
// Each digit is then 10 r / s; the first is never 0.
static int src_setup(big *r, big *s, uint64_t m, int e) {
    // v lies in [2^(b-1), 2^b), so k is this estimate or one more.
    int k = floor_log10_pow2(bit_length64(m) + e - 1) + 1;
    big_set(r, m);
    big_set(s, 1);
    if (e >= 0) {
        big_shl(r, e);
    } else {
        big_shl(s, -e);
    }
    if (k >= 0) {
        big_mul_pow10(s, k);
    } else {
        big_mul_pow10(r, -k);
    }
    if (big_cmp(r, s) >= 0) {
        big_mul_small(s, 10);
        k++;
    }
    big_normalize(r, s, NULL);
    return k;
}

static int src_next(big *r, const big *s) {
    if (r->n == 0) return 0;
    big_mul_small(r, 10);
    return big_digit(r, s);
}

// ---------------------------------------------------------------------------------------------
// Doubles as integers times powers of two.

typedef struct parts {
    uint64_t m; // significand including the hidden bit
    int e;      // value = m * 2^e
    bool neg, inf, nan;
    bool lowcloser; // the gap below is half the gap above (m is a power of two, not the least)
} parts;

static parts decompose(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    parts p;
    int biased = (int)(bits >> 52) & 0x7ff;
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    p.neg = bits >> 63;
    p.inf = biased == 0x7ff && frac == 0;
    p.nan = biased == 0x7ff && frac != 0;
    p.lowcloser = frac == 0 && biased > 1;
    if (biased == 0) {
        p.m = frac;
        p.e = -1074;
    } else {
        p.m = frac | (UINT64_C(1) << 52);
        p.e = biased - 1075;
    }
    return p;
}

// Builds a double from q * 2^e, q < 2^54; a carry to 2^53 is renormalized, overflow gives inf.
static double compose(uint64_t q, int e, bool neg) {
    if (q >> 53) {
        q >>= 1; // only reached by a carry, so the bit shifted out is 0
        e++;
    }
    uint64_t bits;
    if (q == 0) {
        bits = 0;
    } else if (q < (UINT64_C(1) << 52)) {
        bits = q; // subnormal: e is -1074 here
    } else if (e + 1075 >= 2047) {
        bits = UINT64_C(0x7ff) << 52;
    } else {
        bits = ((uint64_t)(e + 1075) << 52) | (q & ((UINT64_C(1) << 52) - 1));
    }
    bits |= (uint64_t)neg << 63;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

// ---------------------------------------------------------------------------------------------
// Shortest digits, fast path: Grisu3 (Loitsch, PLDI 2010).

// 10^(-348 + 8 i) ~= cached_f[i] * 2^cached_e[i], cached_f rounded to nearest with its top bit
// set. Made with exact rational arithmetic; the unit tests exercise every entry.
static const uint64_t cached_f[87] = {
    0xfa8fd5a0081c0288u, 0xbaaee17fa23ebf76u, 0x8b16fb203055ac76u, 0xcf42894a5dce35eau,
    0x9a6bb0aa55653b2du, 0xe61acf033d1a45dfu, 0xab70fe17c79ac6cau, 0xff77b1fcbebcdc4fu,
    0xbe5691ef416bd60cu, 0x8dd01fad907ffc3cu, 0xd3515c2831559a83u, 0x9d71ac8fada6c9b5u,
    0xea9c227723ee8bcbu, 0xaecc49914078536du, 0x823c12795db6ce57u, 0xc21094364dfb5637u,
    0x9096ea6f3848984fu, 0xd77485cb25823ac7u, 0xa086cfcd97bf97f4u, 0xef340a98172aace5u,
    0xb23867fb2a35b28eu, 0x84c8d4dfd2c63f3bu, 0xc5dd44271ad3cdbau, 0x936b9fcebb25c996u,
    0xdbac6c247d62a584u, 0xa3ab66580d5fdaf6u, 0xf3e2f893dec3f126u, 0xb5b5ada8aaff80b8u,
    0x87625f056c7c4a8bu, 0xc9bcff6034c13053u, 0x964e858c91ba2655u, 0xdff9772470297ebdu,
    0xa6dfbd9fb8e5b88fu, 0xf8a95fcf88747d94u, 0xb94470938fa89bcfu, 0x8a08f0f8bf0f156bu,
    0xcdb02555653131b6u, 0x993fe2c6d07b7facu, 0xe45c10c42a2b3b06u, 0xaa242499697392d3u,
    0xfd87b5f28300ca0eu, 0xbce5086492111aebu, 0x8cbccc096f5088ccu, 0xd1b71758e219652cu,
    0x9c40000000000000u, 0xe8d4a51000000000u, 0xad78ebc5ac620000u, 0x813f3978f8940984u,
    0xc097ce7bc90715b3u, 0x8f7e32ce7bea5c70u, 0xd5d238a4abe98068u, 0x9f4f2726179a2245u,
    0xed63a231d4c4fb27u, 0xb0de65388cc8ada8u, 0x83c7088e1aab65dbu, 0xc45d1df942711d9au,
    0x924d692ca61be758u, 0xda01ee641a708deau, 0xa26da3999aef774au, 0xf209787bb47d6b85u,
    0xb454e4a179dd1877u, 0x865b86925b9bc5c2u, 0xc83553c5c8965d3du, 0x952ab45cfa97a0b3u,
    0xde469fbd99a05fe3u, 0xa59bc234db398c25u, 0xf6c69a72a3989f5cu, 0xb7dcbf5354e9beceu,
    0x88fcf317f22241e2u, 0xcc20ce9bd35c78a5u, 0x98165af37b2153dfu, 0xe2a0b5dc971f303au,
    0xa8d9d1535ce3b396u, 0xfb9b7cd9a4a7443cu, 0xbb764c4ca7a44410u, 0x8bab8eefb6409c1au,
    0xd01fef10a657842cu, 0x9b10a4e5e9913129u, 0xe7109bfba19c0c9du, 0xac2820d9623bf429u,
    0x80444b5e7aa7cf85u, 0xbf21e44003acdd2du, 0x8e679c2f5e44ff8fu, 0xd433179d9c8cb841u,
    0x9e19db92b4e31ba9u, 0xeb96bf6ebadf77d9u, 0xaf87023b9bf0ee6bu,
};
static const int16_t cached_e[87] = {
    -1220, -1193, -1166, -1140, -1113, -1087, -1060, -1034, -1007, -980, -954, -927, -901,
    -874,  -847,  -821,  -794,  -768,  -741,  -715,  -688,  -661,  -635, -608, -582, -555,
    -529,  -502,  -475,  -449,  -422,  -396,  -369,  -343,  -316,  -289, -263, -236, -210,
    -183,  -157,  -130,  -103,  -77,   -50,   -24,   3,     30,    56,   83,   109,  136,
    162,   189,   216,   242,   269,   295,   322,   348,   375,   402,  428,  455,  481,
    508,   534,   561,   588,   614,   641,   667,   694,   720,   747,  774,  800,  827,
    853,   880,   907,   933,   960,   986,   1013,  1039,  1066,
};

// High 64 bits of a * b, rounded (0.5 ulp error), from 32-bit halves: no 128-bit type on M3.
static uint64_t mul_hi64(uint64_t a, uint64_t b) {
    uint64_t ah = a >> 32, al = (uint32_t)a, bh = b >> 32, bl = (uint32_t)b;
    uint64_t hh = ah * bh, hl = ah * bl, lh = al * bh, ll = al * bl;
    uint64_t mid = (ll >> 32) + (uint32_t)hl + (uint32_t)lh + (UINT64_C(1) << 31);
    return hh + (hl >> 32) + (lh >> 32) + (mid >> 32);
}

// Moves the last digit towards w while that stays inside the interval, then checks that the
// uncertainty of one `unit` either way cannot change the choice or leave the safe interval.
// Distances are measured down from the interval's (too high) top.
static bool round_weed(char *buf, int len, uint64_t dist_w, uint64_t unsafe, uint64_t rest,
                       uint64_t ten_kappa, uint64_t unit) {
    uint64_t near = dist_w - unit, far = dist_w + unit;
    while (rest < near && unsafe - rest >= ten_kappa &&
           (rest + ten_kappa < near || near - rest >= rest + ten_kappa - near)) {
        buf[len - 1]--;
        rest += ten_kappa;
    }
    if (rest < far && unsafe - rest >= ten_kappa &&
        (rest + ten_kappa < far || far - rest > rest + ten_kappa - far)) {
        return false; // the next lower candidate might be the closer one
    }
    return 2 * unit <= rest && rest <= unsafe - 4 * unit;
}

// Shortest digits of v = m * 2^e (m > 0) into buf (up to 18 chars) with *decpt such that
// v ~= 0.d1d2... * 10^*decpt. Returns the digit count, or 0 when it cannot be sure.
static int grisu3(const parts *v, char *buf, int *decpt) {
    enum { ALPHA = -60 };
    int wsh = __builtin_clzll(v->m);
    uint64_t wf = v->m << wsh;
    int we = v->e - wsh;
    // Boundaries (2m +- 1) * 2^(e-1), or (4m - 1) * 2^(e-2) below a power of two; the upper
    // one normalizes to w's exponent because 2m + 1 has exactly one more bit than m.
    uint64_t pf = ((v->m << 1) + 1) << (wsh - 1);
    uint64_t mf = v->lowcloser ? ((v->m << 2) - 1) << (wsh - 2) : ((v->m << 1) - 1) << (wsh - 1);

    // Cached power c = 10^dk with ALPHA <= we + ce + 64 <= -32.
    int dk_min = floor_log10_pow2(ALPHA - 1 - we) + 1;
    int i = (dk_min + 348 + 7) / 8;
    while (cached_e[i] + we + 64 < ALPHA)
        i++;
    int dk = -348 + 8 * i;
    uint64_t c = cached_f[i];
    int one_e = -(we + cached_e[i] + 64); // in [32, 60]
    uint64_t W = mul_hi64(wf, c);
    uint64_t too_high = mul_hi64(pf, c) + 1, too_low = mul_hi64(mf, c) - 1;
    uint64_t unsafe = too_high - too_low;
    uint64_t one = UINT64_C(1) << one_e, mask = one - 1;

    uint32_t p1 = (uint32_t)(too_high >> one_e);
    uint64_t p2 = too_high & mask;
    uint32_t div = 1;
    int kappa = 1;
    while (div <= p1 / 10) {
        div *= 10;
        kappa++;
    }
    int len = 0;
    while (kappa > 0) {
        buf[len++] = (char)('0' + p1 / div);
        p1 %= div;
        kappa--;
        uint64_t rest = ((uint64_t)p1 << one_e) + p2;
        if (rest < unsafe) {
            *decpt = len + kappa - dk;
            bool ok = round_weed(buf, len, too_high - W, unsafe, rest, (uint64_t)div << one_e, 1);
            return ok ? len : 0;
        }
        div /= 10;
    }
    uint64_t unit = 1;
    for (;;) {
        p2 *= 10;
        unit *= 10;
        unsafe *= 10;
        buf[len++] = (char)('0' + (p2 >> one_e));
        p2 &= mask;
        kappa--;
        if (p2 < unsafe) {
            *decpt = len + kappa - dk;
            bool ok = round_weed(buf, len, (too_high - W) * unit, unsafe, p2, one, unit);
            return ok ? len : 0;
        }
        if (len >= 18) return 0; // cannot happen for a correct interval; stay in bounds
    }
}

// ---------------------------------------------------------------------------------------------
// Shortest digits, exact path: digit generation with boundaries (Steele & White, Dragon4),
// with the choices of Gay's dtoa mode 0 when a candidate sits exactly on a boundary or halfway.

static int shortest_exact(const parts *v, char *buf, int *decpt) {
    big r, s, mm; // v = r/s; the midpoints to the neighbours lie mm/s below and mp/s above
    int mpsh = v->lowcloser ? 1 : 0; // mp = mm << mpsh
    bool even = (v->m & 1) == 0;     // an even significand owns its boundaries (ties to even)
    if (v->e >= 0) {
        big_set(&r, v->m);
        big_shl(&r, v->e + 1 + mpsh);
        big_set(&s, UINT64_C(2) << mpsh);
        big_set(&mm, 1);
        big_shl(&mm, v->e);
    } else {
        big_set(&r, v->m << (1 + mpsh));
        big_set(&s, 1);
        big_shl(&s, 1 + mpsh - v->e);
        big_set(&mm, 1);
    }
    int k = floor_log10_pow2(bit_length64(v->m) + v->e - 1) + 1;
    if (k >= 0) {
        big_mul_pow10(&s, k);
    } else {
        big_mul_pow10(&r, -k);
        big_mul_pow10(&mm, -k);
    }
    if (big_cmp(&r, &s) >= 0) {
        big_mul_small(&s, 10);
        k++;
    }
    big_normalize(&r, &s, &mm);

    int len = 0;
    for (;;) {
        big_mul_small(&r, 10);
        big_mul_small(&mm, 10);
        int dig = big_digit(&r, &s);
        int lo = big_cmp(&r, &mm);               // < 0: dig alone is inside the low boundary
        int hi = big_cmp_sum(&r, &mm, mpsh, &s); // > 0: dig + 1 is inside the high boundary
        bool round_up = false, done = true;
        if (hi == 0 && even) {
            round_up = dig == 9 || lo > 0; // Gay's choice: a 9 carries even when 9 itself fits
        } else if (lo < 0 || (lo == 0 && even)) {
            if (r.n != 0 && hi > 0) { // both fit: take the nearer, ties to an even digit
                int c = big_cmp_sum(&r, &r, 0, &s);
                round_up = c > 0 || (c == 0 && (dig & 1));
            }
        } else if (hi > 0) {
            round_up = true;
        } else {
            done = false;
        }
        if (!done) {
            buf[len++] = (char)('0' + dig);
            continue;
        }
        if (round_up && dig == 9) {
            // Carry: drop trailing nines, bump the digit before them (or become "1").
            while (len > 0 && buf[len - 1] == '9')
                len--;
            if (len == 0) {
                buf[len++] = '1';
                k++;
            } else {
                buf[len - 1]++;
            }
        } else {
            buf[len++] = (char)('0' + dig + round_up);
        }
        break;
    }
    while (len > 1 && buf[len - 1] == '0')
        len--;
    *decpt = k;
    return len;
}

static int shortest(const parts *v, char *buf, int *decpt) {
    int n = grisu3(v, buf, decpt);
    return n ? n : shortest_exact(v, buf, decpt);
}

// ---------------------------------------------------------------------------------------------
// Layout, as CPython's format_float_short: the digits padded with zeros on either side into a
// "virtual" digit string, of which positions [vstart, vend) are written with the point before
// position decpt, then an optional exponent.

static size_t exp_len(int x) {
    return x <= -100 || x >= 100 ? 5 : 4;
}

static void lay_out(py_dtoa_body *b, int prec, bool add_dot_0) {
    int decpt = b->decpt, vend;
    b->use_exp = false;
    switch (b->type) {
    case 'e':
        b->use_exp = true;
        vend = prec + 1;
        break;
    case 'f': vend = decpt + prec; break;
    case 'g': {
        int p = prec == 0 ? 1 : prec;
        b->use_exp = decpt <= -4 || decpt > (add_dot_0 ? p - 1 : p);
        vend = b->alt ? p : b->ndig;
        break;
    }
    default: // 'r'
        b->use_exp = decpt <= -4 || decpt > 16;
        vend = b->ndig;
        break;
    }
    if (b->use_exp) {
        b->exp10 = decpt - 1;
        decpt = 1;
    }
    b->vstart = decpt <= 0 ? decpt - 1 : 0;
    int min_end = !b->use_exp && add_dot_0 ? decpt + 1 : decpt;
    b->vend = vend > min_end ? vend : min_end;
    b->decpt = decpt;
    size_t frac = (size_t)(b->vend - decpt);
    b->int_len = (size_t)(decpt - b->vstart);
    b->point = frac > 0 || b->alt;
    b->rest_len = frac + (b->use_exp ? exp_len(b->exp10) : 0) + b->pct;
}

// Fixed precision: n significant digits of v (n <= 0 allowed for 'f'), rounded half-even on
// the exact value. Keeps the first digits in b->dbuf; longer results are regenerated on write.
static void fixed_digits(py_dtoa_body *b, const parts *v, int prec) {
    big r, s;
    int k = src_setup(&r, &s, v->m, v->e);
    int n = b->type == 'f' ? k + prec : b->type == 'e' ? prec + 1 : (prec == 0 ? 1 : prec);
    b->one = false;
    b->round_pos = -1;
    if (n < 0) {
        b->ndig = 0; // rounds to zero: CPython's dtoa reports the point at -prec then
        b->decpt = -prec;
        return;
    }
    int last_nz = -1, last_n9 = -1, dig = 0, i = 0;
    for (; i < n && r.n != 0; i++) {
        dig = src_next(&r, &s);
        if (i < (int)sizeof b->dbuf) b->dbuf[i] = (char)('0' + dig);
        if (dig != 0) last_nz = i;
        if (dig != 9) last_n9 = i;
    }
    bool up = false;
    if (r.n != 0) {
        int c = big_cmp_sum(&r, &r, 0, &s);
        up = c > 0 || (c == 0 && (dig & 1));
    }
    b->decpt = k;
    if (up && last_n9 < 0) {
        b->one = true; // 99.9 -> 100: a single "1", one place further left
        b->ndig = 1;
        b->dbuf[0] = '1';
        b->decpt = k + 1;
    } else if (up) {
        b->ndig = last_n9 + 1;
        b->round_pos = last_n9;
        if (last_n9 < (int)sizeof b->dbuf) b->dbuf[last_n9]++;
    } else {
        b->ndig = last_nz + 1;
    }
}

size_t py_dtoa_body_init(py_dtoa_body *b, double d, char type, int prec, int flags) {
    bool add_dot_0 = false;
    memset(b, 0, sizeof *b);
    b->alt = flags & PY_DTOA_ALT;
    b->round_pos = -1;
    switch (type) {
    case 'E': b->upper = true; // fall through
    case 'e': b->type = 'e'; break;
    case 'F': b->upper = true; // fall through
    case 'f': b->type = 'f'; break;
    case 'G': b->upper = true; // fall through
    case 'n':
    case 'g': b->type = 'g'; break;
    case '%':
        b->type = 'f';
        b->pct = true;
        d *= 100; // CPython scales in floating point first, rounding included
        break;
    case 0:
        add_dot_0 = true;
        b->type = prec < 0 ? 'r' : 'g';
        break;
    default: // 'r'
        add_dot_0 = true;
        b->type = 'r';
        break;
    }
    if (prec < 0) prec = 6;
    // Keeps decpt + prec from overflowing; such a result (gigabytes) fails in the caller anyway.
    if (prec > INT_MAX - 1000) prec = INT_MAX - 1000;

    parts v = decompose(d);
    b->neg = v.neg;
    if (v.inf || v.nan) {
        b->special = true;
        b->neg = v.neg && v.inf; // the sign of a nan is not shown
        b->rest_len = 3 + b->pct;
        b->mant = v.inf;
        return b->rest_len;
    }
    b->mant = v.m;
    b->bexp = v.e;
    if (v.m == 0) {
        b->ndig = 1;
        b->dbuf[0] = '0';
        b->decpt = 1;
    } else if (b->type == 'r') {
        b->ndig = shortest(&v, b->dbuf, &b->decpt);
    } else {
        fixed_digits(b, &v, prec);
    }
    if ((flags & PY_DTOA_NO_NEG_0) && (b->ndig == 0 || (b->ndig == 1 && b->dbuf[0] == '0'))) {
        b->neg = false;
    }
    lay_out(b, prec, add_dot_0);
    return b->int_len + b->point + b->rest_len;
}

// Output staging: characters are collected and handed to the printer in chunks.
typedef struct sink {
    const py_print *p;
    size_t n;
    char buf[64];
} sink;

static void out_flush(sink *o) {
    if (o->n) py_print_strn(o->p, o->buf, o->n);
    o->n = 0;
}

static void out_char(sink *o, char c) {
    if (o->n == sizeof o->buf) out_flush(o);
    o->buf[o->n++] = c;
}

static void out_zeros(sink *o, int n) {
    while (n-- > 0)
        out_char(o, '0');
}

// Writes virtual digits [from, to), regenerating the real ones when they were not kept.
typedef struct digits_reader {
    const py_dtoa_body *b;
    big r, s;
    int next; // index of the next real digit the stream would produce
    bool stream;
} digits_reader;

static void put_vdigits(sink *o, digits_reader *dr, int from, int to) {
    const py_dtoa_body *b = dr->b;
    int i = from;
    if (i < 0) {
        int z = to < 0 ? to : 0;
        out_zeros(o, z - i);
        i = z;
    }
    for (; i < to && i < b->ndig; i++) {
        char c = '0';
        if (!dr->stream) {
            c = b->dbuf[i];
        } else {
            while (dr->next <= i) {
                c = (char)('0' + src_next(&dr->r, &dr->s));
                dr->next++;
            }
            if (i == b->round_pos) c++;
        }
        out_char(o, c);
    }
    if (i < to) out_zeros(o, to - i);
}

void py_dtoa_body_write(const py_dtoa_body *b, const py_print *ip, const py_print *rp) {
    sink o;
    o.p = ip;
    o.n = 0;
    if (b->special) {
        o.p = rp;
        const char *s = b->mant ? (b->upper ? "INF" : "inf") : (b->upper ? "NAN" : "nan");
        for (int i = 0; i < 3; i++)
            out_char(&o, s[i]);
    } else {
        digits_reader dr;
        dr.b = b;
        dr.next = 0;
        dr.stream = b->ndig > (int)sizeof b->dbuf && !b->one;
        if (dr.stream) src_setup(&dr.r, &dr.s, b->mant, b->bexp);
        put_vdigits(&o, &dr, b->vstart, b->decpt);
        out_flush(&o);
        o.p = rp;
        if (b->point) out_char(&o, '.');
        put_vdigits(&o, &dr, b->decpt, b->vend);
        if (b->use_exp) {
            int x = b->exp10 < 0 ? -b->exp10 : b->exp10;
            out_char(&o, b->upper ? 'E' : 'e');
            out_char(&o, b->exp10 < 0 ? '-' : '+');
            if (x >= 100) out_char(&o, (char)('0' + x / 100));
            out_char(&o, (char)('0' + x / 10 % 10));
            out_char(&o, (char)('0' + x % 10));
        }
    }
    if (b->pct) out_char(&o, '%');
    out_flush(&o);
}

// A printer into a caller's buffer that is known to be large enough.
static void mem_write(void *ctx, const char *s, size_t n) {
    char **pp = ctx;
    memcpy(*pp, s, n);
    *pp += n;
}

size_t py_dtoa_format(double d, char type, int prec, int flags, char *buf, size_t size) {
    py_dtoa_body b;
    size_t len = py_dtoa_body_init(&b, d, type, prec, flags) + b.neg;
    if (len >= size) {
        if (size > 0) buf[0] = 0;
        return len;
    }
    char *p = buf;
    if (b.neg) *p++ = '-';
    py_print pr = {mem_write, &p};
    py_dtoa_body_write(&b, &pr, &pr);
    *p = 0;
    return len;
}

size_t py_dtoa_repr(double d, char *buf) {
    parts v = decompose(d);
    char *p = buf;
    if (v.nan) {
        memcpy(buf, "nan", 4);
        return 3;
    }
    if (v.neg) *p++ = '-';
    if (v.inf) {
        memcpy(p, "inf", 4);
        return (size_t)(p + 3 - buf);
    }
    if (v.m == 0) {
        memcpy(p, "0.0", 4);
        return (size_t)(p + 3 - buf);
    }
    // The common path, written directly: same layout as lay_out's 'r' with add_dot_0.
    char dig[20];
    int decpt;
    int n = shortest(&v, dig, &decpt);
    if (decpt <= -4 || decpt > 16) {
        *p++ = dig[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, dig + 1, (size_t)n - 1);
            p += n - 1;
        }
        int x = decpt - 1;
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        if (x < 0) x = -x;
        if (x >= 100) *p++ = (char)('0' + x / 100);
        *p++ = (char)('0' + x / 10 % 10);
        *p++ = (char)('0' + x % 10);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
        memcpy(p, dig, (size_t)n);
        p += n;
    } else if (decpt >= n) {
        memcpy(p, dig, (size_t)n);
        p += n;
        memset(p, '0', (size_t)(decpt - n));
        p += decpt - n;
        *p++ = '.';
        *p++ = '0';
    } else {
        memcpy(p, dig, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, dig + decpt, (size_t)(n - decpt));
        p += n - decpt;
    }
    *p = 0;
    return (size_t)(p - buf);
}

// ---------------------------------------------------------------------------------------------
// Parsing.

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The whitespace CPython's float() strips (Py_ISSPACE; it maps other Unicode spaces first).
static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool same_ci(const char *s, const char *lower, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// A validated decimal: value = 0.d1 d2 ... dnd * 10^decpt, d1 != 0, dnd the last nonzero digit;
// the digits are read again from `first`, skipping '_' and '.'.
typedef struct decimal {
    const char *first;
    int64_t nd, decpt;
    uint64_t w; // the first min(nd, 19) digits
} decimal;

// Consumes digit ("_"? digit)* from *pp, noting significant digits in dec (nsig counts them,
// lead0 the zeros between the point and the first one). Returns the number of digits consumed.
static int64_t scan_digits(const char **pp, const char *end, decimal *dec, int64_t *nsig, bool frac,
                           int64_t *lead0) {
    const char *p = *pp;
    int64_t count = 0;
    while (p < end) {
        char c = *p;
        if (c == '_') {
            // Python allows an underscore only between two digits.
            if (count == 0 || p + 1 >= end || !is_digit(p[1])) break;
            p++;
            continue;
        }
        if (!is_digit(c)) break;
        count++;
        if (*nsig == 0 && c == '0') {
            if (frac) ++*lead0;
        } else {
            if (*nsig == 0) dec->first = p;
            ++*nsig;
            if (c != '0') dec->nd = *nsig;
            if (*nsig <= 19) dec->w = dec->w * 10 + (uint64_t)(c - '0');
            if (!frac) dec->decpt++;
        }
        p++;
    }
    *pp = p;
    return count;
}

// Compares the input decimal with h = hm * 2^he (> 0) exactly: -1, 0 or 1.
static int cmp_decimal(const decimal *dec, uint64_t hm, int he) {
    big r, s;
    int k = src_setup(&r, &s, hm, he);
    if (dec->decpt != k) return dec->decpt > k ? 1 : -1;
    const char *p = dec->first;
    for (int64_t i = 0; i < dec->nd; p++) {
        if (!is_digit(*p)) continue;
        int d = *p - '0', hd = src_next(&r, &s);
        if (d != hd) return d > hd ? 1 : -1;
        i++;
    }
    return r.n != 0 ? -1 : 0;
}

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Correctly rounded |value| of a validated decimal with at least one nonzero digit.
static double decimal_to_double(const decimal *dec, bool neg) {
    if (dec->decpt > 310) return compose(UINT64_C(1) << 53, 2000, neg); // inf
    if (dec->decpt < -323) return compose(0, 0, neg);
    int nd19 = dec->nd < 19 ? (int)dec->nd : 19;
    int e10 = (int)dec->decpt - nd19;

    // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly (not
    // where double expressions are evaluated in a wider format, as on x87).
    if (FLT_EVAL_METHOD == 0 && dec->nd <= 15) {
        double x = (double)dec->w;
        if (e10 >= 0 && e10 <= 22) return neg ? -x * exact_pow10[e10] : x * exact_pow10[e10];
        if (e10 < 0 && e10 >= -22) return neg ? -x / exact_pow10[-e10] : x / exact_pow10[-e10];
        if (e10 > 22 && e10 <= 22 + 15 - dec->nd) {
            x *= exact_pow10[e10 - 22]; // still an integer below 10^15
            return neg ? -x * 1e22 : x * 1e22;
        }
    }

    // Estimate w * 10^e10 as f * 2^x with f normalized: a product by an exact 10^j (j < 8)
    // and one by a cached power, each rounded. The error bound is in units of f's last bit:
    // the two roundings and the cached power stay below 6; dropped digits (w >= 10^18 then)
    // add a relative error below 10^-18, less than 19 units.
    int sh = __builtin_clzll(dec->w);
    uint64_t f = dec->w << sh;
    int x = -sh;
    int i = (e10 + 348) / 8, j = e10 - (-348 + 8 * i);
    static const uint64_t small_pow10[8] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
    if (j > 0) {
        int psh = __builtin_clzll(small_pow10[j]);
        f = mul_hi64(f, small_pow10[j] << psh);
        x += 64 - psh;
        if (!(f >> 63)) {
            f <<= 1;
            x--;
        }
    }
    f = mul_hi64(f, cached_f[i]);
    x += cached_e[i] + 64;
    if (!(f >> 63)) {
        f <<= 1;
        x--;
    }
    uint64_t err = dec->nd > 19 ? 40 : 8;

    // Round f * 2^x to 53 bits, or fewer below the normal range.
    int drop = -1074 - x > 11 ? -1074 - x : 11;
    if (drop > 65) return compose(0, 0, neg);
    uint64_t q;
    bool ambiguous;
    if (drop == 65) { // below half the least subnormal unless f is all but 2^64
        q = 0;
        ambiguous = ~f < err;
    } else if (drop == 64) {
        q = 0;
        uint64_t half = UINT64_C(1) << 63, rem = f;
        ambiguous = rem - half <= err;
        if (!ambiguous) q = 1; // f >= 2^63 is above half
    } else {
        q = f >> drop;
        uint64_t rem = f & ((UINT64_C(1) << drop) - 1), half = UINT64_C(1) << (drop - 1);
        ambiguous = (rem > half ? rem - half : half - rem) <= err;
        if (!ambiguous && rem > half) q++;
    }
    int qe = x + drop;
    if (ambiguous) {
        // The true value is within err of the halfway point between q * 2^qe and the next
        // double up; compare it exactly.
        int c = cmp_decimal(dec, 2 * q + 1, qe - 1);
        if (c > 0 || (c == 0 && (q & 1))) q++;
    }
    return compose(q, qe, neg);
}

int py_dtoa_parse(const char *s, size_t len, double *out) {
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (p < end && !is_digit(*p) && *p != '.') {
        size_t n = (size_t)(end - p);
        if ((n == 3 && same_ci(p, "inf", 3)) || (n == 8 && same_ci(p, "infinity", 8))) {
            *out = compose(UINT64_C(1) << 53, 2000, neg);
            return 0;
        }
        if (n == 3 && same_ci(p, "nan", 3)) {
            uint64_t bits = (UINT64_C(0x7ff8) << 48) | ((uint64_t)neg << 63);
            memcpy(out, &bits, sizeof bits);
            return 0;
        }
        return -1;
    }
    decimal dec = {NULL, 0, 0, 0};
    int64_t nsig = 0, lead0 = 0;
    int64_t ndigits = scan_digits(&p, end, &dec, &nsig, false, &lead0);
    if (p < end && *p == '.') {
        p++;
        ndigits += scan_digits(&p, end, &dec, &nsig, true, &lead0);
    }
    if (ndigits == 0) return -1;
    if (nsig == 0) dec.nd = 0;
    // w holds min(nsig, 19) digits; trailing zeros past the last nonzero one are not part of it.
    for (int64_t wcount = nsig < 19 ? nsig : 19; wcount > dec.nd; wcount--)
        dec.w /= 10;
    if (dec.first && dec.decpt == 0) dec.decpt = -lead0; // first digit after the point
    int64_t ex = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool eneg = false;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        int64_t n = 0;
        for (; p < end; p++) {
            if (*p == '_' && n > 0 && p + 1 < end && is_digit(p[1])) continue;
            if (!is_digit(*p)) break;
            n++;
            // Saturate far beyond any decimal point position a real input can have.
            if (ex < INT64_C(1000000000000000)) ex = ex * 10 + (*p - '0');
        }
        if (n == 0) return -1;
        if (eneg) ex = -ex;
    }
    if (p != end) return -1;
    if (dec.nd == 0) {
        *out = compose(0, 0, neg);
        return 0;
    }
    dec.decpt += ex;
    *out = decimal_to_double(&dec, neg);
    return 0;
}
