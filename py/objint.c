// py/objint.c: the int type: arithmetic, comparisons, hashing and conversions.
// Every operation tries the small-int path first (no allocation unless the result leaves
// the small range); otherwise operands are viewed as sign + magnitude (`ival`, with a
// small int's digits in a local buffer) and py/mpz.c does the digit work into a result
// bigint allocated once at its maximal size and trimmed in place (or freed when the result
// turns out small). Results are always normalised (see py/objint.h).
// Also here: int() parsing, printing and format(), to/from bytes, the methods, and bool.
// Deliberate differences from CPython: no limit on the digits of int<->str conversions,
// int() takes ASCII digits only, and round(x, -huge) is 0 at once (CPython computes 10**huge).
#include "py/objint.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "py/format.h"
#include "py/objfloat.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- operands ----------------------------------------------------------------------------

static inline void ival_small(py_ival *v, py_int_t i) {
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
    v->neg = i < 0;
    v->d = v->buf;
    v->buf[0] = (py_mpz_dig)m;
    v->buf[1] = (py_mpz_dig)(m >> 32);
    v->n = v->buf[1] ? 2 : v->buf[0] ? 1 : 0;
}

void py_ival_small(py_ival *v, py_int_t i) {
    ival_small(v, i);
}

// py_ival_get for x already known to be a small int or a py_type_int object (the binary-op
// slot's operands after unwrapping), inline.
static inline void ival_of(py_ival *v, py_val x) {
    if (py_is_small(x)) {
        ival_small(v, py_small_get(x));
        return;
    }
    const py_bigint *b = (const py_bigint *)x;
    v->d = b->d;
    v->neg = b->size < 0;
    v->n = (size_t)(v->neg ? -(int64_t)b->size : b->size);
}

bool py_ival_get(py_ival *v, py_val x) {
    for (;;) {
        if (py_is_small(x)) {
            py_ival_small(v, py_small_get(x));
            return true;
        }
        if (!py_is_obj(x)) {
            return false;
        }
        const py_type *t = x->type;
        if (t == &py_type_int) {
            const py_bigint *b = (const py_bigint *)x;
            v->d = b->d;
            v->neg = b->size < 0;
            v->n = (size_t)(b->size < 0 ? -(int64_t)b->size : b->size);
            return true;
        }
        if (t == &py_type_bool) {
            py_ival_small(v, ((const py_bool_obj *)x)->value);
            return true;
        }
        if ((t->flags & PY_TF_HEAP) && t->native == &py_type_int &&
            ((py_instance *)x)->native != PY_NULL) {
            x = ((py_instance *)x)->native;
            continue;
        }
        return false;
    }
}

py_val py_int_unwrap(py_val v) {
    if (py_is_small(v)) {
        return v;
    }
    if (!py_is_obj(v)) {
        return PY_NULL;
    }
    if (v->type == &py_type_int) {
        return v;
    }
    if (v->type == &py_type_bool) {
        return py_small(((const py_bool_obj *)v)->value);
    }
    if ((v->type->flags & PY_TF_HEAP) && v->type->native == &py_type_int) {
        py_val n = ((py_instance *)v)->native;
        return n != PY_NULL ? py_int_unwrap(n) : PY_NULL;
    }
    return PY_NULL;
}

bool py_is_int(py_val v) {
    return py_int_unwrap(v) != PY_NULL;
}

// The value of a magnitude as a small int, if it is in range.
static bool mag_small(const py_mpz_dig *d, size_t n, bool neg, py_int_t *out) {
    if (n > sizeof(py_int_t) / sizeof(py_mpz_dig)) {
        return false;
    }
    uint64_t m = n > 0 ? d[0] : 0;
    if (n > 1) {
        m |= (uint64_t)d[1] << 32;
    }
    if (neg) {
        if (m > (uint64_t)PY_SMALL_MAX + 1) {
            return false;
        }
        *out = (py_int_t)(-(int64_t)m);
        return true;
    }
    if (m > (uint64_t)PY_SMALL_MAX) {
        return false;
    }
    *out = (py_int_t)m;
    return true;
}

// ---- results -------------------------------------------------------------------------------

// A bigint with room for n digits; until bigint_finish, size holds that capacity.
static py_bigint *bigint_new(size_t n) {
    if (n > INT32_MAX) {
        py_raise_msg(&py_type_OverflowError, "too many digits in integer");
    }
    // offsetof, not sizeof: on 64-bit hosts the struct's tail padding is d[0]
    py_bigint *b =
        py_gc_new_obj(offsetof(py_bigint, d) + n * sizeof(py_mpz_dig), &py_type_int, PY_GC_LEAF);
    b->size = (int32_t)n;
    return b;
}

// Normalises b's n digits and sets the sign; returns b, or a small int (freeing b) when the
// value fits one.
static py_val bigint_finish(py_bigint *b, size_t n, bool neg) {
    n = py_mpz_norm(b->d, n);
    py_int_t s;
    if (mag_small(b->d, n, neg, &s)) {
        py_gc_free(b);
        return py_small(s);
    }
    // Give back the unused tail only when it is large: small holes fragment the heap.
    size_t cap = (size_t)b->size;
    if (cap - n >= n / 4 + 16) {
        py_gc_resize_in_place(b, offsetof(py_bigint, d) + n * sizeof(py_mpz_dig));
    }
    b->size = neg ? -(int32_t)n : (int32_t)n;
    return (py_val)b;
}

py_val py_int_from_digits(bool neg, const py_mpz_dig *d, size_t n) {
    n = py_mpz_norm(d, n);
    py_int_t s;
    if (mag_small(d, n, neg, &s)) {
        return py_small(s);
    }
    py_bigint *b = bigint_new(n);
    memcpy(b->d, d, n * sizeof(py_mpz_dig));
    b->size = neg ? -(int32_t)n : (int32_t)n;
    return (py_val)b;
}

py_val py_int_from_ull(unsigned long long u) {
    if (u <= (unsigned long long)PY_SMALL_MAX) {
        return py_small((py_int_t)u);
    }
    py_mpz_dig d[2] = {(py_mpz_dig)u, (py_mpz_dig)((uint64_t)u >> 32)};
    return py_int_from_digits(false, d, 2);
}

py_val py_int_from_ll(long long i) {
    if (i >= PY_SMALL_MIN && i <= PY_SMALL_MAX) {
        return py_small((py_int_t)i);
    }
    unsigned long long m = i < 0 ? 0ull - (unsigned long long)i : (unsigned long long)i;
    py_mpz_dig d[2] = {(py_mpz_dig)m, (py_mpz_dig)((uint64_t)m >> 32)};
    return py_int_from_digits(i < 0, d, 2);
}

py_val py_int_from(py_int_t i) {
    if (py_small_fits(i)) {
        return py_small(i);
    }
    return py_int_from_ll(i);
}

py_val py_ival_to_val(const py_ival *v) {
    return py_int_from_digits(v->neg, v->d, v->n);
}

// Result digits: on the C stack when few (the value is then copied into an exactly sized
// bigint, or returned as a small int without any allocation), else directly in the bigint.
typedef struct resbuf {
    py_bigint *big;
    py_mpz_dig *d;
    py_mpz_dig stack[PY_TMP_STACK];
} resbuf;

static py_mpz_dig *res_get(resbuf *r, size_t n) {
    if (n <= PY_TMP_STACK) {
        r->big = NULL;
        r->d = r->stack;
    } else {
        r->big = bigint_new(n);
        r->d = r->big->d;
    }
    return r->d;
}

static py_val res_finish(resbuf *r, size_t n, bool neg) {
    return r->big ? bigint_finish(r->big, n, neg) : py_int_from_digits(neg, r->d, n);
}

// Temporary digit buffers: on the C stack when small, else a GC block freed at once.
py_mpz_dig *py_tmp_get(py_tmp *t, size_t n) {
    if (n <= PY_TMP_STACK) {
        t->heap = false;
        t->p = t->stack;
    } else {
        t->heap = true;
        t->p = py_gc_alloc(n * sizeof(py_mpz_dig), PY_GC_LEAF);
    }
    return t->p;
}

void py_tmp_free(py_tmp *t) {
    if (t->heap) {
        py_gc_free(t->p);
        t->heap = false;
    }
}

// ---- conversions -----------------------------------------------------------------------

