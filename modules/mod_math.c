// modules/mod_math.c: the math module, CPython 3.11's functions and exceptions on the C
// library's libm. A float function fails as CPython's do: a NaN out of a non-NaN argument is
// ValueError "math domain error"; an infinity out of finite arguments is OverflowError "math
// range error" for functions that can overflow (exp, cosh, pow, ...) and a domain error for
// the others (log(0), atanh(1)). Integer functions (factorial, gcd, lcm, isqrt, comb, perm)
// take ints of any size; log, log2 and log10 accept ints too large for a float.
// Differences: gamma and lgamma come from libm (CPython has its own Lanczos approximation),
// so they can differ from CPython's in the last digits; hypot and dist round correctly in
// nearly all cases, as CPython's do.
#include <float.h>
#include <limits.h>
#include <math.h>

#include "modules/modules.h"
#include "py/gc.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/runtime.h"

static _Noreturn void domain_error(void) {
    py_raise_msg(&py_type_ValueError, "math domain error");
}
static _Noreturn void range_error(void) {
    py_raise_msg(&py_type_OverflowError, "math range error");
}

// The result r of a function of finite-or-not x, checked as CPython checks it.
static py_val checked(double r, double x, bool can_overflow) {
    if (isnan(r) && !isnan(x)) {
        domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            range_error();
        }
        domain_error();
    }
    return py_float_new(r);
}

// A small int's value (false for big ints, whose magnitude is beyond every fast path here).
static bool small_get(py_val v, py_int_t *out) {
    if (!py_is_small(v)) {
        return false;
    }
    *out = py_small_get(v);
    return true;
}

static py_val math_1(py_val arg, double (*f)(double), bool can_overflow) {
    double x = py_get_float(arg);
    return checked(f(x), x, can_overflow);
}

