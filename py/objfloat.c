// py/objfloat.c: the float type: arithmetic with Python's sign rules, exact comparisons
// with ints, CPython's hash, float(), round(), hex()/fromhex() and the float methods.
// Invariants: results match CPython 3.11 bit for bit (the C library is only trusted for
// correctly rounded basic operations, fmod, floor, frexp/ldexp and pow); repr, parsing and
// formatting are py/dtoa.c's, exact rational work (round, fromhex, comparisons with huge
// ints) uses py/mpz.c through the int helpers.
// Deliberate difference: there is no complex type, so where CPython returns a complex
// ((-8.0) ** (1/3)) this raises ValueError "complex values not supported", as MicroPython
// does when built without complex numbers.
#include "py/objfloat.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "py/dtoa.h"
#include "py/format.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/runtime.h"

#if PY_CFG_FLOAT

py_val py_float_new(double d) {
    py_float *f = py_new_leaf_var(py_float, 0, &py_type_float);
    f->value = d;
    return (py_val)f;
}

bool py_float_unwrap(py_val v, double *out) {
    if (!py_is_obj(v)) {
        return false;
    }
    if (v->type == &py_type_float) {
        *out = ((py_float *)v)->value;
        return true;
    }
    if ((v->type->flags & PY_TF_HEAP) && v->type->native == &py_type_float) {
        py_val n = ((py_instance *)v)->native;
        return n != PY_NULL && py_float_unwrap(n, out);
    }
    return false;
}

bool py_get_float_maybe(py_val v, double *out) {
    if (py_is_small(v)) {
        *out = (double)py_small_get(v);
        return true;
    }
    if (py_float_unwrap(v, out)) {
        return true;
    }
    py_val i = py_int_unwrap(v);
    if (i != PY_NULL) {
        *out = py_int_to_double(i);
        return true;
    }
    return false;
}

double py_get_float(py_val v) {
    double d;
    if (py_get_float_maybe(v, &d)) {
        return d;
    }
    // __float__, then __index__ (heap types' slots look the methods up)
    const py_type *t = py_typeof(v);
    if (t->unary_op) {
        py_val r = t->unary_op(PY_UOP_FLOAT, v);
        if (r != PY_NULL) {
            if (!py_float_unwrap(r, &d)) {
                py_raise_fmt(&py_type_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
            }
            return d;
        }
        r = t->unary_op(PY_UOP_INDEX, v);
        if (r != PY_NULL && py_get_float_maybe(r, &d)) {
            return d;
        }
    }
    py_raise_fmt(&py_type_TypeError, "must be real number, not %T", v);
}

// ---- hashing --------------------------------------------------------------------------------

py_val py_float_hash(double v, py_val self) {
    if (!isfinite(v)) {
        if (isinf(v)) {
            return py_small(v > 0 ? 314159 : -314159);
        }
        return py_small((py_int_t)((uintptr_t)self >> 4)); // NaN: by identity (3.10+)
    }
    // CPython's _Py_HashDouble: the value modulo 2**B - 1, 28 bits of mantissa at a time
    // (multiplying by 2^k modulo a Mersenne number is a rotation).
    const py_uint_t P = (py_uint_t)PY_HASH_MODULUS;
    const int B = PY_INT_HASH_BITS;
    int e;
    double m = frexp(v, &e);
    bool neg = m < 0;
    if (neg) {
        m = -m;
    }
    py_uint_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (B - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        py_uint_t y = (py_uint_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) {
            x -= P;
        }
    }
    e = e >= 0 ? e % B : B - 1 - ((-1 - e) % B);
    x = ((x << e) & P) | x >> (B - e);
    return py_int_hash_finish(neg, x);
}

// ---- arithmetic ---------------------------------------------------------------------------

double py_float_pow(double iv, double iw) {
    // CPython's float_pow special cases, in its order
    if (iw == 0) {
        return 1.0;
    }
    if (isnan(iv)) {
        return iv;
    }
    if (isnan(iw)) {
        return iv == 1.0 ? 1.0 : iw;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            return 1.0;
        }
        return (iw > 0) == (iv > 1.0) ? fabs(iw) : 0.0;
    }
    bool iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
    if (isinf(iv)) {
        if (iw > 0) {
            return iw_is_odd ? iv : fabs(iv);
        }
        return iw_is_odd ? copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0) {
            py_raise_msg(&py_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return iw_is_odd ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            py_raise_msg(&py_type_ValueError, "complex values not supported");
        }
        iv = -iv;
        negate = iw_is_odd;
    }
    if (iv == 1.0) {
        return negate ? -1.0 : 1.0;
    }
    double ix = pow(iv, iw);
    if (isinf(ix)) {
        py_val args[2] = {py_small(ERANGE), py_str_from_cstr("Numerical result out of range")};
        py_raise(py_exc_new(&py_type_OverflowError, 2, args));
    }
    return negate ? -ix : ix;
}