bool py_get_int_maybe(py_val v, py_int_t *out) {
    if (py_is_small(v)) {
        *out = py_small_get(v);
        return true;
    }
    py_ival a;
    if (!py_ival_get(&a, v)) {
        return false;
    }
    if (!mag_small(a.d, a.n, a.neg, out)) {
        // a big value may still fit the C type (the small range is one bit narrower)
        uint64_t m = a.n > 0 ? a.d[0] : 0;
        if (a.n > 1) {
            m |= (uint64_t)a.d[1] << 32;
        }
        bool fits = a.n <= sizeof(py_int_t) / sizeof(py_mpz_dig) &&
                    (a.neg ? m <= (uint64_t)INTPTR_MAX + 1 : m <= (uint64_t)INTPTR_MAX);
        if (!fits) {
            py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        *out = a.neg ? (py_int_t)(0 - m) : (py_int_t)m;
    }
    return true;
}

py_int_t py_get_int(py_val v) {
    py_int_t i;
    if (py_get_int_maybe(v, &i)) {
        return i;
    }
    const py_type *t = py_typeof(v);
    if (t->unary_op) {
        py_val r = t->unary_op(PY_UOP_INDEX, v);
        if (r != PY_NULL && py_get_int_maybe(r, &i)) {
            return i;
        }
    }
    py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
}

int py_int_sign(py_val v) {
    if (py_is_small(v)) {
        py_int_t i = py_small_get(v);
        return (i > 0) - (i < 0);
    }
    py_ival a;
    if (!py_ival_get(&a, v) || a.n == 0) {
        return 0;
    }
    return a.neg ? -1 : 1;
}

// The magnitude as a correctly rounded double (may be inf when too large).
static double mag_to_double(const py_mpz_dig *d, size_t n) {
    size_t bits = py_mpz_bit_length(d, n);
    if (bits <= 64) {
        uint64_t m = n > 0 ? d[0] : 0;
        if (n > 1) {
            m |= (uint64_t)d[1] << 32;
        }
        return (double)m; // the C conversion rounds to nearest, ties to even
    }
    if (bits > DBL_MAX_EXP + 1) {
        return HUGE_VAL;
    }
    // Keep 55 bits (53 + a rounding bit + a guard bit) and a sticky bit for the rest, then
    // round half to even by hand: the result is then exact to convert and scale.
    size_t shift = bits - (DBL_MANT_DIG + 2);
    size_t di = shift / 32;
    unsigned bi = shift % 32;
    uint64_t lo = d[di], hi = di + 1 < n ? d[di + 1] : 0, top = di + 2 < n ? d[di + 2] : 0;
    uint64_t x = bi == 0 ? lo | (hi << 32) : (lo >> bi) | (hi << (32 - bi)) | (top << (64 - bi));
    x &= ((uint64_t)1 << (DBL_MANT_DIG + 2)) - 1;
    if (py_mpz_low_bits_nonzero(d, n, shift)) {
        x |= 1;
    }
    if ((x & 2) && (x & 5)) {
        x += 4;
    }
    x &= ~(uint64_t)3;
    return ldexp((double)x, (int)shift);
}

double py_ival_to_double(const py_ival *a) {
    double d = mag_to_double(a->d, a->n);
    if (isinf(d)) {
        py_raise_msg(&py_type_OverflowError, "int too large to convert to float");
    }
    return a->neg ? -d : d;
}

double py_int_to_double(py_val v) {
    if (py_is_small(v)) {
        return (double)py_small_get(v);
    }
    py_ival a;
    if (!py_ival_get(&a, v)) {
        py_raise_fmt(&py_type_TypeError, "must be real number, not %T", v);
    }
    return py_ival_to_double(&a);
}

py_val py_int_from_double(double d) {
    if (isnan(d)) {
        py_raise_msg(&py_type_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        py_raise_msg(&py_type_OverflowError, "cannot convert float infinity to integer");
    }
    // 2**62 / 2**30: below it the C conversion is exact and fits a small int
    const double lim = (double)((py_uint_t)1 << (sizeof(py_int_t) * 8 - 2));
    if (d > -lim && d < lim) {
        return py_small((py_int_t)d);
    }
    int e;
    double m = frexp(fabs(d), &e); // |d| = m * 2^e, 0.5 <= m < 1
    uint64_t mant;
    size_t shift;
    if (e <= 64) { // (32-bit targets: the small-int range ends at 2**30) truncating is exact
        mant = (uint64_t)fabs(d);
        shift = 0;
    } else {
        mant = (uint64_t)ldexp(m, DBL_MANT_DIG);
        shift = (size_t)(e - DBL_MANT_DIG);
    }
    size_t n = 2 + shift / 32 + 1;
    py_bigint *b = bigint_new(n);
    py_mpz_dig md[2] = {(py_mpz_dig)mant, (py_mpz_dig)(mant >> 32)};
    size_t rn = py_mpz_shl(b->d, md, py_mpz_norm(md, 2), shift);
    return bigint_finish(b, rn, d < 0);
}

// ---- hashing --------------------------------------------------------------------------------

py_val py_int_hash_finish(bool neg, py_uint_t m) {
    py_int_t h = neg ? -(py_int_t)m : (py_int_t)m;
    if (h == -1) {
        h = -2;
    }
    return py_small(h);
}

// |x| mod 2**B - 1: multiplying by 2^32 modulo a Mersenne number is a rotation of B bits.
static py_val hash_ival(const py_ival *a) {
    const py_uint_t P = (py_uint_t)PY_HASH_MODULUS;
    const unsigned B = PY_INT_HASH_BITS, R = 32 % PY_INT_HASH_BITS;
    py_uint_t x = 0;
    for (size_t i = a->n; i-- > 0;) {
        x = ((x << R) & P) | (x >> (B - R));
        py_uint_t dd = a->d[i];
        if (B < 32) {
            dd = (dd & P) + (dd >> (B % 32));
            if (dd >= P) {
                dd -= P;
            }
        }
        x += dd;
        if (x >= P) {
            x -= P;
        }
    }
    return py_int_hash_finish(a->neg, x);
}

// ---- arithmetic on ivals -------------------------------------------------------------------

int py_ival_cmp(const py_ival *a, const py_ival *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = py_mpz_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

// a + b, or a - b when sub.
py_val py_ival_add(const py_ival *a, const py_ival *b, bool sub) {
    bool bneg = b->neg != sub && b->n > 0;
    if (a->neg == bneg || a->n == 0 || b->n == 0) {
        if (a->n == 0) {
            return py_int_from_digits(bneg, b->d, b->n);
        }
        size_t n = (a->n > b->n ? a->n : b->n) + 1;
        if (n > 3) {
            // |a + b| >= 2^64 is a bigint: built in place, with the carry digit only when the
            // top digits may carry out (py_mpz_add writes it only when there is a carry)
            const py_ival *l = a->n >= b->n ? a : b, *s = l == a ? b : a;
            py_mpz_ddig top = (py_mpz_ddig)l->d[l->n - 1] + (s->n == l->n ? s->d[l->n - 1] : 0);
            py_bigint *r = bigint_new(top >= PY_MPZ_DIG_MAX ? n : n - 1);
            return bigint_finish(r, py_mpz_add(r->d, a->d, a->n, b->d, b->n), a->neg);
        }
        resbuf r;
        py_mpz_dig *d = res_get(&r, n);
        return res_finish(&r, py_mpz_add(d, a->d, a->n, b->d, b->n), a->neg);
    }
    int c = py_mpz_cmp(a->d, a->n, b->d, b->n);
    if (c == 0) {
        return py_small(0);
    }
    const py_ival *big = c > 0 ? a : b, *small = c > 0 ? b : a;
    resbuf r;
    py_mpz_dig *d = res_get(&r, big->n);
    return res_finish(&r, py_mpz_sub(d, big->d, big->n, small->d, small->n), c > 0 ? a->neg : bneg);
}

static py_val ival_mul(const py_ival *a, const py_ival *b) {
    if (a->n == 0 || b->n == 0) {
        return py_small(0);
    }
    // |a b| >= max(|a|, |b|), and two small ints only get here when their product overflows:
    // the result is a bigint, so it is built in place (an + bn digits, the top one possibly
    // zero) rather than on the stack and copied.
    py_bigint *r;
    size_t rn;
    if (b->n == 1 || a->n == 1) {
        // a bigint times a digit (r *= i): one pass, into exactly the digits the bit lengths
        // need (py_mpz_mul_1 writes the carry digit only when it is not 0)
        const py_ival *big = b->n == 1 ? a : b;
        py_mpz_dig m = (big == a ? b : a)->d[0];
        size_t bits = py_mpz_bit_length(big->d, big->n) + py_mpz_bit_length(&m, 1);
        r = bigint_new((bits + PY_MPZ_DIG_BITS - 1) / PY_MPZ_DIG_BITS);
        rn = py_mpz_mul_1(r->d, big->d, big->n, m, 0);
    } else {
        r = bigint_new(a->n + b->n);
        py_tmp t;
        py_mpz_dig *s = py_tmp_get(&t, py_mpz_mul_scratch(a->n, b->n));
        rn = (a->d == b->d && a->n == b->n) ? py_mpz_sqr(r->d, a->d, a->n, s)
                                            : py_mpz_mul(r->d, a->d, a->n, b->d, b->n, s);
        py_tmp_free(&t);
    }
    return bigint_finish(r, rn, a->neg != b->neg);
}

// Floor division and modulo: q = floor(a / b), r = a - q b (the sign of b). Either output
// may be NULL. b must not be zero.
void py_ival_divmod(const py_ival *a, const py_ival *b, py_val *q, py_val *r) {
    static const py_mpz_dig one = 1;
    if (b->n == 1 && a->n > 3) {
        // By one digit (x // 7, x % 10): one pass, the remainder is a digit, and the quotient
        // (>= 2^64) is a bigint built in place.
        py_mpz_dig dv = b->d[0];
        py_bigint *qb = NULL;
        size_t qn = 0;
        py_mpz_dig rem;
        if (q) {
            // a->n - 1 digits when the top one is below dv, unless floor adds one to the
            // quotient (that may carry into one more; it never goes past a->n digits)
            bool floor = a->neg != b->neg;
            qb = bigint_new(a->n - (a->d[a->n - 1] < dv && !floor));
            rem = py_mpz_divmod_1(qb->d, &qn, a->d, a->n, dv);
        } else {
            rem = py_mpz_mod_1(a->d, a->n, dv);
        }
        if (a->neg != b->neg && rem != 0) {
            // floor: one more (in magnitude) for the quotient, d - rem for the remainder
            if (qb) {
                qn = py_mpz_add(qb->d, qb->d, qn, &one, 1);
            }
            rem = dv - rem;
        }
        if (qb) {
            *q = bigint_finish(qb, qn, a->neg != b->neg);
        }
        if (r) {
            *r = py_int_from_ll(b->neg ? -(long long)rem : (long long)rem);
        }
        return;
    }
    resbuf qb, rb;
    py_mpz_dig *qd = q ? res_get(&qb, (a->n > b->n ? a->n - b->n : 0) + 2) : NULL;
    // the remainder is needed for the floor adjustment even when not wanted: then it lives
    // after the division scratch, in the same temporary
    size_t sn = py_mpz_divmod_scratch(a->n, b->n);
    py_tmp ts;
    py_mpz_dig *s = py_tmp_get(&ts, sn + (r ? 0 : b->n));
    py_mpz_dig *rd = r ? res_get(&rb, b->n) : s + sn;
    size_t qn = 0, rn;
    py_mpz_divmod(qd, &qn, rd, &rn, a->d, a->n, b->d, b->n, s);
    if (a->neg != b->neg && rn > 0) {
        if (qd) {
            qn = py_mpz_add(qd, qd, qn, &one, 1);
        }
        rn = py_mpz_sub(rd, b->d, b->n, rd, rn);
    }
    py_tmp_free(&ts);
    if (q) {
        *q = res_finish(&qb, qn, a->neg != b->neg);
    }
    if (r) {
        *r = res_finish(&rb, rn, b->neg);
    }
}

// a / b correctly rounded (CPython's long_true_divide algorithm).
double py_ival_truediv(const py_ival *a, const py_ival *b) {
    if (b->n == 0) {
        py_raise_msg(&py_type_ZeroDivisionError, "division by zero");
    }
    bool neg = a->neg != b->neg;
    if (a->n == 0) {
        return neg ? -0.0 : 0.0;
    }
    size_t abits = py_mpz_bit_length(a->d, a->n), bbits = py_mpz_bit_length(b->d, b->n);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        // both exact as doubles: one correctly rounded division
        double r = mag_to_double(a->d, a->n) / mag_to_double(b->d, b->n);
        return neg ? -r : r;
    }
    long diff = (long)abits - (long)bbits;
    if (diff > DBL_MAX_EXP) {
        goto overflow;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        return neg ? -0.0 : 0.0;
    }
    // x = a / 2^shift has DBL_MANT_DIG + 2 (or 3) more bits than b, so that the quotient
    // has enough bits for correct rounding; bits lost in the shift are remembered.
    long shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    size_t xcap = a->n + (shift < 0 ? (size_t)(-shift) / 32 + 1 : 0) + 1;
    py_tmp tx, tq, ts;
    py_mpz_dig *x = py_tmp_get(&tx, xcap);
    size_t xn;
    if (shift <= 0) {
        xn = py_mpz_shl(x, a->d, a->n, (size_t)-shift);
    } else {
        xn = py_mpz_shr(x, a->d, a->n, (size_t)shift);
        inexact = py_mpz_low_bits_nonzero(a->d, a->n, (size_t)shift);
    }
    py_mpz_dig *qd = py_tmp_get(&tq, xn + 2);
    py_mpz_dig *s = py_tmp_get(&ts, py_mpz_divmod_scratch(xn, b->n) + b->n);
    size_t qn, rn;
    py_mpz_divmod(qd, &qn, s, &rn, x, xn, b->d, b->n, s + b->n);
    if (rn > 0) {
        inexact = true;
    }
    py_tmp_free(&ts);
    py_tmp_free(&tx);
    long x_bits = (long)py_mpz_bit_length(qd, qn);
    long extra = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    // round half to even at bit `extra`, with the inexact flag as a sticky bit
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = (uint64_t)qd[0] | inexact;
    if ((low & mask) && (low & (3 * mask - 1))) {
        low += mask;
    }
    low &= ~(2 * mask - 1);
    double dx = 0;
    for (size_t i = qn; i-- > 1;) {
        dx = dx * 4294967296.0 + qd[i];
    }
    dx = dx * 4294967296.0 + (double)low;
    py_tmp_free(&tq);
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits))) {
        goto overflow;
    }
    {
        double r = ldexp(dx, (int)shift);
        return neg ? -r : r;
    }