// One-argument float functions: `name` calls libm's `cfn`.
#define MATH_FUN_1(name, cfn, can_overflow)                                                        \
    static py_val math_##name(py_val x) {                                                          \
        return math_1(x, cfn, can_overflow);                                                       \
    }                                                                                              \
    static PY_FN_OBJ_1(math_##name##_obj, name, math_##name)

MATH_FUN_1(sqrt, sqrt, false);
MATH_FUN_1(exp, exp, true);
MATH_FUN_1(exp2, exp2, true);
MATH_FUN_1(expm1, expm1, true);
MATH_FUN_1(log1p, log1p, false);
MATH_FUN_1(cbrt, cbrt, false);
MATH_FUN_1(sin, sin, false);
MATH_FUN_1(cos, cos, false);
MATH_FUN_1(tan, tan, false);
MATH_FUN_1(asin, asin, false);
MATH_FUN_1(acos, acos, false);
MATH_FUN_1(atan, atan, false);
MATH_FUN_1(sinh, sinh, true);
MATH_FUN_1(cosh, cosh, true);
MATH_FUN_1(tanh, tanh, false);
MATH_FUN_1(asinh, asinh, false);
MATH_FUN_1(acosh, acosh, false);
MATH_FUN_1(atanh, atanh, false);
MATH_FUN_1(fabs, fabs, false);
MATH_FUN_1(erf, erf, false);
MATH_FUN_1(erfc, erfc, false);

// gamma and lgamma have poles at 0 and the negative integers: domain errors there.
static bool is_pole(double x) {
    return x <= 0 && x == floor(x);
}

static py_val math_gamma(py_val arg) {
    double x = py_get_float(arg);
    if (is_pole(x) || x == -INFINITY) {
        domain_error();
    }
    if (x == floor(x) && x <= 23) {
        // (x-1)! exactly: its odd part fits in 53 bits up to 22!, unlike some libms' results
        double r = 1;
        for (int i = 2; i < (int)x; i++) {
            r *= i;
        }
        return py_float_new(r);
    }
    return checked(tgamma(x), x, true);
}
static PY_FN_OBJ_1(math_gamma_obj, gamma, math_gamma);

static py_val math_lgamma(py_val arg) {
    double x = py_get_float(arg);
    if (is_pole(x) && !isinf(x)) {
        domain_error();
    }
    // lgamma_r, not lgamma: lgamma stores the sign in the C library's global state, and
    // newlib's libm puts it 160 bytes into a struct _reent that newlib-nano's is shorter
    // than, so on the board it overwrote whatever follows (the GC's state). Reentrant too.
    int sign;
    return checked(lgamma_r(x, &sign), x, true);
}
static PY_FN_OBJ_1(math_lgamma_obj, lgamma, math_lgamma);

static py_val math_degrees(py_val x) {
    return py_float_new(py_get_float(x) * (180.0 / M_PI));
}
static PY_FN_OBJ_1(math_degrees_obj, degrees, math_degrees);
static py_val math_radians(py_val x) {
    return py_float_new(py_get_float(x) * (M_PI / 180.0));
}
static PY_FN_OBJ_1(math_radians_obj, radians, math_radians);

static py_val math_isfinite(py_val x) {
    return py_bool(isfinite(py_get_float(x)));
}
static PY_FN_OBJ_1(math_isfinite_obj, isfinite, math_isfinite);
static py_val math_isinf(py_val x) {
    return py_bool(isinf(py_get_float(x)));
}
static PY_FN_OBJ_1(math_isinf_obj, isinf, math_isinf);
static py_val math_isnan(py_val x) {
    return py_bool(isnan(py_get_float(x)));
}
static PY_FN_OBJ_1(math_isnan_obj, isnan, math_isnan);

// ---- two-argument float functions -------------------------------------------------------
static py_val math_copysign(py_val x, py_val y) {
    return py_float_new(copysign(py_get_float(x), py_get_float(y)));
}
static PY_FN_OBJ_2(math_copysign_obj, copysign, math_copysign);

static py_val math_atan2(py_val y, py_val x) {
    return py_float_new(atan2(py_get_float(y), py_get_float(x)));
}
static PY_FN_OBJ_2(math_atan2_obj, atan2, math_atan2);

static py_val math_fmod(py_val xv, py_val yv) {
    double x = py_get_float(xv), y = py_get_float(yv);
    if (isinf(y) && isfinite(x)) {
        return py_float_new(x); // C99 says so too; some libms disagree
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        domain_error();
    }
    return py_float_new(r);
}
static PY_FN_OBJ_2(math_fmod_obj, fmod, math_fmod);

static py_val math_remainder(py_val xv, py_val yv) {
    double x = py_get_float(xv), y = py_get_float(yv);
    if (isnan(x) || isnan(y)) {
        return py_float_new(NAN);
    }
    if (isinf(x) || y == 0) {
        domain_error();
    }
    if (isinf(y)) {
        return py_float_new(x);
    }
    return py_float_new(remainder(x, y));
}
static PY_FN_OBJ_2(math_remainder_obj, remainder, math_remainder);

static py_val math_pow(py_val xv, py_val yv) {
    double x = py_get_float(xv), y = py_get_float(yv);
    if (isfinite(x) && isfinite(y)) {
        if (x == 0 && y < 0) {
            domain_error();
        }
        if (x < 0 && y != floor(y)) {
            domain_error();
        }
    }
    double r = pow(x, y);
    if (isfinite(x) && isfinite(y) && isinf(r)) {
        range_error();
    }
    return py_float_new(r);
}
static PY_FN_OBJ_2(math_pow_obj, pow, math_pow);

static py_val math_nextafter(py_val x, py_val y) {
    return py_float_new(nextafter(py_get_float(x), py_get_float(y)));
}
static PY_FN_OBJ_2(math_nextafter_obj, nextafter, math_nextafter);

static py_val math_ulp(py_val xv) {
    double x = fabs(py_get_float(xv));
    if (!isfinite(x)) {
        return py_float_new(x);
    }
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        return py_float_new(x - nextafter(x, -INFINITY));
    }
    return py_float_new(up - x);
}
static PY_FN_OBJ_1(math_ulp_obj, ulp, math_ulp);

static py_val math_ldexp(py_val xv, py_val iv) {
    double x = py_get_float(xv);
    py_val i = py_int_unwrap(iv);
    if (i == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "Expected an int as second argument to ldexp.");
    }
    if (x == 0 || !isfinite(x)) {
        return py_float_new(x);
    }
    py_int_t e;
    if (!small_get(i, &e) || e > 100000 || e < -100000) {
        // far beyond the exponent range: overflow, or underflow to a signed zero
        if (py_int_sign(i) > 0) {
            range_error();
        }
        return py_float_new(copysign(0.0, x));
    }
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        range_error();
    }
    return py_float_new(r);
}
static PY_FN_OBJ_2(math_ldexp_obj, ldexp, math_ldexp);