// CPython's float_divmod: mod has the sign of w, div is floored and exact where possible.
static void float_divmod(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

static double float_rem(double vx, double wx) {
    double m = fmod(vx, wx);
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
        }
    } else {
        m = copysign(0.0, wx);
    }
    return m;
}

// Compares the double d with the int i exactly: -1, 0, 1 (d <, ==, > i), or 2 if d is NaN.
static int cmp_float_int(double d, py_val i) {
    if (isnan(d)) {
        return 2;
    }
    if (isinf(d)) {
        return d > 0 ? 1 : -1;
    }
    if (py_is_small(i)) {
        int64_t v = py_small_get(i);
        const int64_t lim = (int64_t)1 << DBL_MANT_DIG;
        if (v >= -lim && v <= lim) {
            double dv = (double)v; // exact
            return (d > dv) - (d < dv);
        }
    }
    py_ival a;
    py_ival_get(&a, i);
    int isign = a.n == 0 ? 0 : a.neg ? -1 : 1;
    int dsign = (d > 0) - (d < 0);
    if (isign != dsign) {
        return dsign > isign ? 1 : -1;
    }
    if (dsign == 0) {
        return 0;
    }
    // same sign: compare magnitudes, by binary exponent first
    int e;
    frexp(fabs(d), &e); // 2^(e-1) <= |d| < 2^e
    long nbits = (long)py_mpz_bit_length(a.d, a.n);
    int c; // |d| versus |i|
    if (e != nbits) {
        c = e < nbits ? -1 : 1;
    } else {
        double ip = floor(fabs(d));
        py_ival b;
        py_val iv = py_int_from_double(ip);
        py_ival_get(&b, iv);
        c = py_mpz_cmp(b.d, b.n, a.d, a.n);
        if (c == 0 && fabs(d) > ip) {
            c = 1;
        }
    }
    return dsign > 0 ? c : -c;
}

static py_val compare_result(int op, int c) {
    if (c == 2) { // NaN: only != holds
        return py_bool(op == PY_OP_NE);
    }
    switch (op) {
    case PY_OP_LT: return py_bool(c < 0);
    case PY_OP_GT: return py_bool(c > 0);
    case PY_OP_EQ: return py_bool(c == 0);
    case PY_OP_NE: return py_bool(c != 0);
    case PY_OP_LE: return py_bool(c <= 0);
    default: return py_bool(c >= 0);
    }
}

py_val py_float_binary_op(int op, py_val lhs, py_val rhs) {
    double a, b;
    if (!py_float_unwrap(lhs, &a)) {
        return PY_NULL;
    }
    if (op <= PY_OP_GE) {
        if (py_float_unwrap(rhs, &b)) {
            switch (op) {
            case PY_OP_LT: return py_bool(a < b);
            case PY_OP_GT: return py_bool(a > b);
            case PY_OP_EQ: return py_bool(a == b);
            case PY_OP_NE: return py_bool(a != b);
            case PY_OP_LE: return py_bool(a <= b);
            default: return py_bool(a >= b);
            }
        }
        py_val i = py_int_unwrap(rhs);
        if (i == PY_NULL) {
            return PY_NULL;
        }
        return compare_result(op, cmp_float_int(a, i));
    }
    if (op == PY_OP_CONTAINS) {
        return PY_NULL;
    }
    if (!py_float_unwrap(rhs, &b)) {
        if (py_is_small(rhs)) {
            b = (double)py_small_get(rhs);
        } else {
            py_val i = py_int_unwrap(rhs);
            if (i == PY_NULL) {
                return PY_NULL;
            }
            b = py_int_to_double(i);
        }
    }
    if (op >= PY_OP_ROR) {
        double t = a; // the expression was rhs OP lhs
        a = b;
        b = t;
    }
    double r, q;
    switch (py_op_plain(op)) {
    case PY_OP_ADD: r = a + b; break;
    case PY_OP_SUB: r = a - b; break;
    case PY_OP_MUL: r = a * b; break;
    case PY_OP_TRUEDIV:
        if (b == 0.0) {
            py_raise_msg(&py_type_ZeroDivisionError, "float division by zero");
        }
        r = a / b;
        break;
    case PY_OP_FLOORDIV:
        if (b == 0.0) {
            py_raise_msg(&py_type_ZeroDivisionError, "float floor division by zero");
        }
        float_divmod(a, b, &r, &q);
        break;
    case PY_OP_MOD:
        if (b == 0.0) {
            py_raise_msg(&py_type_ZeroDivisionError, "float modulo");
        }
        r = float_rem(a, b);
        break;
    case PY_OP_POW: r = py_float_pow(a, b); break;
    default: return PY_NULL;
    }
    return py_float_new(r);
}