overflow:
    py_raise_msg(&py_type_OverflowError, "integer division result too large for a float");
}

static py_val ival_lshift(const py_ival *a, const py_ival *b) {
    if (b->neg) {
        py_raise_msg(&py_type_ValueError, "negative shift count");
    }
    if (a->n == 0) {
        return py_small(0);
    }
    if (b->n > 1 || b->d[0] > (py_mpz_dig)INT32_MAX * 32u) {
        py_raise_msg(&py_type_OverflowError, "too many digits in integer");
    }
    size_t s = b->n ? b->d[0] : 0;
    resbuf r;
    py_mpz_dig *d = res_get(&r, a->n + s / 32 + 1);
    return res_finish(&r, py_mpz_shl(d, a->d, a->n, s), a->neg);
}

static py_val ival_rshift(const py_ival *a, const py_ival *b) {
    static const py_mpz_dig one = 1;
    if (b->neg) {
        py_raise_msg(&py_type_ValueError, "negative shift count");
    }
    size_t bits = py_mpz_bit_length(a->d, a->n);
    if (b->n > 1 || b->d[0] >= bits) {
        return py_small(a->neg ? -1 : 0);
    }
    size_t s = b->d[0];
    resbuf r;
    if (!a->neg) {
        py_mpz_dig *d = res_get(&r, a->n - s / 32);
        return res_finish(&r, py_mpz_shr(d, a->d, a->n, s), false);
    }
    // floor for negatives: -((|a| - 1) >> s) - 1
    py_mpz_dig *d = res_get(&r, a->n + 1);
    size_t rn = py_mpz_sub(d, a->d, a->n, &one, 1);
    rn = py_mpz_shr(d, d, rn, s);
    rn = py_mpz_add(d, d, rn, &one, 1);
    return res_finish(&r, rn, true);
}

static py_val ival_bitwise(int op, const py_ival *a, const py_ival *b) {
    resbuf r;
    py_mpz_dig *d = res_get(&r, (a->n > b->n ? a->n : b->n) + 1);
    bool neg;
    size_t rn = py_mpz_bitwise(d, &neg, op, a->d, a->n, a->neg, b->d, b->n, b->neg);
    return res_finish(&r, rn, neg);
}

// a ** e for e >= 0, by left-to-right binary exponentiation between two buffers.
static py_val ival_pow(const py_ival *a, const py_ival *e) {
    if (e->n == 0) {
        return py_small(1);
    }
    if (a->n == 0) {
        return py_small(0);
    }
    bool odd = e->d[0] & 1;
    bool neg = a->neg && odd;
    if (a->n == 1 && a->d[0] == 1) {
        return py_small(neg ? -1 : 1);
    }
    size_t abits = py_mpz_bit_length(a->d, a->n);
    if (e->n > 2) {
        py_raise_memory_error();
    }
    uint64_t ev = e->d[0] | (e->n > 1 ? (uint64_t)e->d[1] << 32 : 0);
    if ((abits - 1) && ev > ((uint64_t)INT32_MAX * 32) / (abits - 1)) {
        py_raise_memory_error();
    }
    // |a| is a power of two: a shift
    if (py_mpz_popcount(a->d, a->n) == 1) {
        size_t s = (size_t)((abits - 1) * ev);
        static const py_mpz_dig one = 1;
        resbuf r;
        py_mpz_dig *d = res_get(&r, s / 32 + 1);
        return res_finish(&r, py_mpz_shl(d, &one, 1, s), neg);
    }
    uint64_t rbits = abits * ev;
    if (rbits / ev != abits || rbits > (uint64_t)INT32_MAX * 32) {
        py_raise_memory_error();
    }
    size_t cap = (size_t)(rbits / 32) + 2;
    py_bigint *r1 = bigint_new(cap), *r2 = bigint_new(cap);
    py_tmp ts;
    py_mpz_dig *s = py_tmp_get(&ts, py_mpz_mul_scratch(cap / 2 + 1, cap / 2 + 1) +
                                        py_mpz_mul_scratch(cap, a->n));
    py_mpz_dig *cur = r1->d, *oth = r2->d;
    memcpy(cur, a->d, a->n * sizeof(py_mpz_dig));
    size_t cn = a->n;
    int top = 63 - __builtin_clzll(ev);
    for (int i = top - 1; i >= 0; i--) {
        cn = py_mpz_sqr(oth, cur, cn, s);
        py_mpz_dig *t = cur;
        cur = oth;
        oth = t;
        if ((ev >> i) & 1) {
            cn = py_mpz_mul(oth, cur, cn, a->d, a->n, s);
            t = cur;
            cur = oth;
            oth = t;
        }
    }
    py_tmp_free(&ts);
    py_bigint *res = cur == r1->d ? r1 : r2;
    py_gc_free(res == r1 ? r2 : r1);
    return bigint_finish(res, cn, neg);
}

// ---- small-int fast paths --------------------------------------------------------------

// The float result of an int operation (true division, negative powers, float()).
static py_val float_result(double d) {
#if PY_CFG_FLOAT
    return py_float_new(d);
#else
    (void)d;
    py_raise_msg(&py_type_TypeError, "float is not supported");
#endif // PY_CFG_FLOAT
}

// x ** y for small x and y >= 0, or PY_NULL on overflow.
static py_val small_pow(py_int_t x, py_int_t y) {
    py_int_t r = 1;
    for (;;) {
        if (y & 1) {
            if (__builtin_mul_overflow(r, x, &r)) {
                return PY_NULL;
            }
        }
        y >>= 1;
        if (y == 0) {
            break;
        }
        if (__builtin_mul_overflow(x, x, &x)) {
            return PY_NULL;
        }
    }
    return py_int_from(r);
}