static py_val math_frexp(py_val xv) {
    double x = py_get_float(xv);
    int e = 0;
    double m = x;
    if (x != 0 && isfinite(x)) {
        m = frexp(x, &e);
    }
    py_val items[2] = {py_float_new(m), py_small(e)};
    return py_tuple_new(2, items);
}
static PY_FN_OBJ_1(math_frexp_obj, frexp, math_frexp);

static py_val math_modf(py_val xv) {
    double x = py_get_float(xv), ip;
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) {
        ip = x;
    }
    py_val items[2] = {py_float_new(frac), py_float_new(ip)};
    return py_tuple_new(2, items);
}
static PY_FN_OBJ_1(math_modf_obj, modf, math_modf);

static py_val math_isclose(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_b, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_rel_tol, PY_ARG_KW_ONLY, PY_NULL},
        {PY_QSTR_abs_tol, PY_ARG_KW_ONLY, PY_NULL},
    };
    py_val v[4];
    py_arg_parse("isclose", n_args, n_kw, args, 0, spec, 4, v);
    double a = py_get_float(v[0]), b = py_get_float(v[1]);
    double rel = v[2] ? py_get_float(v[2]) : 1e-9, abs_tol = v[3] ? py_get_float(v[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) {
        py_raise_msg(&py_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return PY_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return PY_FALSE;
    }
    double diff = fabs(b - a);
    return py_bool(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol);
}
static PY_FN_OBJ_KW(math_isclose_obj, isclose, math_isclose);

// ---- rounding to ints ------------------------------------------------------------------------
// ceil/floor/trunc: ints unchanged, floats directly, other objects by their special method
// (ceil and floor then fall back to float(x)).
static py_val to_integral(py_val x, qstr special, double (*f)(double), bool float_fallback) {
    py_val i = py_int_unwrap(x);
    if (i != PY_NULL && (py_is_small(x) || !(py_typeof(x)->flags & PY_TF_HEAP))) {
        return i;
    }
    if (py_is_obj(x) && x->type == &py_type_float) {
        return py_int_from_double(f(((py_float *)x)->value));
    }
    py_val m = py_type_lookup(py_typeof(x), special);
    if (m != PY_NULL) {
        return py_call1(m, x);
    }
    if (i != PY_NULL) {
        return i;
    }
    if (!float_fallback) {
        py_raise_fmt(&py_type_TypeError, "type %T doesn't define %q method", x, special);
    }
    return py_int_from_double(f(py_get_float(x)));
}

static py_val math_ceil(py_val x) {
    return to_integral(x, PY_QSTR___ceil__, ceil, true);
}
static PY_FN_OBJ_1(math_ceil_obj, ceil, math_ceil);
static py_val math_floor(py_val x) {
    return to_integral(x, PY_QSTR___floor__, floor, true);
}
static PY_FN_OBJ_1(math_floor_obj, floor, math_floor);
static py_val math_trunc(py_val x) {
    return to_integral(x, PY_QSTR___trunc__, trunc, false);
}
static PY_FN_OBJ_1(math_trunc_obj, trunc, math_trunc);

// ---- logarithms (ints of any size) --------------------------------------------------------
// A positive int too large for a double as m * 2**e, m in [0.5, 1) rounded to 53 bits (half
// to even), as CPython's int frexp: the low bits beyond 55 only matter as a sticky bit.
static double int_frexp(py_val x, long *e) {
    py_ival a;
    py_ival_get(&a, x);
    size_t bits = py_mpz_bit_length(a.d, a.n);
    size_t shift = bits > 55 ? bits - 55 : 0;
    uint64_t top = 0;
    for (size_t k = 0; k < 64 && shift + k < bits; k++) {
        size_t b = shift + k;
        top |= (uint64_t)((a.d[b / 32] >> (b % 32)) & 1) << k;
    }
    if (shift && py_mpz_low_bits_nonzero(a.d, a.n, shift)) {
        top |= 1;
    }
    double m = ldexp((double)top, (int)shift - (int)bits); // (double) rounds 55 -> 53 bits
    *e = (long)bits;
    if (m == 1.0) {
        m = 0.5;
        ++*e;
    }
    return m;
}

// log-like function f of an int or float; ln2 = f(2).
static double log_of(py_val x, double (*f)(double)) {
    py_val i = py_int_unwrap(x);
    if (i != PY_NULL) {
        if (py_int_sign(i) <= 0) {
            domain_error();
        }
        if (!py_is_small(i)) {
            long e;
            double m = int_frexp(i, &e);
            if (e <= DBL_MAX_EXP) {
                return f(ldexp(m, (int)e));
            }
            return f(m) + f(2.0) * (double)e;
        }
    }
    double d = py_get_float(x);
    double r = f(d);
    if ((isnan(r) && !isnan(d)) || (isinf(r) && isfinite(d))) {
        domain_error();
    }
    return r;
}

static py_val math_log(size_t n_args, const py_val *args) {
    double num = log_of(args[0], log);
    if (n_args == 1) {
        return py_float_new(num);
    }
    double den = log_of(args[1], log);
    if (den == 0) {
        py_raise_msg(&py_type_ZeroDivisionError, "float division by zero");
    }
    return py_float_new(num / den);
}
static PY_FN_OBJ_VAR(math_log_obj, log, 1, 2, math_log);

static py_val math_log2(py_val x) {
    return py_float_new(log_of(x, log2));
}
static PY_FN_OBJ_1(math_log2_obj, log2, math_log2);
static py_val math_log10(py_val x) {
    return py_float_new(log_of(x, log10));
}
static PY_FN_OBJ_1(math_log10_obj, log10, math_log10);

// ---- sums and norms --------------------------------------------------------------------------
// fsum: Shewchuk's exact summation into non-overlapping partials, then the partials rounded
// to the nearest double (half to even across partials).
typedef struct fsum_state {
    double *p;
    size_t n, cap;
    double stack[32];
    double special, inf_sum;
} fsum_state;

static void fsum_add(void *ctx, py_val item) {
    fsum_state *s = ctx;
    double x = py_get_float(item);
    if (!isfinite(x)) {
        if (isinf(x)) {
            s->inf_sum += x;
        }
        s->special += x;
        s->n = 0; // the partials are absorbed by the infinity (or NaN)
        return;
    }
    size_t i = 0;
    for (size_t j = 0; j < s->n; j++) {
        double y = s->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) {
            s->p[i++] = lo;
        }
        x = hi;
    }
    if (!isfinite(x)) {
        py_raise_msg(&py_type_OverflowError, "intermediate overflow in fsum");
    }
    s->n = i;
    if (x == 0.0) {
        return;
    }
    if (i == s->cap) {
        double *np = py_gc_alloc(2 * s->cap * sizeof(double), PY_GC_LEAF);
        memcpy(np, s->p, s->cap * sizeof(double));
        s->p = np;
        s->cap *= 2;
    }
    s->p[i] = x;
    s->n = i + 1;
}