py_val py_number_divmod(py_val x, py_val y) {
    double a, b;
    bool fa = py_float_unwrap(x, &a), fb = py_float_unwrap(y, &b);
    if (!fa && !fb) {
        if (!py_is_int(x) || !py_is_int(y)) {
            return PY_NULL;
        }
        return py_int_divmod(x, y);
    }
    if ((!fa && !py_get_float_maybe(x, &a)) || (!fb && !py_get_float_maybe(y, &b))) {
        return PY_NULL;
    }
    if (b == 0.0) {
        py_raise_msg(&py_type_ZeroDivisionError, "float divmod()");
    }
    double q, m;
    float_divmod(a, b, &q, &m);
    py_val t[2] = {py_float_new(q), py_float_new(m)};
    return py_tuple_new(2, t);
}

static py_val float_self_val(py_val self) {
    return self->type == &py_type_float ? self : py_float_new(((py_float *)self)->value);
}

static py_val float_unary_op(int op, py_val self) {
    double d;
    if (!py_float_unwrap(self, &d)) {
        return PY_NULL;
    }
    switch (op) {
    case PY_UOP_BOOL: return py_bool(d != 0.0);
    case PY_UOP_HASH: return py_float_hash(d, self);
    case PY_UOP_POS:
    case PY_UOP_FLOAT: return self->type == &py_type_float ? self : py_float_new(d);
    case PY_UOP_NEG: return py_float_new(-d);
    case PY_UOP_ABS: return py_float_new(fabs(d));
    case PY_UOP_INT: return py_int_from_double(d);
    default: return PY_NULL;
    }
}

// ---- float() ------------------------------------------------------------------------------------

// float(x) for a str or bytes-like x; PY_NULL if x is neither.
static py_val float_from_text(py_val x) {
    const char *s;
    size_t len;
    bool unicode = py_is_str(x);
    py_val shown = x; // what the error message shows
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
        } else if (py_get_buffer_maybe(x, &buf, PY_BUFFER_READ)) {
            s = buf.buf;
            len = buf.len;
            shown = py_bytes_new(s, len);
        } else {
            return PY_NULL;
        }
    }
    const char *p = s;
    size_t n = len;
    py_int_strip_space(&p, &n, unicode);
    double d;
    if (n == 0 || py_dtoa_parse(p, n, &d) != 0) {
        py_raise_fmt(&py_type_ValueError, "could not convert string to float: %r", shown);
    }
    return py_float_new(d);
}

static py_val float_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    if (n_kw) {
        py_raise_msg(&py_type_TypeError, "float() takes no keyword arguments");
    }
    if (n_args > 1) {
        py_raise_fmt(&py_type_TypeError, "float expected at most 1 argument, got %d", (int)n_args);
    }
    if (n_args == 0) {
        return py_float_new(0.0);
    }
    py_val x = args[0];
    if (py_is_obj(x) && x->type == &py_type_float) {
        return x;
    }
    py_val i = py_int_unwrap(x);
    if (i != PY_NULL && !(py_typeof(x)->flags & PY_TF_HEAP)) {
        return py_float_new(py_int_to_double(i));
    }
    // __float__, then __index__, then the text of a str or buffer, as CPython
    py_val r;
    const py_type *t = py_typeof(x);
    if (t->unary_op) {
        r = t->unary_op(PY_UOP_FLOAT, x);
        if (r != PY_NULL) {
            double d;
            if (!py_float_unwrap(r, &d)) {
                py_raise_fmt(&py_type_TypeError, "%T.__float__ returned non-float (type %T)", x, r);
            }
            return float_self_val(r);
        }
        r = t->unary_op(PY_UOP_INDEX, x);
        if (r != PY_NULL && py_is_int(r)) {
            return py_float_new(py_int_to_double(r));
        }
    }
    r = float_from_text(x);
    if (r != PY_NULL) {
        return r;
    }
    py_raise_fmt(&py_type_TypeError, "float() argument must be a string or a real number, not '%T'",
                 x);
}