// The op on two small ints, or PY_NULL to take the general path.
static py_val small_op(int op, py_int_t x, py_int_t y) {
    switch (op) {
    case PY_OP_LT: return py_bool(x < y);
    case PY_OP_GT: return py_bool(x > y);
    case PY_OP_EQ: return py_bool(x == y);
    case PY_OP_NE: return py_bool(x != y);
    case PY_OP_LE: return py_bool(x <= y);
    case PY_OP_GE: return py_bool(x >= y);
    case PY_OP_OR: return py_small(x | y);
    case PY_OP_XOR: return py_small(x ^ y);
    case PY_OP_AND: return py_small(x & y);
    case PY_OP_ADD: return py_int_from(x + y); // cannot overflow: small ints are 1 bit short
    case PY_OP_SUB: return py_int_from(x - y);
    case PY_OP_MUL: {
        py_int_t r;
        if (__builtin_mul_overflow(x, y, &r)) {
            return PY_NULL;
        }
        return py_int_from(r);
    }
    case PY_OP_FLOORDIV:
    case PY_OP_MOD: {
        if (y == 0) {
            py_raise_msg(&py_type_ZeroDivisionError, op == PY_OP_MOD
                                                         ? "integer modulo by zero"
                                                         : "integer division or modulo by zero");
        }
        py_int_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q--;
            r += y;
        }
        return op == PY_OP_MOD ? py_small(r) : py_int_from(q);
    }
    case PY_OP_TRUEDIV: {
        const int64_t lim = (int64_t)1 << DBL_MANT_DIG;
        if (y == 0) {
            py_raise_msg(&py_type_ZeroDivisionError, "division by zero");
        }
        if ((int64_t)x >= -lim && (int64_t)x <= lim && (int64_t)y >= -lim && (int64_t)y <= lim) {
            return float_result((double)x / (double)y);
        }
        return PY_NULL;
    }
    case PY_OP_LSHIFT:
        if (y < 0) {
            py_raise_msg(&py_type_ValueError, "negative shift count");
        }
        if (x == 0) {
            return py_small(0);
        }
        if (y < (py_int_t)(sizeof(py_int_t) * 8 - 2)) {
            py_int_t r = (py_int_t)((py_uint_t)x << y);
            if ((r >> y) == x && py_small_fits(r)) {
                return py_small(r);
            }
        }
        return PY_NULL;
    case PY_OP_RSHIFT:
        if (y < 0) {
            py_raise_msg(&py_type_ValueError, "negative shift count");
        }
        return py_small(y >= (py_int_t)(sizeof(py_int_t) * 8) ? (x < 0 ? -1 : 0) : x >> y);
    case PY_OP_POW:
        if (y < 0) {
            return PY_NULL;
        }
        return small_pow(x, y);
    default: return PY_NULL;
    }
}

// ---- the binary-op slot ----------------------------------------------------------------

static py_val general_op(int op, const py_ival *a, const py_ival *b) {
    switch (op) {
    case PY_OP_LT: return py_bool(py_ival_cmp(a, b) < 0);
    case PY_OP_GT: return py_bool(py_ival_cmp(a, b) > 0);
    case PY_OP_EQ: return py_bool(py_ival_cmp(a, b) == 0);
    case PY_OP_NE: return py_bool(py_ival_cmp(a, b) != 0);
    case PY_OP_LE: return py_bool(py_ival_cmp(a, b) <= 0);
    case PY_OP_GE: return py_bool(py_ival_cmp(a, b) >= 0);
    case PY_OP_OR: return ival_bitwise(PY_MPZ_OR, a, b);
    case PY_OP_XOR: return ival_bitwise(PY_MPZ_XOR, a, b);
    case PY_OP_AND: return ival_bitwise(PY_MPZ_AND, a, b);
    case PY_OP_LSHIFT: return ival_lshift(a, b);
    case PY_OP_RSHIFT: return ival_rshift(a, b);
    case PY_OP_ADD: return py_ival_add(a, b, false);
    case PY_OP_SUB: return py_ival_add(a, b, true);
    case PY_OP_MUL: return ival_mul(a, b);
    case PY_OP_FLOORDIV:
    case PY_OP_MOD: {
        if (b->n == 0) {
            py_raise_msg(&py_type_ZeroDivisionError, op == PY_OP_MOD
                                                         ? "integer modulo by zero"
                                                         : "integer division or modulo by zero");
        }
        py_val r;
        py_ival_divmod(a, b, op == PY_OP_FLOORDIV ? &r : NULL, op == PY_OP_MOD ? &r : NULL);
        return r;
    }
    case PY_OP_TRUEDIV: return float_result(py_ival_truediv(a, b));
    case PY_OP_POW:
        if (b->neg) {
            // int ** negative int is a float power (0 ** -1 raises ZeroDivisionError there)
            return float_result(py_float_pow(py_ival_to_double(a), py_ival_to_double(b)));
        }
        return ival_pow(a, b);
    default: return PY_NULL;
    }
}

py_val py_int_binary_op(int op, py_val lhs, py_val rhs) {
    if (op > PY_OP_GE) {
        if (op == PY_OP_CONTAINS) {
            return PY_NULL;
        }
        if (op >= PY_OP_ROR) {
            // reflected: the Python expression was rhs OP lhs
            py_val t = lhs;
            lhs = rhs;
            rhs = t;
        }
        op = py_op_plain(op);
    }
    // bools and subclass instances become plain ints, so the small path catches them
    if (!py_is_small(lhs) && !(py_is_obj(lhs) && lhs->type == &py_type_int)) {
        lhs = py_int_unwrap(lhs);
    }
    if (!py_is_small(rhs) && !(py_is_obj(rhs) && rhs->type == &py_type_int)) {
        rhs = py_int_unwrap(rhs);
        if (rhs == PY_NULL) {
            return PY_NULL; // e.g. int + float: float's reflected op takes it
        }
    }
    if (lhs == PY_NULL) {
        return PY_NULL;
    }
    if (py_is_small(lhs) && py_is_small(rhs)) {
        py_val r = small_op(op, py_small_get(lhs), py_small_get(rhs));
        if (r != PY_NULL) {
            return r;
        }
    }
    py_ival a, b;
    ival_of(&a, lhs);
    ival_of(&b, rhs);
    return general_op(op, &a, &b);
}

// divmod(a, b) as a tuple, for the __divmod__ method and the builtin.
py_val py_int_divmod(py_val lhs, py_val rhs) {
    py_ival a, b;
    if (!py_ival_get(&a, lhs) || !py_ival_get(&b, rhs)) {
        return PY_NULL;
    }
    if (b.n == 0) {
        py_raise_msg(&py_type_ZeroDivisionError, "integer division or modulo by zero");
    }
    py_val qr[2];
    if (py_is_small(lhs) && py_is_small(rhs)) {
        qr[0] = small_op(PY_OP_FLOORDIV, py_small_get(lhs), py_small_get(rhs));
        qr[1] = small_op(PY_OP_MOD, py_small_get(lhs), py_small_get(rhs));
    } else {
        py_ival_divmod(&a, &b, &qr[0], &qr[1]);
    }
    return py_tuple_new(2, qr);
}

// ---- the unary-op slot ---------------------------------------------------------------------

py_val py_int_unary_op(int op, py_val self) {
    py_ival a;
    if (py_is_small(self)) {
        py_int_t i = py_small_get(self);
        switch (op) {
        case PY_UOP_BOOL: return py_bool(i != 0);
        case PY_UOP_HASH:
            if (i != -1 && i < PY_HASH_MODULUS && i > -PY_HASH_MODULUS) {
                return self;
            }
            break;
        case PY_UOP_POS:
        case PY_UOP_INT:
        case PY_UOP_INDEX: return self;
        case PY_UOP_NEG: return py_int_from(-i);
        case PY_UOP_INVERT: return py_small(~i);
        case PY_UOP_ABS: return py_int_from(i < 0 ? -i : i);
        case PY_UOP_FLOAT: return float_result((double)i);
        default: return PY_NULL;
        }
    }
    if (!py_ival_get(&a, self)) {
        return PY_NULL;
    }
    switch (op) {
    case PY_UOP_BOOL: return py_bool(a.n != 0);
    case PY_UOP_HASH: return hash_ival(&a);
    case PY_UOP_POS:
    case PY_UOP_INT:
    case PY_UOP_INDEX: return py_ival_to_val(&a);
    case PY_UOP_NEG: return py_int_from_digits(!a.neg && a.n > 0, a.d, a.n);
    case PY_UOP_ABS: return py_int_from_digits(false, a.d, a.n);
    case PY_UOP_INVERT: {
        // ~a = -(a + 1)
        py_ival one;
        py_ival_small(&one, 1);
        py_val s = py_ival_add(&a, &one, false);
        return py_int_unary_op(PY_UOP_NEG, s);
    }
    case PY_UOP_FLOAT: return float_result(py_ival_to_double(&a));
    default: return PY_NULL;
    }
}

// ---- pow with a modulus, round ---------------------------------------------------------------

// (b ** e) mod m for 0 <= b < m, e >= 0, m >= 2.
static py_val powmod_pos(const py_ival *b, const py_ival *e, const py_ival *m) {
    if (m->n == 1) {
        // single-digit modulus: 64-bit products suffice
        uint64_t mm = m->d[0], base = b->n ? b->d[0] : 0, r = 1;
        for (size_t i = py_mpz_bit_length(e->d, e->n); i-- > 0;) {
            r = r * r % mm;
            if ((e->d[i / 32] >> (i % 32)) & 1) {
                r = r * base % mm;
            }
        }
        return py_int_from_ull(r % mm);
    }
    resbuf r;
    py_mpz_dig *d = res_get(&r, m->n);
    py_tmp ts;
    py_mpz_dig *s = py_tmp_get(&ts, py_mpz_powmod_scratch(m->n));
    size_t rn = py_mpz_powmod(d, b->d, b->n, e->d, e->n, m->d, m->n, s);
    py_tmp_free(&ts);
    return res_finish(&r, rn, false);
}

// The inverse of a modulo m > 0 (extended Euclid), ValueError if gcd(a, m) != 1.
static py_val mod_inverse(py_val a, py_val m) {
    py_val r0 = m, r1 = py_int_binary_op(PY_OP_MOD, a, m);
    py_val x0 = py_small(0), x1 = py_small(1);
    while (py_int_sign(r1) != 0) {
        py_ival A, B;
        py_val q, r;
        py_ival_get(&A, r0);
        py_ival_get(&B, r1);
        py_ival_divmod(&A, &B, &q, &r);
        r0 = r1;
        r1 = r;
        py_val x2 = py_int_binary_op(PY_OP_SUB, x0, py_int_binary_op(PY_OP_MUL, q, x1));
        x0 = x1;
        x1 = x2;
    }
    if (r0 != py_small(1)) {
        py_raise_msg(&py_type_ValueError, "base is not invertible for the given modulus");
    }
    return py_int_binary_op(PY_OP_MOD, x0, m);
}