static py_val math_fsum(py_val iterable) {
    fsum_state s = {.cap = 32, .special = 0, .inf_sum = 0};
    s.p = s.stack;
    py_iterate(iterable, fsum_add, &s);
    if (s.special != 0.0) {
        if (isnan(s.inf_sum)) {
            py_raise_msg(&py_type_ValueError, "-inf + inf in fsum");
        }
        return py_float_new(s.special);
    }
    double hi = 0.0;
    size_t n = s.n;
    if (n > 0) {
        hi = s.p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = s.p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // lo and the next partial have the same sign: the exact sum lies beyond the halfway
        // point lo seems to be at, so round away from hi when the doubled lo is exact
        if (n > 0 && ((lo < 0 && s.p[n - 1] < 0) || (lo > 0 && s.p[n - 1] > 0))) {
            double y = lo * 2, x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    return py_float_new(hi);
}
static PY_FN_OBJ_1(math_fsum_obj, fsum, math_fsum);

// Exact product of two doubles as hi + lo (Dekker; no FMA needed).
static void two_prod(double a, double b, double *hi, double *lo) {
    const double split = 134217729.0; // 2**27 + 1
    double p = a * b;
    double ca = split * a, ah = ca - (ca - a), al = a - ah;
    double cb = split * b, bh = cb - (cb - b), bl = b - bh;
    *hi = p;
    *lo = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// sqrt(sum of x[i]**2) for |x[i]| <= mx: scaled by a power of two so nothing overflows, the
// squares summed in double-double, then one Newton step on the rounded root.
static double vector_norm(const double *x, size_t n, double mx, bool nan) {
    if (isinf(mx)) {
        return mx;
    }
    if (nan) {
        return NAN;
    }
    if (mx == 0 || n <= 1) {
        return mx;
    }
    int e;
    frexp(mx, &e);
    double s = 0, c = 0;
    for (size_t i = 0; i < n; i++) {
        double v = ldexp(x[i], -e), hi, lo;
        two_prod(v, v, &hi, &lo);
        double t = s + hi;
        double bv = t - s;
        c += (s - (t - bv)) + (hi - bv) + lo;
        s = t;
    }
    double t = s + c;
    c = c - (t - s);
    s = t;
    double h = sqrt(s), hh, hl;
    two_prod(h, h, &hh, &hl);
    double r = ((s - hh) - hl) + c;
    h += r / (2 * h);
    return ldexp(h, e);
}

// The coordinates of a point (any iterable) as doubles in a GC buffer (or buf when small).
static double *coords(py_val seq, size_t *n, double *buf, size_t bufn) {
    py_val it = py_getiter(seq), v;
    size_t cap = bufn;
    double *p = buf;
    *n = 0;
    while ((v = py_iternext(it)) != PY_STOP) {
        if (*n == cap) {
            double *np = py_gc_alloc(2 * cap * sizeof(double), PY_GC_LEAF);
            memcpy(np, p, cap * sizeof(double));
            p = np;
            cap *= 2;
        }
        p[(*n)++] = py_get_float(v);
    }
    return p;
}

static double norm_of(double *x, size_t n) {
    double mx = 0;
    bool nan = false;
    for (size_t i = 0; i < n; i++) {
        x[i] = fabs(x[i]);
        nan |= isnan(x[i]);
        if (x[i] > mx) {
            mx = x[i];
        }
    }
    return vector_norm(x, n, mx, nan);
}

static py_val math_hypot(size_t n_args, const py_val *args) {
    double buf[8];
    double *x = n_args <= 8 ? buf : py_gc_alloc(n_args * sizeof(double), PY_GC_LEAF);
    for (size_t i = 0; i < n_args; i++) {
        x[i] = py_get_float(args[i]);
    }
    return py_float_new(norm_of(x, n_args));
}
static PY_FN_OBJ_VAR(math_hypot_obj, hypot, 0, PY_ARGS_MANY, math_hypot);

static py_val math_dist(py_val p, py_val q) {
    double pb[8], qb[8];
    size_t pn, qn;
    double *pv = coords(p, &pn, pb, 8), *qv = coords(q, &qn, qb, 8);
    if (pn != qn) {
        py_raise_msg(&py_type_ValueError, "both points must have the same number of dimensions");
    }
    for (size_t i = 0; i < pn; i++) {
        pv[i] -= qv[i];
    }
    return py_float_new(norm_of(pv, pn));
}
static PY_FN_OBJ_2(math_dist_obj, dist, math_dist);

static py_val math_prod(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_start, PY_ARG_KW_ONLY, py_small_const(1)},
    };
    py_val a[2];
    py_arg_parse("prod", n_args, n_kw, args, 0, spec, 2, a);
    py_val acc = a[1], it = py_getiter(a[0]), v;
    while ((v = py_iternext(it)) != PY_STOP) {
        acc = py_binary_op(PY_OP_MUL, acc, v);
    }
    return acc;
}
static PY_FN_OBJ_KW(math_prod_obj, prod, math_prod);

// ---- integer functions ------------------------------------------------------------------------
// An int argument (int, bool, int subclass or __index__) as an exact int.
static py_val int_arg(py_val v) {
    py_val i = py_int_unwrap(v);
    if (i == PY_NULL) {
        const py_type *t = py_typeof(v);
        i = t->unary_op ? t->unary_op(PY_UOP_INDEX, v) : PY_NULL;
        if (i == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
        }
    }
    return i;
}

static py_val op(int o, py_val a, py_val b) {
    return py_binary_op(o, a, b);
}
static bool lt(py_val a, py_val b) {
    return py_is_true(op(PY_OP_LT, a, b));
}

// Product of the `count` consecutive ints from lo (an int of any size), balanced: products of
// similar sizes are multiplied together, which Karatsuba likes. The pending partial products
// form a binary counter: at most one per level, so the stack stays tiny.
static py_val range_prod(py_val lo, py_int_t count) {
    py_val stack[2 * sizeof(py_int_t) * 8 + 2];
    uint8_t level[sizeof(stack) / sizeof(stack[0])];
    size_t top = 0;
    py_int_t i = 0;
    while (i < count) {
        // multiply a run of small factors natively while the product stays a small int
        py_int_t acc = 1, f;
        py_val leaf = PY_NULL;
        while (i < count && small_get(lo, &f) && f > 0 && f <= PY_SMALL_MAX) {
            py_int_t r;
            if (__builtin_mul_overflow(acc, f, &r) || !py_small_fits(r)) {
                break;
            }
            acc = r;
            lo = op(PY_OP_ADD, lo, py_small(1));
            i++;
        }
        if (acc != 1 || i == count) {
            leaf = py_small(acc);
        } else {
            leaf = lo; // a factor too big (or zero/negative: the caller never passes those)
            lo = op(PY_OP_ADD, lo, py_small(1));
            i++;
        }
        stack[top] = leaf;
        level[top++] = 0;
        while (top >= 2 && level[top - 1] == level[top - 2]) {
            stack[top - 2] = op(PY_OP_MUL, stack[top - 2], stack[top - 1]);
            level[top - 2]++;
            top--;
        }
    }
    py_val r = py_small(1);
    while (top > 0) {
        r = op(PY_OP_MUL, stack[--top], r);
    }
    return r;
}

static py_val math_factorial(py_val arg) {
    py_val n = int_arg(arg);
    if (py_int_sign(n) < 0) {
        py_raise_msg(&py_type_ValueError, "factorial() not defined for negative values");
    }
    py_int_t k;
    if (!small_get(n, &k)) {
        py_raise_fmt(&py_type_OverflowError, "factorial() argument should not exceed %ld",
                     (long)LONG_MAX);
    }
    return k < 2 ? py_small(1) : range_prod(py_small(2), k - 1);
}
static PY_FN_OBJ_1(math_factorial_obj, factorial, math_factorial);

static py_val int_abs(py_val a) {
    return py_int_sign(a) < 0 ? py_unary_op(PY_UOP_NEG, a) : a;
}

static py_val gcd2(py_val a, py_val b) {
    a = int_abs(a);
    b = int_abs(b);
    py_int_t x, y;
    while (!(small_get(a, &x) && small_get(b, &y))) {
        if (py_int_sign(b) == 0) {
            return a;
        }
        py_val t = op(PY_OP_MOD, a, b);
        a = b;
        b = t;
    }
    while (y != 0) {
        py_int_t t = x % y;
        x = y;
        y = t;
    }
    return py_int_from(x);
}

static py_val math_gcd(size_t n_args, const py_val *args) {
    py_val g = py_small(0);
    for (size_t i = 0; i < n_args; i++) {
        g = gcd2(g, int_arg(args[i]));
    }
    return g;
}
static PY_FN_OBJ_VAR(math_gcd_obj, gcd, 0, PY_ARGS_MANY, math_gcd);

static py_val math_lcm(size_t n_args, const py_val *args) {
    py_val l = py_small(1);
    for (size_t i = 0; i < n_args; i++) {
        py_val a = int_arg(args[i]);
        if (py_int_sign(l) == 0 || py_int_sign(a) == 0) {
            l = py_small(0);
            continue;
        }
        py_val g = gcd2(l, a);
        l = int_abs(op(PY_OP_MUL, op(PY_OP_FLOORDIV, l, g), a));
    }
    return l;
}
static PY_FN_OBJ_VAR(math_lcm_obj, lcm, 0, PY_ARGS_MANY, math_lcm);

static py_val math_isqrt(py_val arg) {
    py_val n = int_arg(arg);
    int sign = py_int_sign(n);
    if (sign < 0) {
        py_raise_msg(&py_type_ValueError, "isqrt() argument must be nonnegative");
    }
    py_int_t v;
    if (small_get(n, &v)) {
        // double's sqrt is within one of the answer for a 63-bit value; correct it
        py_uint_t r = (py_uint_t)sqrt((double)v);
        while (r > 0 && r * r > (py_uint_t)v) {
            r--;
        }
        while ((r + 1) * (r + 1) <= (py_uint_t)v) {
            r++;
        }
        return py_int_from((py_int_t)r);
    }
    // Newton's iteration from above: start at 2**ceil(bits / 2) >= sqrt(n)
    py_ival a;
    py_ival_get(&a, n);
    size_t bits = py_mpz_bit_length(a.d, a.n);
    py_val x = op(PY_OP_LSHIFT, py_small(1), py_small((py_int_t)((bits + 1) / 2)));
    for (;;) {
        py_val y = op(PY_OP_RSHIFT, op(PY_OP_ADD, x, op(PY_OP_FLOORDIV, n, x)), py_small(1));
        if (!lt(y, x)) {
            return x;
        }
        x = y;
    }
}
static PY_FN_OBJ_1(math_isqrt_obj, isqrt, math_isqrt);

// n! / (n-k)! for 0 <= k <= n.
static py_val perm_of(py_val n, py_val k) {
    py_int_t kk;
    if (!small_get(k, &kk)) {
        py_raise_fmt(&py_type_OverflowError, "k must not exceed %ld", (long)LONG_MAX);
    }
    if (kk == 0) {
        return py_small(1);
    }
    return range_prod(op(PY_OP_ADD, op(PY_OP_SUB, n, k), py_small(1)), kk);
}

static void check_nk(py_val n, py_val k) {
    if (py_int_sign(n) < 0) {
        py_raise_msg(&py_type_ValueError, "n must be a non-negative integer");
    }
    if (py_int_sign(k) < 0) {
        py_raise_msg(&py_type_ValueError, "k must be a non-negative integer");
    }
}

static py_val math_comb(py_val nv, py_val kv) {
    py_val n = int_arg(nv), k = int_arg(kv);
    check_nk(n, k);
    if (lt(n, k)) {
        return py_small(0);
    }
    py_val nk = op(PY_OP_SUB, n, k);
    if (lt(nk, k)) {
        k = nk;
    }
    py_int_t kk;
    if (!small_get(k, &kk)) {
        py_raise_fmt(&py_type_OverflowError, "min(n - k, k) must not exceed %ld", (long)LONG_MAX);
    }
    if (kk <= 32) {
        // r = r * (n - k + i) // i stays an int at every step
        py_val r = py_small(1), f = op(PY_OP_ADD, op(PY_OP_SUB, n, k), py_small(1));
        for (py_int_t i = 1; i <= kk; i++) {
            r = op(PY_OP_FLOORDIV, op(PY_OP_MUL, r, f), py_small(i));
            f = op(PY_OP_ADD, f, py_small(1));
        }
        return r;
    }
    return op(PY_OP_FLOORDIV, perm_of(n, k), range_prod(py_small(1), kk));
}
static PY_FN_OBJ_2(math_comb_obj, comb, math_comb);

static py_val math_perm(size_t n_args, const py_val *args) {
    py_val n = int_arg(args[0]);
    if (n_args == 1 || args[1] == PY_NONE) {
        return math_factorial(n);
    }
    py_val k = int_arg(args[1]);
    check_nk(n, k);
    if (lt(n, k)) {
        return py_small(0);
    }
    return perm_of(n, k);
}
static PY_FN_OBJ_VAR(math_perm_obj, perm, 1, 2, math_perm);

// ---- the module ------------------------------------------------------------------------------
static const py_float math_pi = {{&py_type_float}, M_PI};
static const py_float math_e = {{&py_type_float}, M_E};
static const py_float math_tau = {{&py_type_float}, 2 * M_PI};
static const py_float math_inf = {{&py_type_float}, INFINITY};
static const py_float math_nan = {{&py_type_float}, NAN};

static const py_dict_entry math_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_math)),
    PY_ROM_ENTRY(pi, &math_pi),
    PY_ROM_ENTRY(e, &math_e),
    PY_ROM_ENTRY(tau, &math_tau),
    PY_ROM_ENTRY(inf, &math_inf),
    PY_ROM_ENTRY(nan, &math_nan),
    PY_ROM_ENTRY(sqrt, &math_sqrt_obj),
    PY_ROM_ENTRY(exp, &math_exp_obj),
    PY_ROM_ENTRY(exp2, &math_exp2_obj),
    PY_ROM_ENTRY(expm1, &math_expm1_obj),
    PY_ROM_ENTRY(log, &math_log_obj),
    PY_ROM_ENTRY(log2, &math_log2_obj),
    PY_ROM_ENTRY(log10, &math_log10_obj),
    PY_ROM_ENTRY(log1p, &math_log1p_obj),
    PY_ROM_ENTRY(cbrt, &math_cbrt_obj),
    PY_ROM_ENTRY(pow, &math_pow_obj),
    PY_ROM_ENTRY(sin, &math_sin_obj),
    PY_ROM_ENTRY(cos, &math_cos_obj),
    PY_ROM_ENTRY(tan, &math_tan_obj),
    PY_ROM_ENTRY(asin, &math_asin_obj),
    PY_ROM_ENTRY(acos, &math_acos_obj),
    PY_ROM_ENTRY(atan, &math_atan_obj),
    PY_ROM_ENTRY(atan2, &math_atan2_obj),
    PY_ROM_ENTRY(sinh, &math_sinh_obj),
    PY_ROM_ENTRY(cosh, &math_cosh_obj),
    PY_ROM_ENTRY(tanh, &math_tanh_obj),
    PY_ROM_ENTRY(asinh, &math_asinh_obj),
    PY_ROM_ENTRY(acosh, &math_acosh_obj),
    PY_ROM_ENTRY(atanh, &math_atanh_obj),
    PY_ROM_ENTRY(ceil, &math_ceil_obj),
    PY_ROM_ENTRY(floor, &math_floor_obj),
    PY_ROM_ENTRY(trunc, &math_trunc_obj),
    PY_ROM_ENTRY(fabs, &math_fabs_obj),
    PY_ROM_ENTRY(fmod, &math_fmod_obj),
    PY_ROM_ENTRY(remainder, &math_remainder_obj),
    PY_ROM_ENTRY(modf, &math_modf_obj),
    PY_ROM_ENTRY(frexp, &math_frexp_obj),
    PY_ROM_ENTRY(ldexp, &math_ldexp_obj),
    PY_ROM_ENTRY(copysign, &math_copysign_obj),
    PY_ROM_ENTRY(nextafter, &math_nextafter_obj),
    PY_ROM_ENTRY(ulp, &math_ulp_obj),
    PY_ROM_ENTRY(isfinite, &math_isfinite_obj),
    PY_ROM_ENTRY(isinf, &math_isinf_obj),
    PY_ROM_ENTRY(isnan, &math_isnan_obj),
    PY_ROM_ENTRY(isclose, &math_isclose_obj),
    PY_ROM_ENTRY(degrees, &math_degrees_obj),
    PY_ROM_ENTRY(radians, &math_radians_obj),
    PY_ROM_ENTRY(hypot, &math_hypot_obj),
    PY_ROM_ENTRY(dist, &math_dist_obj),
    PY_ROM_ENTRY(gamma, &math_gamma_obj),
    PY_ROM_ENTRY(lgamma, &math_lgamma_obj),
    PY_ROM_ENTRY(erf, &math_erf_obj),
    PY_ROM_ENTRY(erfc, &math_erfc_obj),
    PY_ROM_ENTRY(factorial, &math_factorial_obj),
    PY_ROM_ENTRY(gcd, &math_gcd_obj),
    PY_ROM_ENTRY(lcm, &math_lcm_obj),
    PY_ROM_ENTRY(comb, &math_comb_obj),
    PY_ROM_ENTRY(perm, &math_perm_obj),
    PY_ROM_ENTRY(isqrt, &math_isqrt_obj),
    PY_ROM_ENTRY(prod, &math_prod_obj),
    PY_ROM_ENTRY(fsum, &math_fsum_obj),
};
static PY_ROM_DICT(math_globals, math_table);

const py_module mod_math_module = {{&py_type_module}, (py_dict *)&math_globals};