// float.__new__(cls, x=0.0): for subclasses, an instance holding the float.
static py_val float_new(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 0 || !py_is_type(args[0])) {
        py_raise_msg(&py_type_TypeError, "float.__new__(X): X is not a type object");
    }
    const py_type *cls = (const py_type *)args[0];
    py_val v = float_make_new(&py_type_float, n_args - 1, n_kw, args + 1);
    if (cls == &py_type_float) {
        return v;
    }
    if (!py_issubclass(cls, &py_type_float) || !(cls->flags & PY_TF_HEAP)) {
        py_raise_fmt(&py_type_TypeError, "float.__new__(%q): %q is not a subtype of float",
                     py_type_qname(cls), py_type_qname(cls));
    }
    py_val obj = py_object_new(cls);
    ((py_instance *)obj)->native = float_self_val(v);
    return obj;
}
static PY_FN_OBJ_KW(float_new_fun, __new__, float_new);
static const py_wrapper float_new_obj = {{&py_type_staticmethod}, (py_val)&float_new_fun};

// ---- printing and formatting ---------------------------------------------------------------

static void float_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    char buf[PY_DTOA_REPR_SIZE];
    size_t n = py_dtoa_repr(((py_float *)self)->value, buf);
    py_print_strn(p, buf, n);
}

void py_float_format(const py_print *p, double d, const char *spec, size_t len) {
    py_fmt_spec fs;
    const char *err = py_format_parse(spec, len, &fs);
    if (err == NULL) {
        err = py_format_float(p, d, &fs);
    }
    if (err != NULL) {
        py_vstr v;
        py_print vp;
        py_vstr_init(&v, 64);
        py_vstr_printer(&v, &vp);
        py_format_errmsg(&vp, err, spec, len, "float");
        py_val msg = py_vstr_to_str(&v);
        py_raise(py_exc_new(&py_type_ValueError, 1, &msg));
    }
}

// ---- round ------------------------------------------------------------------------------------

static py_val iop(int op, py_val a, py_val b) {
    return py_int_binary_op(op, a, b);
}

// round(x, n) for finite nonzero x: with |x| = m 2^e exactly, q = round-half-even of
// |x| 10^n, then q / 10^n (n >= 0) or q 10^-n (n < 0) correctly rounded.
static double round_digits(double x, py_int_t n) {
    int e;
    double fm = frexp(fabs(x), &e);
    py_val m = py_int_from_ull((unsigned long long)ldexp(fm, DBL_MANT_DIG));
    e -= DBL_MANT_DIG;
    py_val p = iop(PY_OP_POW, py_small(10), py_small(n < 0 ? -n : n));
    py_val num, den;
    if (n >= 0) {
        if (e >= 0) {
            return x; // an integer already
        }
        num = iop(PY_OP_MUL, m, p);
        den = iop(PY_OP_LSHIFT, py_small(1), py_small(-e));
    } else {
        num = e >= 0 ? iop(PY_OP_LSHIFT, m, py_small(e)) : m;
        den = e >= 0 ? p : iop(PY_OP_LSHIFT, p, py_small(-e));
    }
    py_val q = iop(PY_OP_FLOORDIV, num, den), r = iop(PY_OP_MOD, num, den);
    py_val r2 = iop(PY_OP_ADD, r, r);
    if (iop(PY_OP_GT, r2, den) == PY_TRUE ||
        (iop(PY_OP_EQ, r2, den) == PY_TRUE && iop(PY_OP_AND, q, py_small(1)) == py_small(1))) {
        q = iop(PY_OP_ADD, q, py_small(1));
    }
    double d;
    if (n >= 0) {
        d = ((py_float *)iop(PY_OP_TRUEDIV, q, p))->value;
    } else {
        py_ival v;
        py_val big = iop(PY_OP_MUL, q, p);
        py_ival_get(&v, big);
        if (py_mpz_bit_length(v.d, v.n) > DBL_MAX_EXP) {
            goto overflow;
        }
        d = py_int_to_double(big);
        if (isinf(d)) {
            goto overflow;
        }
    }
    return copysign(d, x);
overflow:
    py_raise_msg(&py_type_OverflowError, "rounded value too large to represent");
}