py_val py_number_pow3(py_val base, py_val exp, py_val mod) {
    if (mod == PY_NULL || mod == PY_NONE) {
        return py_binary_op(PY_OP_POW, base, exp);
    }
    py_val b = py_int_unwrap(base), e = py_int_unwrap(exp), m = py_int_unwrap(mod);
    if (b == PY_NULL || e == PY_NULL || m == PY_NULL) {
        py_raise_msg(&py_type_TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    }
    int msign = py_int_sign(m);
    if (msign == 0) {
        py_raise_msg(&py_type_ValueError, "pow() 3rd argument cannot be 0");
    }
    py_val am = msign < 0 ? py_int_unary_op(PY_UOP_NEG, m) : m;
    if (py_int_sign(e) < 0) {
        b = mod_inverse(b, am);
        e = py_int_unary_op(PY_UOP_NEG, e);
    }
    py_val r;
    if (am == py_small(1)) {
        r = py_small(0);
    } else {
        b = py_int_binary_op(PY_OP_MOD, b, am);
        py_ival B, E, M;
        py_ival_get(&B, b);
        py_ival_get(&E, e);
        py_ival_get(&M, am);
        r = powmod_pos(&B, &E, &M);
    }
    if (msign < 0 && py_int_sign(r) != 0) {
        r = py_int_binary_op(PY_OP_ADD, r, m);
    }
    return r;
}

// round(x, ndigits) for an int: to a multiple of 10**-ndigits, ties to even.
static py_val int_round(py_val x, py_int_t nd) {
    if (nd >= 0) {
        return x;
    }
    py_ival a;
    py_ival_get(&a, x);
    // 10**k > 2 |x| certainly when k exceeds the decimal digits of x by one: the result is 0
    size_t bits = py_mpz_bit_length(a.d, a.n);
    if ((uint64_t)(-(nd + 1)) + 1 > (uint64_t)bits * 30103 / 100000 + 2) {
        return py_small(0);
    }
    py_ival ten, k;
    py_ival_small(&ten, 10);
    py_ival_small(&k, -nd);
    py_val p = ival_pow(&ten, &k);
    py_ival P;
    py_ival_get(&P, p);
    py_val q, r;
    py_ival_divmod(&a, &P, &q, &r); // 0 <= r < p
    // compare 2r with p; ties go to the even quotient
    py_val r2 = py_int_binary_op(PY_OP_ADD, r, r);
    py_ival R2;
    py_ival_get(&R2, r2);
    int c = py_ival_cmp(&R2, &P);
    if (c > 0 || (c == 0 && (py_int_binary_op(PY_OP_AND, q, py_small(1)) == py_small(1)))) {
        q = py_int_binary_op(PY_OP_ADD, q, py_small(1));
    }
    return py_int_binary_op(PY_OP_MUL, q, p);
}

py_val py_number_round(py_val x, py_val ndigits) {
    bool absent = ndigits == PY_NULL || ndigits == PY_NONE;
    py_val i = py_int_unwrap(x);
    if (i != PY_NULL) {
        if (absent) {
            return i;
        }
        py_val nd = py_int_unwrap(ndigits);
        if (nd != PY_NULL && !py_is_small(nd)) {
            // |ndigits| beyond the small range: x itself, or 0
            return py_int_sign(nd) > 0 ? i : py_small(0);
        }
        return int_round(i, py_get_int(ndigits));
    }
    double d;
    if (py_float_unwrap(x, &d)) {
        return py_float_round(d, absent ? PY_NULL : ndigits);
    }
    py_val dest[2];
    if (py_load_method_maybe(x, PY_QSTR___round__, dest)) {
        py_val args[2];
        size_t n = 0;
        if (dest[1] != PY_NULL) {
            args[n++] = dest[1];
        }
        if (!absent) {
            args[n++] = ndigits;
        }
        return py_call(dest[0], n, 0, args);
    }
    py_raise_fmt(&py_type_TypeError, "type %T doesn't define __round__ method", x);
}

// ---- parsing ----------------------------------------------------------------------------------

// Byte length of the Unicode whitespace character (other than ASCII) UTF-8-encoded at s, or 0.
static size_t uspace_len(const unsigned char *s, size_t n) {
    if (n >= 2 && s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0)) {
        return 2;
    }
    if (n >= 3) {
        unsigned c = (unsigned)s[0] << 16 | (unsigned)s[1] << 8 | s[2];
        if (c == 0xe19a80 || (c >= 0xe28080 && c <= 0xe2808a) || c == 0xe280a8 || c == 0xe280a9 ||
            c == 0xe280af || c == 0xe2819f || c == 0xe38080) {
            return 3;
        }
    }
    return 0;
}

static bool ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

void py_int_strip_space(const char **sp, size_t *lenp, bool unicode) {
    const unsigned char *s = (const unsigned char *)*sp, *e = s + *lenp;
    for (;;) {
        size_t k;
        if (s < e && ascii_space((char)*s)) {
            s++;
        } else if (unicode && s < e && *s >= 0x80 && (k = uspace_len(s, (size_t)(e - s)))) {
            s += k;
        } else {
            break;
        }
    }
    for (;;) {
        if (e > s && ascii_space((char)e[-1])) {
            e--;
        } else if (unicode && e - s >= 2 && e[-1] >= 0x80 && uspace_len(e - 2, 2) == 2) {
            e -= 2;
        } else if (unicode && e - s >= 3 && e[-1] >= 0x80 && uspace_len(e - 3, 3) == 3) {
            e -= 3;
        } else {
            break;
        }
    }
    *sp = (const char *)s;
    *lenp = (size_t)(e - s);
}

// The value of s[0..len) as int() reads it, or PY_NULL if it is not a valid literal.
static py_val parse_int(const char *s, size_t len, int base, bool unicode) {
    py_int_strip_space(&s, &len, unicode);
    const char *e = s + len;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    bool prefix = false;
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefix = true;
        }
    }
    bool base0 = base == 0;
    if (base0) {
        base = 10;
    }
    if (prefix && s < e && *s == '_') {
        s++; // "0x_ff": one underscore may follow the prefix
    }
    if (s == e) {
        return PY_NULL;
    }
    size_t n_us = 0;
    bool nonzero = false;
    uint64_t acc = 0;
    bool acc_ok = true;
    for (const char *q = s; q < e; q++) {
        if (*q == '_') {
            if (q == s || q[-1] == '_' || q + 1 == e) {
                return PY_NULL;
            }
            n_us++;
            continue;
        }
        unsigned dv = py_mpz_digit_value(*q);
        if (dv >= (unsigned)base) {
            return PY_NULL;
        }
        nonzero |= dv != 0;
        acc_ok = acc_ok && !__builtin_mul_overflow(acc, (uint64_t)base, &acc) &&
                 !__builtin_add_overflow(acc, (uint64_t)dv, &acc);
    }
    if (base0 && nonzero && *s == '0') {
        return PY_NULL; // "010": leading zeros are not allowed without a prefix
    }
    if (acc_ok) {
        if (acc <= (uint64_t)PY_SMALL_MAX) {
            return py_small(neg ? -(py_int_t)acc : (py_int_t)acc);
        }
        py_mpz_dig d[2] = {(py_mpz_dig)acc, (py_mpz_dig)(acc >> 32)};
        return py_int_from_digits(neg, d, 2);
    }
    size_t n = (size_t)(e - s) - n_us;
    char *chars = (char *)s;
    if (n_us) {
        chars = py_gc_alloc(n, PY_GC_LEAF);
        size_t j = 0;
        for (const char *q = s; q < e; q++) {
            if (*q != '_') {
                chars[j++] = *q;
            }
        }
    }
    py_bigint *r = bigint_new(py_mpz_from_str_bound(n, base));
    py_tmp ts;
    py_mpz_dig *sc = py_tmp_get(&ts, py_mpz_from_str_scratch(n, base));
    size_t rn = py_mpz_from_str(r->d, chars, n, base, sc);
    py_tmp_free(&ts);
    if (n_us) {
        py_gc_free(chars);
    }
    return bigint_finish(r, rn, neg);
}

py_val py_int_parse(const char *s, size_t len, int base) {
    py_val r = parse_int(s, len, base, true);
    if (r == PY_NULL) {
        py_raise_fmt(&py_type_ValueError, "invalid literal for int() with base %d: %r", base,
                     py_str_new(s, len));
    }
    return r;
}

// int(x, base) for x a str, bytes or bytearray (or another bytes-like when `any_buffer`);
// PY_NULL if x is none of these.
static py_val int_from_text(py_val x, int base, bool any_buffer) {
    const char *s;
    size_t len;
    bool unicode = py_is_str(x);
    if (unicode) {
        s = py_get_str(x, &len);
    } else {
        const py_type *t = py_typeof(x);
        py_buffer buf;
        if (t == &py_type_bytes) {
            s = ((py_str *)x)->data;
            len = ((py_str *)x)->len;
        } else if (t == &py_type_bytearray) {
            s = (const char *)((py_bytearray *)x)->data;
            len = ((py_bytearray *)x)->len;
        } else if (any_buffer && py_get_buffer_maybe(x, &buf, PY_BUFFER_READ)) {
            s = buf.buf;
            len = buf.len;
        } else {
            return PY_NULL;
        }
    }
    py_val r = parse_int(s, len, base, unicode);
    if (r == PY_NULL) {
        // bytes-like arguments are shown as bytes, whatever their type
        py_raise_fmt(&py_type_ValueError, "invalid literal for int() with base %d: %r", base,
                     unicode ? x : py_bytes_new(s, len));
    }
    return r;
}

// int(x): the conversions CPython's PyNumber_Long tries, in its order.
static py_val int_from_obj(py_val x) {
    const py_type *t = py_typeof(x);
    if (t == &py_type_int) {
        return x;
    }
    if (t == &py_type_bool) {
        return py_small(((const py_bool_obj *)x)->value);
    }
    if (t == &py_type_float) {
        return py_int_from_double(((py_float *)x)->value);
    }
    if (t->unary_op && t != &py_type_str) {
        // __int__, then __index__ (heap types' slots look the methods up)
        py_val r = t->unary_op(PY_UOP_INT, x);
        if (r == PY_NULL) {
            r = t->unary_op(PY_UOP_INDEX, x);
        }
        if (r != PY_NULL) {
            py_val i = py_int_unwrap(r);
            if (i == PY_NULL) {
                py_raise_fmt(&py_type_TypeError, "__int__ returned non-int (type %T)", r);
            }
            return i;
        }
    }
    py_val dest[2];
    if ((t->flags & PY_TF_HEAP) && py_load_method_maybe(x, PY_QSTR___trunc__, dest)) {
        py_val r = dest[1] ? py_call1(dest[0], dest[1]) : py_call0(dest[0]);
        py_val i = py_int_unwrap(r);
        if (i == PY_NULL) {
            const py_type *rt = py_typeof(r);
            i = rt->unary_op ? rt->unary_op(PY_UOP_INDEX, r) : PY_NULL;
            if (i == PY_NULL) {
                py_raise_fmt(&py_type_TypeError, "__trunc__ returned non-Integral (type %T)", r);
            }
        }
        return i;
    }
    py_val r = int_from_text(x, 10, true);
    if (r != PY_NULL) {
        return r;
    }
    py_raise_fmt(&py_type_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%T'",
                 x);
}

static py_val int_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    if (n_args > 2) {
        py_raise_fmt(&py_type_TypeError, "int() takes at most 2 arguments (%d given)",
                     (int)(n_args + n_kw));
    }
    py_val x = n_args > 0 ? args[0] : PY_NULL, base = n_args > 1 ? args[1] : PY_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        py_val key = args[n_args + 2 * i];
        if (key != py_qstr_val(PY_QSTR_base)) {
            py_raise_fmt(&py_type_TypeError, "'%S' is an invalid keyword argument for int()", key);
        }
        if (base != PY_NULL) {
            py_raise_msg(&py_type_TypeError,
                         "argument for int() given by name ('base') and position (2)");
        }
        base = args[n_args + 2 * i + 1];
    }
    if (x == PY_NULL) {
        if (base != PY_NULL) {
            py_raise_msg(&py_type_TypeError, "int() missing string argument");
        }
        return py_small(0);
    }
    if (base == PY_NULL) {
        if (py_is_qstr(x) || (py_is_obj(x) && x->type == &py_type_str)) {
            // int(s) for a few plain decimal digits (sum(map(int, "2024"))): no space, sign,
            // underscore or prefix to look for, and the value is a small int (9 digits fit
            // the small range of 32-bit targets too). Exact strs only: a subclass may have
            // __int__.
            size_t len;
            const char *s = py_get_str(x, &len);
            if (len - 1 < 9) {
                py_int_t v = 0;
                size_t i = 0;
                while (i < len && (unsigned char)(s[i] - '0') < 10) {
                    v = v * 10 + (s[i++] - '0');
                }
                if (i == len) {
                    return py_small(v);
                }
            }
        }
        return int_from_obj(x);
    }
    py_int_t b = py_get_int(base);
    if (b != 0 && (b < 2 || b > 36)) {
        py_raise_msg(&py_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    py_val r = int_from_text(x, (int)b, false);
    if (r == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "int() can't convert non-string with explicit base");
    }
    return r;
}

// int.__new__(cls, x=0, base=10): for subclasses, an instance holding the int.
static py_val int_new(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 0 || !py_is_type(args[0])) {
        py_raise_msg(&py_type_TypeError, "int.__new__(X): X is not a type object");
    }
    const py_type *cls = (const py_type *)args[0];
    py_val v = int_make_new(&py_type_int, n_args - 1, n_kw, args + 1);
    if (cls == &py_type_int) {
        return v;
    }
    if (!py_issubclass(cls, &py_type_int) || !(cls->flags & PY_TF_HEAP)) {
        py_raise_fmt(&py_type_TypeError, "int.__new__(%q): %q is not a subtype of int",
                     py_type_qname(cls), py_type_qname(cls));
    }
    py_val obj = py_object_new(cls);
    ((py_instance *)obj)->native = v;
    return obj;
}
static PY_FN_OBJ_KW(int_new_fun, __new__, int_new);
static const py_wrapper int_new_obj = {{&py_type_staticmethod}, (py_val)&int_new_fun};

// ---- printing and formatting -----------------------------------------------------------------

// Writes the digits of m in base backwards ending at end; returns how many.
static size_t u64_to_str(char *end, uint64_t m, int base, bool upper) {
    const char *dig =
        upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    do {
        *--p = dig[m % (unsigned)base];
        m /= (unsigned)base;
    } while (m);
    return (size_t)(end - p);
}

// Calls out(ctx, digits, n) with the magnitude of a in base; the digits live in a temporary.
static void with_digits(const py_ival *a, int base, bool upper,
                        void (*out)(void *ctx, const char *s, size_t n), void *ctx) {
    if (a->n <= 2) {
        char buf[66];
        uint64_t m = a->n ? a->d[0] : 0;
        if (a->n > 1) {
            m |= (uint64_t)a->d[1] << 32;
        }
        size_t n = u64_to_str(buf + sizeof buf, m, base, upper);
        out(ctx, buf + sizeof buf - n, n);
        return;
    }
    size_t cap = py_mpz_str_len_bound(a->n, base);
    char *s = py_gc_alloc(cap, PY_GC_LEAF);
    py_tmp ts;
    py_mpz_dig *sc = py_tmp_get(&ts, py_mpz_to_str_scratch(a->n, base));
    size_t n = py_mpz_to_str(s, a->d, a->n, base, upper, sc);
    py_tmp_free(&ts);
    out(ctx, s, n);
    py_gc_free(s);
}

static void print_digits(void *ctx, const char *s, size_t n) {
    py_print_strn((const py_print *)ctx, s, n);
}

void py_int_print_base(const py_print *p, py_val v, int base, bool upper) {
    if (py_is_small(v) && base == 10) {
        char buf[24];
        py_int_t i = py_small_get(v);
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
        size_t n = u64_to_str(buf + sizeof buf, m, 10, false);
        if (i < 0) {
            buf[sizeof buf - ++n] = '-';
        }
        py_print_strn(p, buf + sizeof buf - n, n);
        return;
    }
    py_ival a;
    if (!py_ival_get(&a, v)) {
        return;
    }
    if (a.neg) {
        py_print_char(p, '-');
    }
    with_digits(&a, base, upper, print_digits, (void *)p);
}

py_val py_int_small_to_str(py_int_t i) {
    // digits backwards into a buffer, then one allocation of the exact length; the constant
    // divisor lets the compiler turn / 10 into a multiply
    char buf[24];
    char *e = buf + sizeof buf, *d = e;
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
    do {
        *--d = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (i < 0) {
        *--d = '-';
    }
    size_t n = (size_t)(e - d);
    if (n == 1) {
        return py_str_ascii_char((uint8_t)*d); // '0'..'9': shared, as in CPython
    }
    char *o;
    py_val r = py_str_new_uninit(n, &o);
    memcpy(o, d, n);
    o[n] = 0;
    ((py_str *)r)->charlen = (uint32_t)n;
    return r;
}

py_val py_int_small_format(py_int_t i, const char *spec, size_t spec_len) {
    // only [0][width][d] with a width below 100: right-aligned with spaces, or with zeros
    // after the sign; anything else (fill, align, sign, grouping, other types) says no
    const char *s = spec, *e = spec + spec_len;
    bool zero = s < e && *s == '0';
    s += zero;
    size_t width = 0;
    for (int k = 0; s < e && *s >= '0' && *s <= '9'; k++, s++) {
        if (k == 2) {
            return PY_NULL;
        }
        width = width * 10 + (size_t)(*s - '0');
    }
    if (s < e && *s == 'd') {
        s++;
    }
    if (s != e) {
        return PY_NULL;
    }
    char buf[24];
    char *de = buf + sizeof buf, *d = de;
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
    do {
        *--d = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    size_t nd = (size_t)(de - d), n = nd + (i < 0);
    size_t pad = width > n ? width - n : 0;
    char *o;
    py_val r = py_str_new_uninit(n + pad, &o);
    char *w = o;
    if (!zero) {
        memset(w, ' ', pad);
        w += pad;
    }
    if (i < 0) {
        *w++ = '-';
    }
    if (zero) {
        memset(w, '0', pad);
        w += pad;
    }
    memcpy(w, d, nd);
    o[n + pad] = 0;
    ((py_str *)r)->charlen = (uint32_t)(n + pad);
    return r;
}

static void int_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_int_print_base(p, self, 10, false);
}

// Raises the ValueError of a format-spec error returned by py/format.c.
static _Noreturn void format_error(const char *err, const char *spec, size_t len,
                                   const char *type_name) {
    py_vstr v;
    py_print vp;
    py_vstr_init(&v, 64);
    py_vstr_printer(&v, &vp);
    py_format_errmsg(&vp, err, spec, len, type_name);
    py_raise(py_exc_new(&py_type_ValueError, 1, (py_val[]){py_vstr_to_str(&v)}));
}

typedef struct fmt_ctx {
    const py_print *p;
    bool neg;
    int base;
    const py_fmt_spec *spec;
    const char *err;
} fmt_ctx;

static void format_digits(void *ctx, const char *s, size_t n) {
    fmt_ctx *c = ctx;
    c->err = py_format_int(c->p, c->neg, s, n, c->base, c->spec);
}

void py_int_format(const py_print *p, py_val v, const char *spec, size_t spec_len) {
    py_fmt_spec fs;
    const char *err = py_format_parse(spec, spec_len, &fs);
    py_ival a;
    if (!py_ival_get(&a, v)) {
        return;
    }
    if (err == NULL) {
        switch (fs.type) {
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%': err = py_format_float(p, py_ival_to_double(&a), &fs); break;
        case 'c': {
            if (fs.prec >= 0 || fs.no_neg_zero || fs.sign || fs.alt) {
                err = py_format_int(p, false, "", 0, 10, &fs); // reports the spec's error
                break;
            }
            py_int_t cp;
            if (a.neg || a.n > 1 || (a.n == 1 && a.d[0] >= 0x110000)) {
                py_raise_msg(&py_type_OverflowError, "%c arg not in range(0x110000)");
            }
            cp = a.n ? (py_int_t)a.d[0] : 0;
            char u[4];
            size_t n;
            if (cp < 0x80) {
                u[0] = (char)cp;
                n = 1;
            } else if (cp < 0x800) {
                u[0] = (char)(0xc0 | (cp >> 6));
                u[1] = (char)(0x80 | (cp & 0x3f));
                n = 2;
            } else if (cp < 0x10000) {
                u[0] = (char)(0xe0 | (cp >> 12));
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                u[2] = (char)(0x80 | (cp & 0x3f));
                n = 3;
            } else {
                u[0] = (char)(0xf0 | (cp >> 18));
                u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
                u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
                u[3] = (char)(0x80 | (cp & 0x3f));
                n = 4;
            }
            err = py_format_int(p, false, u, n, 10, &fs);
            break;
        }
        default: {
            int base = fs.type == 'b' ? 2 : fs.type == 'o' ? 8 : (fs.type | 0x20) == 'x' ? 16 : 10;
            fmt_ctx c = {p, a.neg, base, &fs, NULL};
            with_digits(&a, base, false, format_digits, &c);
            err = c.err;
            break;
        }
        }
    }
    if (err != NULL) {
        format_error(err, spec, spec_len, py_type_name(v));
    }
}

// ---- bytes ------------------------------------------------------------------------------------

py_val py_int_from_bytes(const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    if (len == 0) {
        return py_small(0);
    }
    bool neg = is_signed && ((big_endian ? buf[0] : buf[len - 1]) & 0x80);
    resbuf r;
    size_t nd = (len + 3) / 4;
    py_mpz_dig *d = res_get(&r, nd);
    memset(d, 0, nd * sizeof(py_mpz_dig));
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned byte = big_endian ? buf[len - 1 - i] : buf[i];
        if (neg) {
            // the magnitude of a negative value is its two's complement: invert, add one
            byte = (~byte & 0xff) + carry;
            carry = byte >> 8;
            byte &= 0xff;
        }
        d[i / 4] |= (py_mpz_dig)byte << (8 * (i % 4));
    }
    return res_finish(&r, nd, neg);
}