py_val py_float_round(double x, py_val ndigits) {
    if (ndigits == PY_NULL || ndigits == PY_NONE) {
        double r = round(x); // half away from zero; make it half to even
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return py_int_from_double(r);
    }
    // CPython clips ndigits to a C ssize_t; anything beyond +-400 acts the same anyway
    py_val nd = py_int_unwrap(ndigits);
    if (nd == PY_NULL) {
        nd = py_int_from(py_get_int(ndigits)); // __index__ or TypeError
    }
    py_int_t n;
    int s = py_int_sign(nd);
    if (!py_is_small(nd)) {
        n = s < 0 ? -1000 : 1000;
    } else {
        n = py_small_get(nd);
    }
    // beyond these, the result is x itself or a zero (CPython's NDIGITS_MAX / NDIGITS_MIN)
    const py_int_t ndigits_max = (py_int_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const py_int_t ndigits_min = -(py_int_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (n > ndigits_max) {
        return py_float_new(x);
    }
    if (n < ndigits_min) {
        return py_float_new(0.0 * x);
    }
    if (x == 0.0 || !isfinite(x)) {
        return py_float_new(x);
    }
    return py_float_new(round_digits(x, n));
}

// ---- hex and fromhex ----------------------------------------------------------------------------

static py_val float_hex(py_val self) {
    double x;
    py_float_unwrap(self, &x);
    char buf[40];
    if (!isfinite(x)) {
        size_t n = py_dtoa_repr(x, buf);
        return py_str_new(buf, n);
    }
    if (x == 0.0) {
        return py_str_from_cstr(copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
    }
    static const char hexd[] = "0123456789abcdef";
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char *p = buf;
    if (x < 0) {
        *p++ = '-';
    }
    *p++ = '0';
    *p++ = 'x';
    *p++ = hexd[(int)m];
    m -= (int)m;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) { // 13 hex digits: 52 bits
        m *= 16.0;
        *p++ = hexd[(int)m];
        m -= (int)m;
    }
    *p++ = 'p';
    *p++ = e < 0 ? '-' : '+';
    unsigned ue = (unsigned)(e < 0 ? -e : e);
    char eb[8];
    int k = 0;
    do {
        eb[k++] = (char)('0' + ue % 10);
        ue /= 10;
    } while (ue);
    while (k) {
        *p++ = eb[--k];
    }
    return py_str_new(buf, (size_t)(p - buf));
}
static PY_FN_OBJ_1(float_hex_obj, hex, float_hex);

static _Noreturn void fromhex_invalid(void) {
    py_raise_msg(&py_type_ValueError, "invalid hexadecimal floating-point string");
}

static bool ci_match(const char *s, size_t n, const char *word) {
    size_t wl = strlen(word);
    if (n != wl) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((s[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

// Rounds M 2^E (M > 0, n digits) to the nearest double, ties to even; OverflowError beyond.
static double scale_round(const py_mpz_dig *md, size_t mn, long E) {
    long bits = (long)py_mpz_bit_length(md, mn);
    long top = bits + E; // 2^(top-1) <= value < 2^top
    if (top > DBL_MAX_EXP) {
        goto overflow;
    }
    if (top < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        return 0.0;
    }
    // the weight of the last kept bit: 53 significant bits, or fewer for subnormals
    long lsb = top - DBL_MANT_DIG;
    if (lsb < DBL_MIN_EXP - DBL_MANT_DIG) {
        lsb = DBL_MIN_EXP - DBL_MANT_DIG;
    }
    long shift = lsb - E;
    uint64_t q;
    if (shift <= 0) {
        // exact: fewer than 53 bits, shifted up
        q = md[0] | (mn > 1 ? (uint64_t)md[1] << 32 : 0);
        return ldexp((double)q, (int)E);
    }
    py_tmp t;
    py_mpz_dig *qd = py_tmp_get(&t, mn);
    size_t qn = py_mpz_shr(qd, md, mn, (size_t)shift);
    q = qn ? qd[0] | (qn > 1 ? (uint64_t)qd[1] << 32 : 0) : 0;
    py_tmp_free(&t);
    // round half to even using the shifted-out bits
    bool half = (md[(shift - 1) / 32] >> ((shift - 1) % 32)) & 1;
    bool rest = py_mpz_low_bits_nonzero(md, mn, (size_t)(shift - 1));
    if (half && (rest || (q & 1))) {
        q++;
    }
    double d = ldexp((double)q, (int)lsb);
    if (isinf(d)) {
        goto overflow;
    }
    return d;
overflow:
    py_raise_msg(&py_type_OverflowError, "hexadecimal value too large to represent as a float");
}

static py_val float_fromhex_fn(py_val cls, py_val str) {
    size_t len;
    const char *s = py_get_str(str, &len);
    py_int_strip_space(&s, &len, true);
    const char *e = s + len;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    double d;
    if (ci_match(s, (size_t)(e - s), "inf") || ci_match(s, (size_t)(e - s), "infinity")) {
        d = HUGE_VAL;
    } else if (ci_match(s, (size_t)(e - s), "nan")) {
        d = NAN;
    } else {
        if (e - s >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
            s += 2;
        }
        // hex digits, with at most one point
        const char *ds = s;
        size_t ndig = 0, nfrac = 0;
        bool point = false;
        for (; s < e; s++) {
            if (*s == '.' && !point) {
                point = true;
            } else if (py_mpz_digit_value(*s) < 16) {
                ndig++;
                nfrac += point;
            } else {
                break;
            }
        }
        if (ndig == 0) {
            fromhex_invalid();
        }
        const char *de = s;
        long exp = 0;
        if (s < e && (*s | 0x20) == 'p') {
            s++;
            bool eneg = false;
            if (s < e && (*s == '+' || *s == '-')) {
                eneg = *s++ == '-';
            }
            if (s == e || *s < '0' || *s > '9') {
                fromhex_invalid();
            }
            for (; s < e && *s >= '0' && *s <= '9'; s++) {
                if (exp < 100000000) { // beyond, only the sign matters
                    exp = exp * 10 + (*s - '0');
                }
            }
            exp = eneg ? -exp : exp;
        }
        if (s != e) {
            fromhex_invalid();
        }
        // the digits (without the point) as a natural number M; value = M 2^(exp - 4 nfrac)
        char *digits = py_gc_alloc(ndig, PY_GC_LEAF);
        size_t k = 0;
        for (const char *q = ds; q < de; q++) {
            if (*q != '.') {
                digits[k++] = *q;
            }
        }
        py_tmp t;
        py_mpz_dig *md = py_tmp_get(&t, py_mpz_from_str_bound(ndig, 16));
        size_t mn = py_mpz_from_str(md, digits, ndig, 16, NULL);
        py_gc_free(digits);
        d = mn == 0 ? 0.0 : scale_round(md, mn, exp - 4 * (long)nfrac);
        py_tmp_free(&t);
    }
    py_val r = py_float_new(neg ? -d : d);
    if (cls != (py_val)&py_type_float) {
        r = py_call1(cls, r);
    }
    return r;
}
static PY_FN_OBJ_2(float_fromhex_fun, fromhex, float_fromhex_fn);
static const py_wrapper float_fromhex_obj = {{&py_type_classmethod}, (py_val)&float_fromhex_fun};

// ---- methods --------------------------------------------------------------------------------

static double self_double(py_val self) {
    double d;
    if (!py_float_unwrap(self, &d)) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires a 'float' object but received a '%T'",
                     self);
    }
    return d;
}

static py_val float_is_integer(py_val self) {
    double d = self_double(self);
    return py_bool(isfinite(d) && floor(d) == d);
}
static PY_FN_OBJ_1(float_is_integer_obj, is_integer, float_is_integer);

static py_val float_as_integer_ratio(py_val self) {
    double d = self_double(self);
    if (isinf(d)) {
        py_raise_msg(&py_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(d)) {
        py_raise_msg(&py_type_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    py_val num = py_int_from_double(m), den = py_small(1);
    if (e > 0) {
        num = py_int_binary_op(PY_OP_LSHIFT, num, py_small(e));
    } else {
        den = py_int_binary_op(PY_OP_LSHIFT, den, py_small(-e));
    }
    py_val t[2] = {num, den};
    return py_tuple_new(2, t);
}
static PY_FN_OBJ_1(float_as_integer_ratio_obj, as_integer_ratio, float_as_integer_ratio);

static py_val float_conjugate(py_val self) {
    return py_float_new(self_double(self));
}
static PY_FN_OBJ_1(float_conjugate_obj, conjugate, float_conjugate);
static PY_FN_OBJ_1(float_float_obj, __float__, float_conjugate);
static PY_FN_OBJ_1(float_pos_obj, __pos__, float_conjugate);

static py_val float_trunc(py_val self) {
    return py_int_from_double(self_double(self));
}
static PY_FN_OBJ_1(float_trunc_obj, __trunc__, float_trunc);
static PY_FN_OBJ_1(float_int_obj, __int__, float_trunc);

static py_val float_floor(py_val self) {
    return py_int_from_double(floor(self_double(self)));
}
static PY_FN_OBJ_1(float_floor_obj, __floor__, float_floor);

static py_val float_ceil(py_val self) {
    return py_int_from_double(ceil(self_double(self)));
}
static PY_FN_OBJ_1(float_ceil_obj, __ceil__, float_ceil);

static py_val float_round_m(size_t n_args, const py_val *args) {
    return py_float_round(self_double(args[0]), n_args > 1 ? args[1] : PY_NULL);
}
static PY_FN_OBJ_VAR(float_round_obj, __round__, 1, 2, float_round_m);

static py_val float_format_m(py_val self, py_val spec) {
    size_t len;
    const char *s = py_get_str(spec, &len);
    double d = self_double(self);
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 16);
    py_vstr_printer(&v, &p);
    if (len == 0) {
        py_print_val(&p, self, PY_PRINT_STR);
    } else {
        py_float_format(&p, d, s, len);
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_2(float_format_obj, __format__, float_format_m);

static py_val float_divmod_m(py_val a, py_val b) {
    self_double(a);
    py_val r = py_number_divmod(a, b);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_2(float_divmod_obj, __divmod__, float_divmod_m);

static py_val float_rdivmod_m(py_val a, py_val b) {
    self_double(a);
    py_val r = py_number_divmod(b, a);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_2(float_rdivmod_obj, __rdivmod__, float_rdivmod_m);

static py_val float_pow_m(size_t n_args, const py_val *args) {
    if (n_args == 3 && args[2] != PY_NONE) {
        py_raise_msg(&py_type_TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    }
    py_val r = py_float_binary_op(PY_OP_POW, args[0], args[1]);
    return r ? r : PY_NOTIMPLEMENTED;
}
static PY_FN_OBJ_VAR(float_pow_obj, __pow__, 2, 3, float_pow_m);

static py_val fbinop(int op, py_val a, py_val b) {
    self_double(a);
    py_val r = py_float_binary_op(op, a, b);
    return r ? r : PY_NOTIMPLEMENTED;
}
#define FLOAT_BINOP(name, op)                                                                      \
    static py_val float_##name(py_val a, py_val b) {                                               \
        return fbinop(op, a, b);                                                                   \
    }                                                                                              \
    static PY_FN_OBJ_2(float_##name##_obj, __##name##__, float_##name)
FLOAT_BINOP(add, PY_OP_ADD);
FLOAT_BINOP(radd, PY_OP_RADD);
FLOAT_BINOP(sub, PY_OP_SUB);
FLOAT_BINOP(rsub, PY_OP_RSUB);
FLOAT_BINOP(mul, PY_OP_MUL);
FLOAT_BINOP(rmul, PY_OP_RMUL);
FLOAT_BINOP(truediv, PY_OP_TRUEDIV);
FLOAT_BINOP(rtruediv, PY_OP_RTRUEDIV);
FLOAT_BINOP(floordiv, PY_OP_FLOORDIV);
FLOAT_BINOP(rfloordiv, PY_OP_RFLOORDIV);
FLOAT_BINOP(mod, PY_OP_MOD);
FLOAT_BINOP(rmod, PY_OP_RMOD);
FLOAT_BINOP(rpow, PY_OP_RPOW);
FLOAT_BINOP(eq, PY_OP_EQ);
FLOAT_BINOP(ne, PY_OP_NE);
FLOAT_BINOP(lt, PY_OP_LT);
FLOAT_BINOP(le, PY_OP_LE);
FLOAT_BINOP(gt, PY_OP_GT);
FLOAT_BINOP(ge, PY_OP_GE);

static py_val funop(int op, py_val a) {
    self_double(a);
    return float_unary_op(op, a);
}
#define FLOAT_UNOP(name, op)                                                                       \
    static py_val float_##name(py_val a) {                                                         \
        return funop(op, a);                                                                       \
    }                                                                                              \
    static PY_FN_OBJ_1(float_##name##_obj, __##name##__, float_##name)
FLOAT_UNOP(neg, PY_UOP_NEG);
FLOAT_UNOP(abs, PY_UOP_ABS);
FLOAT_UNOP(bool, PY_UOP_BOOL);
FLOAT_UNOP(hash, PY_UOP_HASH);

static void float_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_NULL) {
        return;
    }
    if (attr == PY_QSTR_real) {
        dest[0] = py_float_new(self_double(self));
    } else if (attr == PY_QSTR_imag) {
        dest[0] = py_float_new(0.0);
    }
}

static const py_dict_entry float_locals_table[] = {
    PY_ROM_ENTRY(as_integer_ratio, &float_as_integer_ratio_obj),
    PY_ROM_ENTRY(conjugate, &float_conjugate_obj),
    PY_ROM_ENTRY(fromhex, &float_fromhex_obj),
    PY_ROM_ENTRY(hex, &float_hex_obj),
    PY_ROM_ENTRY(is_integer, &float_is_integer_obj),
    PY_ROM_ENTRY(__abs__, &float_abs_obj),
    PY_ROM_ENTRY(__add__, &float_add_obj),
    PY_ROM_ENTRY(__bool__, &float_bool_obj),
    PY_ROM_ENTRY(__ceil__, &float_ceil_obj),
    PY_ROM_ENTRY(__divmod__, &float_divmod_obj),
    PY_ROM_ENTRY(__eq__, &float_eq_obj),
    PY_ROM_ENTRY(__float__, &float_float_obj),
    PY_ROM_ENTRY(__floor__, &float_floor_obj),
    PY_ROM_ENTRY(__floordiv__, &float_floordiv_obj),
    PY_ROM_ENTRY(__format__, &float_format_obj),
    PY_ROM_ENTRY(__ge__, &float_ge_obj),
    PY_ROM_ENTRY(__gt__, &float_gt_obj),
    PY_ROM_ENTRY(__hash__, &float_hash_obj),
    PY_ROM_ENTRY(__int__, &float_int_obj),
    PY_ROM_ENTRY(__le__, &float_le_obj),
    PY_ROM_ENTRY(__lt__, &float_lt_obj),
    PY_ROM_ENTRY(__mod__, &float_mod_obj),
    PY_ROM_ENTRY(__mul__, &float_mul_obj),
    PY_ROM_ENTRY(__ne__, &float_ne_obj),
    PY_ROM_ENTRY(__neg__, &float_neg_obj),
    PY_ROM_ENTRY(__new__, &float_new_obj),
    PY_ROM_ENTRY(__pos__, &float_pos_obj),
    PY_ROM_ENTRY(__pow__, &float_pow_obj),
    PY_ROM_ENTRY(__radd__, &float_radd_obj),
    PY_ROM_ENTRY(__rdivmod__, &float_rdivmod_obj),
    PY_ROM_ENTRY(__rfloordiv__, &float_rfloordiv_obj),
    PY_ROM_ENTRY(__rmod__, &float_rmod_obj),
    PY_ROM_ENTRY(__rmul__, &float_rmul_obj),
    PY_ROM_ENTRY(__round__, &float_round_obj),
    PY_ROM_ENTRY(__rpow__, &float_rpow_obj),
    PY_ROM_ENTRY(__rsub__, &float_rsub_obj),
    PY_ROM_ENTRY(__rtruediv__, &float_rtruediv_obj),
    PY_ROM_ENTRY(__sub__, &float_sub_obj),
    PY_ROM_ENTRY(__truediv__, &float_truediv_obj),
    PY_ROM_ENTRY(__trunc__, &float_trunc_obj),
};
static PY_ROM_DICT(float_locals, float_locals_table);

const py_type py_type_float = {
    .base = {&py_type_type},
    .name = PY_QSTR_float,
    .flags = PY_TF_BASETYPE,
    .print = float_print,
    .make_new = float_make_new,
    .unary_op = float_unary_op,
    .binary_op = py_float_binary_op,
    .attr = float_attr,
    .locals = (py_dict *)&float_locals,
    .base_type = &py_type_object,
};

#else // !PY_CFG_FLOAT

// Without floats: no float objects; ints still convert to C doubles for C callers.
py_val py_float_new(double d) {
    (void)d;
    py_raise_msg(&py_type_TypeError, "float is not supported");
}

bool py_float_unwrap(py_val v, double *out) {
    (void)v;
    (void)out;
    return false;
}

bool py_get_float_maybe(py_val v, double *out) {
    py_val i = py_int_unwrap(v);
    if (i == PY_NULL) {
        return false;
    }
    *out = py_int_to_double(i);
    return true;
}

double py_get_float(py_val v) {
    double d;
    if (!py_get_float_maybe(v, &d)) {
        py_raise_fmt(&py_type_TypeError, "must be real number, not %T", v);
    }
    return d;
}

double py_float_pow(double a, double b) {
    (void)a;
    (void)b;
    py_raise_msg(&py_type_TypeError, "float is not supported");
}

void py_float_format(const py_print *p, double d, const char *spec, size_t len) {
    (void)p;
    (void)d;
    (void)spec;
    (void)len;
    py_raise_msg(&py_type_TypeError, "float is not supported");
}

py_val py_float_round(double x, py_val ndigits) {
    (void)ndigits;
    return py_float_new(x);
}

py_val py_number_divmod(py_val a, py_val b) {
    return py_int_divmod(a, b);
}

#endif // PY_CFG_FLOAT