bool py_int_to_bytes(py_val v, uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    py_ival a;
    if (!py_ival_get(&a, v) || (a.neg && !is_signed)) {
        return false;
    }
    size_t bits = py_mpz_bit_length(a.d, a.n);
    if (is_signed) {
        // room for a sign bit: -2^(8 len - 1) <= v < 2^(8 len - 1)
        bool pow2 = a.neg && py_mpz_popcount(a.d, a.n) == 1;
        size_t need = a.n == 0 ? 0 : pow2 ? bits : bits + 1;
        if (need > 8 * len) {
            return false;
        }
    } else if (bits > 8 * len) {
        return false;
    }
    // little-endian two's complement, byte by byte (negation: invert and add one)
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        size_t di = i / 4;
        unsigned byte = di < a.n ? (a.d[di] >> (8 * (i % 4))) & 0xff : 0;
        if (a.neg) {
            byte = (~byte & 0xff) + carry;
            carry = byte >> 8;
            byte &= 0xff;
        }
        buf[big_endian ? len - 1 - i : i] = (uint8_t)byte;
    }
    return true;
}

// 'big' / 'little' → true / false
static bool byteorder_arg(py_val v) {
    if (v == PY_NULL) {
        return true;
    }
    size_t len;
    const char *s = py_get_str(v, &len);
    if (len == 3 && memcmp(s, "big", 3) == 0) {
        return true;
    }
    if (len == 6 && memcmp(s, "little", 6) == 0) {
        return false;
    }
    py_raise_msg(&py_type_ValueError, "byteorder must be either 'little' or 'big'");
}

static py_val int_to_bytes(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_length, 0, py_small_const(1)},
        {PY_QSTR_byteorder, 0, PY_NULL},
        {PY_QSTR_signed, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[3];
    py_arg_parse("to_bytes", n_args, n_kw, args, 1, spec, 3, a);
    py_int_t len = py_get_int(a[0]);
    if (len < 0) {
        py_raise_msg(&py_type_ValueError, "length argument must be non-negative");
    }
    bool big = byteorder_arg(a[1]), is_signed = py_is_true(a[2]);
    py_vstr v;
    py_vstr_init(&v, (size_t)len);
    uint8_t *buf = (uint8_t *)py_vstr_extend(&v, (size_t)len);
    if (!py_int_to_bytes(args[0], buf, (size_t)len, big, is_signed)) {
        if (!is_signed && py_int_sign(args[0]) < 0) {
            py_raise_msg(&py_type_OverflowError, "can't convert negative int to unsigned");
        }
        py_raise_msg(&py_type_OverflowError, "int too big to convert");
    }
    return py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_KW(int_to_bytes_obj, to_bytes, int_to_bytes);

static void collect_byte(void *ctx, py_val item) {
    py_int_t b = py_get_int(item);
    if (b < 0 || b > 255) {
        py_raise_msg(&py_type_ValueError, "bytes must be in range(0, 256)");
    }
    py_vstr_add_char(ctx, (char)b);
}

static py_val int_from_bytes(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_bytes, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_byteorder, 0, PY_NULL},
        {PY_QSTR_signed, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[3];
    py_arg_parse("from_bytes", n_args, n_kw, args, 1, spec, 3, a);
    bool big = byteorder_arg(a[1]), is_signed = py_is_true(a[2]);
    py_buffer buf;
    py_val r;
    if (py_get_buffer_maybe(a[0], &buf, PY_BUFFER_READ)) {
        r = py_int_from_bytes(buf.buf, buf.len, big, is_signed);
    } else {
        py_vstr v;
        py_vstr_init(&v, 16);
        py_iterate(a[0], collect_byte, &v);
        r = py_int_from_bytes((const uint8_t *)py_vstr_data(&v), v.len, big, is_signed);
    }
    py_val cls = args[0];
    if (cls != (py_val)&py_type_int) {
        r = py_call1(cls, r);
    }
    return r;
}
static PY_FN_OBJ_KW(int_from_bytes_fun, from_bytes, int_from_bytes);
static const py_wrapper int_from_bytes_obj = {{&py_type_classmethod}, (py_val)&int_from_bytes_fun};

// ---- methods ------------------------------------------------------------------------------

static py_val int_self(py_val self) {
    py_val i = py_int_unwrap(self);
    if (i == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires a 'int' object but received a '%T'",
                     self);
    }
    return i;
}

static py_val int_bit_length(py_val self) {
    py_ival a;
    py_ival_get(&a, int_self(self));
    return py_int_from((py_int_t)py_mpz_bit_length(a.d, a.n));
}
static PY_FN_OBJ_1(int_bit_length_obj, bit_length, int_bit_length);

static py_val int_bit_count(py_val self) {
    py_ival a;
    py_ival_get(&a, int_self(self));
    return py_int_from((py_int_t)py_mpz_popcount(a.d, a.n));
}
static PY_FN_OBJ_1(int_bit_count_obj, bit_count, int_bit_count);

static PY_FN_OBJ_1(int_conjugate_obj, conjugate, int_self);
static PY_FN_OBJ_1(int_int_obj, __int__, int_self);
static PY_FN_OBJ_1(int_index_obj, __index__, int_self);
static PY_FN_OBJ_1(int_trunc_obj, __trunc__, int_self);
static PY_FN_OBJ_1(int_floor_obj, __floor__, int_self);
static PY_FN_OBJ_1(int_ceil_obj, __ceil__, int_self);
static PY_FN_OBJ_1(int_pos_obj, __pos__, int_self);

static py_val int_as_integer_ratio(py_val self) {
    py_val t[2] = {int_self(self), py_small(1)};
    return py_tuple_new(2, t);
}
static PY_FN_OBJ_1(int_as_integer_ratio_obj, as_integer_ratio, int_as_integer_ratio);

static py_val int_float(py_val self) {
    return float_result(py_int_to_double(int_self(self)));
}
static PY_FN_OBJ_1(int_float_obj, __float__, int_float);

static py_val int_round_m(size_t n_args, const py_val *args) {
    return py_number_round(int_self(args[0]), n_args > 1 ? args[1] : PY_NULL);
}
static PY_FN_OBJ_VAR(int_round_obj, __round__, 1, 2, int_round_m);

static py_val int_format_method(py_val self, py_val spec) {
    size_t len;
    const char *s = py_get_str(spec, &len);
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 16);
    py_vstr_printer(&v, &p);
    if (len == 0) {
        py_print_val(&p, self, PY_PRINT_STR); // format(True, '') is 'True'
    } else {
        py_int_format(&p, self, s, len);
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_2(int_format_obj, __format__, int_format_method);

static py_val int_divmod_method(py_val a, py_val b) {
    py_val r = py_int_divmod(a, b);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_2(int_divmod_obj, __divmod__, int_divmod_method);

static py_val int_rdivmod_method(py_val a, py_val b) {
    py_val r = py_int_divmod(b, a);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_2(int_rdivmod_obj, __rdivmod__, int_rdivmod_method);

static py_val int_pow_method(size_t n_args, const py_val *args) {
    if (n_args == 3 && args[2] != PY_NONE) {
        if (py_int_unwrap(args[1]) == PY_NULL || py_int_unwrap(args[2]) == PY_NULL) {
            return PY_NOTIMPLEMENTED;
        }
        return py_number_pow3(int_self(args[0]), args[1], args[2]);
    }
    py_val r = py_int_binary_op(PY_OP_POW, args[0], args[1]);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_VAR(int_pow_obj, __pow__, 2, 3, int_pow_method);

// The operator methods (int.__add__ and friends), for subclasses and explicit calls.
static py_val binop(int op, py_val a, py_val b) {
    py_val r = py_int_binary_op(op, int_self(a), b);
    return r ? r : PY_NOTIMPLEMENTED;
}
#define INT_BINOP(name, op)                                                                        \
    static py_val int_##name(py_val a, py_val b) {                                                 \
        return binop(op, a, b);                                                                    \
    }                                                                                              \
    static PY_FN_OBJ_2(int_##name##_obj, __##name##__, int_##name)
INT_BINOP(add, PY_OP_ADD);
INT_BINOP(radd, PY_OP_RADD);
INT_BINOP(sub, PY_OP_SUB);
INT_BINOP(rsub, PY_OP_RSUB);
INT_BINOP(mul, PY_OP_MUL);
INT_BINOP(rmul, PY_OP_RMUL);
INT_BINOP(floordiv, PY_OP_FLOORDIV);
INT_BINOP(rfloordiv, PY_OP_RFLOORDIV);
INT_BINOP(truediv, PY_OP_TRUEDIV);
INT_BINOP(rtruediv, PY_OP_RTRUEDIV);
INT_BINOP(mod, PY_OP_MOD);
INT_BINOP(rmod, PY_OP_RMOD);
INT_BINOP(rpow, PY_OP_RPOW);
INT_BINOP(lshift, PY_OP_LSHIFT);
INT_BINOP(rlshift, PY_OP_RLSHIFT);
INT_BINOP(rshift, PY_OP_RSHIFT);
INT_BINOP(rrshift, PY_OP_RRSHIFT);
INT_BINOP(and, PY_OP_AND);
INT_BINOP(rand, PY_OP_RAND);
INT_BINOP(or, PY_OP_OR);
INT_BINOP(ror, PY_OP_ROR);
INT_BINOP(xor, PY_OP_XOR);
INT_BINOP(rxor, PY_OP_RXOR);
INT_BINOP(eq, PY_OP_EQ);
INT_BINOP(ne, PY_OP_NE);
INT_BINOP(lt, PY_OP_LT);
INT_BINOP(le, PY_OP_LE);
INT_BINOP(gt, PY_OP_GT);
INT_BINOP(ge, PY_OP_GE);

static py_val unop(int op, py_val a) {
    return py_int_unary_op(op, int_self(a));
}
#define INT_UNOP(name, op)                                                                         \
    static py_val int_##name(py_val a) {                                                           \
        return unop(op, a);                                                                        \
    }                                                                                              \
    static PY_FN_OBJ_1(int_##name##_obj, __##name##__, int_##name)
INT_UNOP(neg, PY_UOP_NEG);
INT_UNOP(abs, PY_UOP_ABS);
INT_UNOP(invert, PY_UOP_INVERT);
INT_UNOP(bool, PY_UOP_BOOL);
INT_UNOP(hash, PY_UOP_HASH);

static void int_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_NULL) {
        return; // store/delete: ints have no settable attributes
    }
    if (attr == PY_QSTR_real || attr == PY_QSTR_numerator) {
        dest[0] = int_self(self);
    } else if (attr == PY_QSTR_imag) {
        dest[0] = py_small(0);
    } else if (attr == PY_QSTR_denominator) {
        dest[0] = py_small(1);
    }
}

static const py_dict_entry int_locals_table[] = {
    PY_ROM_ENTRY(as_integer_ratio, &int_as_integer_ratio_obj),
    PY_ROM_ENTRY(bit_count, &int_bit_count_obj),
    PY_ROM_ENTRY(bit_length, &int_bit_length_obj),
    PY_ROM_ENTRY(conjugate, &int_conjugate_obj),
    PY_ROM_ENTRY(from_bytes, &int_from_bytes_obj),
    PY_ROM_ENTRY(to_bytes, &int_to_bytes_obj),
    PY_ROM_ENTRY(__abs__, &int_abs_obj),
    PY_ROM_ENTRY(__add__, &int_add_obj),
    PY_ROM_ENTRY(__and__, &int_and_obj),
    PY_ROM_ENTRY(__bool__, &int_bool_obj),
    PY_ROM_ENTRY(__ceil__, &int_ceil_obj),
    PY_ROM_ENTRY(__divmod__, &int_divmod_obj),
    PY_ROM_ENTRY(__eq__, &int_eq_obj),
    PY_ROM_ENTRY(__float__, &int_float_obj),
    PY_ROM_ENTRY(__floor__, &int_floor_obj),
    PY_ROM_ENTRY(__floordiv__, &int_floordiv_obj),
    PY_ROM_ENTRY(__format__, &int_format_obj),
    PY_ROM_ENTRY(__ge__, &int_ge_obj),
    PY_ROM_ENTRY(__gt__, &int_gt_obj),
    PY_ROM_ENTRY(__hash__, &int_hash_obj),
    PY_ROM_ENTRY(__index__, &int_index_obj),
    PY_ROM_ENTRY(__int__, &int_int_obj),
    PY_ROM_ENTRY(__invert__, &int_invert_obj),
    PY_ROM_ENTRY(__le__, &int_le_obj),
    PY_ROM_ENTRY(__lshift__, &int_lshift_obj),
    PY_ROM_ENTRY(__lt__, &int_lt_obj),
    PY_ROM_ENTRY(__mod__, &int_mod_obj),
    PY_ROM_ENTRY(__mul__, &int_mul_obj),
    PY_ROM_ENTRY(__ne__, &int_ne_obj),
    PY_ROM_ENTRY(__neg__, &int_neg_obj),
    PY_ROM_ENTRY(__new__, &int_new_obj),
    PY_ROM_ENTRY(__or__, &int_or_obj),
    PY_ROM_ENTRY(__pos__, &int_pos_obj),
    PY_ROM_ENTRY(__pow__, &int_pow_obj),
    PY_ROM_ENTRY(__radd__, &int_radd_obj),
    PY_ROM_ENTRY(__rand__, &int_rand_obj),
    PY_ROM_ENTRY(__rdivmod__, &int_rdivmod_obj),
    PY_ROM_ENTRY(__rfloordiv__, &int_rfloordiv_obj),
    PY_ROM_ENTRY(__rlshift__, &int_rlshift_obj),
    PY_ROM_ENTRY(__rmod__, &int_rmod_obj),
    PY_ROM_ENTRY(__rmul__, &int_rmul_obj),
    PY_ROM_ENTRY(__ror__, &int_ror_obj),
    PY_ROM_ENTRY(__round__, &int_round_obj),
    PY_ROM_ENTRY(__rpow__, &int_rpow_obj),
    PY_ROM_ENTRY(__rrshift__, &int_rrshift_obj),
    PY_ROM_ENTRY(__rshift__, &int_rshift_obj),
    PY_ROM_ENTRY(__rsub__, &int_rsub_obj),
    PY_ROM_ENTRY(__rtruediv__, &int_rtruediv_obj),
    PY_ROM_ENTRY(__rxor__, &int_rxor_obj),
    PY_ROM_ENTRY(__sub__, &int_sub_obj),
    PY_ROM_ENTRY(__truediv__, &int_truediv_obj),
    PY_ROM_ENTRY(__trunc__, &int_trunc_obj),
    PY_ROM_ENTRY(__xor__, &int_xor_obj),
};
static PY_ROM_DICT(int_locals, int_locals_table);

const py_type py_type_int = {
    .base = {&py_type_type},
    .name = PY_QSTR_int,
    .flags = PY_TF_BASETYPE,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = py_int_unary_op,
    .binary_op = py_int_binary_op,
    .attr = int_attr,
    .locals = (py_dict *)&int_locals,
    .base_type = &py_type_object,
};

// ---- bool -------------------------------------------------------------------------------------

const py_bool_obj py_const_false = {{&py_type_bool}, false};
const py_bool_obj py_const_true = {{&py_type_bool}, true};

static void bool_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_print_str(p, self == PY_TRUE ? "True" : "False");
}

static py_val bool_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    if (n_kw) {
        py_raise_msg(&py_type_TypeError, "bool() takes no keyword arguments");
    }
    if (n_args > 1) {
        py_raise_fmt(&py_type_TypeError, "bool expected at most 1 argument, got %d", (int)n_args);
    }
    return py_bool(n_args == 1 && py_is_true(args[0]));
}

static py_val bool_unary_op(int op, py_val self) {
    if (op == PY_UOP_BOOL) {
        return self;
    }
    return py_int_unary_op(op, py_small(self == PY_TRUE));
}

static py_val bool_binary_op(int op, py_val lhs, py_val rhs) {
    int plain = py_op_plain(op);
    if ((plain == PY_OP_AND || plain == PY_OP_OR || plain == PY_OP_XOR) &&
        py_typeof(rhs) == &py_type_bool) {
        bool a = lhs == PY_TRUE, b = rhs == PY_TRUE;
        return py_bool(plain == PY_OP_AND ? (a & b) : plain == PY_OP_OR ? (a | b) : (a ^ b));
    }
    return py_int_binary_op(op, py_small(lhs == PY_TRUE), rhs);
}

const py_type py_type_bool = {
    .base = {&py_type_type},
    .name = PY_QSTR_bool,
    .flags = 0,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = bool_binary_op,
    .attr = int_attr,
    .locals = NULL,
    .base_type = &py_type_int,
};
