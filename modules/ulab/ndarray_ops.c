// modules/ulab/ndarray_ops.c: the ndarray's operators (binary_op and unary_op slots).
//
// An operand is an ndarray, a Python number (dtype: ul_scalar_dtype) or a list/tuple (made an
// array, float by ulab's default). Results take ulab's upcasting (ul_upcast), with numpy's
// exceptions: comparisons give bool, / gives float, arithmetic on two bools gives uint8 (ulab)
// while & | ^ keep bool. Integer // and % floor as numpy and give 0 for a zero divisor; ** on
// integers stays integer and wraps. In-place forms write into the left array and, as numpy's
// same_kind casting, refuse a float result into an integer array (TypeError).
//
// Items go through double (exact for every integer dtype here) except on the fast paths: float
// arrays that are contiguous and not broadcast, or Python scalars, for + - * / and comparisons;
// integer operands with an integer result for + - * & | ^ and comparisons.
#include <string.h>

#include "modules/ulab/ndarray_impl.h"
#include "py/runtime.h"

typedef struct operand {
    const ul_array *a; // NULL: the scalar s
    double s;
    int dtype;
} operand;

static bool operand_of(py_val v, operand *o) {
    size_t n;
    py_val *items;
    if (ul_is_array(v)) {
        o->a = (const ul_array *)v;
    } else if (py_get_float_maybe(v, &o->s)) {
        o->a = NULL;
        o->dtype = ul_scalar_dtype(v);
        return true;
    } else if (py_get_items(v, &n, &items) && !py_is_str(v)) {
        o->a = ul_from_obj(v, -1);
    } else {
        return false;
    }
    o->dtype = o->a->dtype;
    return true;
}

static bool is_bitwise(int op) {
    return op >= PY_OP_OR && op <= PY_OP_RSHIFT;
}

static int result_dtype(int op, int x, int y) {
    if (op <= PY_OP_GE) {
        return UL_BOOL;
    }
    if (op == PY_OP_TRUEDIV) {
        return UL_FLOAT;
    }
    int r = ul_upcast(x, y);
    if (is_bitwise(op)) {
        if (r == UL_FLOAT) {
            py_raise_msg(&py_type_TypeError,
                         "bitwise operations are not supported for float arrays");
        }
        return r == UL_BOOL && (op == PY_OP_LSHIFT || op == PY_OP_RSHIFT) ? UL_UINT8 : r;
    }
    return r == UL_BOOL ? UL_UINT8 : r;
}

// x ** y for integers, modulo 2**32 (the items are at most 16 bits: wrapping later is exact).
static double int_pow(double x, double y) {
    if (y < 0) {
        py_raise_msg(&py_type_ValueError, "Integers to negative integer powers are not allowed.");
    }
    uint32_t b = (uint32_t)ul_wrap_int(x), r = 1;
    for (uint64_t e = (uint64_t)y; e; e >>= 1, b *= b) {
        if (e & 1) {
            r *= b;
        }
    }
    return (double)r;
}

static double shift(double x, double y, bool left) {
    int64_t v = ul_wrap_int(x);
    if (y < 0 || y >= 63) {
        return left || v >= 0 ? 0 : -1;
    }
    return left ? (double)(int64_t)((uint64_t)v << (int)y) : (double)(v >> (int)y);
}

// x % y with the sign of y (numpy's and Python's floor modulo); y != 0.
static double floor_mod(double x, double y) {
    double m = fmod(x, y);
    if (m != 0 && ((m < 0) != (y < 0))) {
        m += y;
    }
    return m;
}

static double apply(int op, double x, double y, bool integer) {
    switch (op) {
    case PY_OP_LT: return x < y;
    case PY_OP_GT: return x > y;
    case PY_OP_EQ: return x == y;
    case PY_OP_NE: return x != y;
    case PY_OP_LE: return x <= y;
    case PY_OP_GE: return x >= y;
    case PY_OP_OR: return (double)(ul_wrap_int(x) | ul_wrap_int(y));
    case PY_OP_XOR: return (double)(ul_wrap_int(x) ^ ul_wrap_int(y));
    case PY_OP_AND: return (double)(ul_wrap_int(x) & ul_wrap_int(y));
    case PY_OP_LSHIFT: return shift(x, y, true);
    case PY_OP_RSHIFT: return shift(x, y, false);
    case PY_OP_ADD: return x + y;
    case PY_OP_SUB: return x - y;
    case PY_OP_MUL: return x * y;
    case PY_OP_TRUEDIV: return x / y;
    case PY_OP_FLOORDIV:
        if (y == 0) {
            return integer ? 0 : x / y;
        }
        return integer ? floor(x / y) : (x - floor_mod(x, y)) / y;
    case PY_OP_MOD:
        if (y == 0) {
            return integer ? 0 : NAN;
        }
        return floor_mod(x, y);
    case PY_OP_POW: return integer ? int_pow(x, y) : pow(x, y);
    default: return 0;
    }
}

// A float operand read as a run: its first item and step in items (0 for a scalar); NULL if
// it is not a contiguous float array of n items.
static const double *float_run(const operand *o, size_t n, size_t *step) {
    if (o->a == NULL) {
        *step = 0;
        return &o->s;
    }
    *step = 1;
    if (o->a->dtype != UL_FLOAT || o->a->len != n || !ul_is_contiguous(o->a)) {
        return NULL;
    }
    return (const double *)o->a->data;
}

// The loop of the fast path: `o[i] = x OP y` with x and y each a run or a scalar, written out
// for each case so that the compiler sees unit strides (and can vectorise).
#define FAST_LOOP(o, expr)                                                                         \
    do {                                                                                           \
        if (xs && ys) {                                                                            \
            for (size_t i = 0; i < n; i++) {                                                       \
                double a = x[i], b = y[i];                                                         \
                o[i] = expr;                                                                       \
            }                                                                                      \
        } else if (xs) {                                                                           \
            double b = *y;                                                                         \
            for (size_t i = 0; i < n; i++) {                                                       \
                double a = x[i];                                                                   \
                o[i] = expr;                                                                       \
            }                                                                                      \
        } else {                                                                                   \
            double a = *x;                                                                         \
            for (size_t i = 0; i < n; i++) {                                                       \
                double b = y[i * ys];                                                              \
                o[i] = expr;                                                                       \
            }                                                                                      \
        }                                                                                          \
    } while (0)

static bool fast(int op, const operand *l, const operand *r, ul_array *out) {
    size_t n = out->len, xs, ys;
    const double *x = float_run(l, n, &xs), *y = float_run(r, n, &ys);
    if (!x || !y || !ul_is_contiguous(out)) {
        return false;
    }
    if (op <= PY_OP_GE) {
        if (out->dtype != UL_BOOL) {
            return false;
        }
        uint8_t *o = out->data;
        switch (op) {
        case PY_OP_LT: FAST_LOOP(o, a < b); break;
        case PY_OP_GT: FAST_LOOP(o, a > b); break;
        case PY_OP_LE: FAST_LOOP(o, a <= b); break;
        case PY_OP_GE: FAST_LOOP(o, a >= b); break;
        case PY_OP_EQ: FAST_LOOP(o, a == b); break;
        case PY_OP_NE: FAST_LOOP(o, a != b); break;
        default: return false;
        }
        return true;
    }
    if (out->dtype != UL_FLOAT) {
        return false;
    }
    double *o = (double *)out->data;
    switch (op) {
    case PY_OP_ADD: FAST_LOOP(o, a + b); break;
    case PY_OP_SUB: FAST_LOOP(o, a - b); break;
    case PY_OP_MUL: FAST_LOOP(o, a * b); break;
    case PY_OP_TRUEDIV: FAST_LOOP(o, a / b); break;
    case PY_OP_POW:
        if (ys == 0 && *y == 2) { // x ** 2, the common square
            FAST_LOOP(o, ((void)b, a * a));
            break;
        }
        return false;
    default: return false;
    }
    return true;
}

// Integer items as int32, for the integer path.
static inline int32_t get_int(int dt, const uint8_t *p) {
    switch (dt) {
    case UL_INT8: return *(const int8_t *)p;
    case UL_UINT16: return *(const uint16_t *)p;
    case UL_INT16: return *(const int16_t *)p;
    default: return *p; // bool, uint8
    }
}
static inline void put_int(int dt, uint8_t *p, uint32_t v) {
    switch (dt) {
    case UL_BOOL: *p = v != 0; break;
    case UL_UINT8:
    case UL_INT8: *p = (uint8_t)v; break;
    default: *(uint16_t *)p = (uint16_t)v; break;
    }
}

// Modulo 2**bits, + - * & | ^ give the same bits whether the items are signed or not: dense
// operands (or scalars) as wide as the result run as plain loops over uint8_t or uint16_t.
#define WIDTH_LOOP(T, expr)                                                                        \
    do {                                                                                           \
        T xv = (T)xs, yv = (T)ys, *o = (T *)out->data;                                             \
        const T *x = l->a ? (const T *)l->a->data : &xv, *y = r->a ? (const T *)r->a->data : &yv;  \
        size_t dx = l->a != NULL, dy = r->a != NULL;                                               \
        for (size_t i = 0; i < out->len; i++) {                                                    \
            T a = x[i * dx], b = y[i * dy];                                                        \
            o[i] = (T)(expr);                                                                      \
        }                                                                                          \
    } while (0)
#define WIDTH_OPS(T)                                                                               \
    switch (op) {                                                                                  \
    case PY_OP_ADD: WIDTH_LOOP(T, a + b); break;                                                   \
    case PY_OP_SUB: WIDTH_LOOP(T, a - b); break;                                                   \
    case PY_OP_MUL: WIDTH_LOOP(T, (uint32_t)a *b); break;                                          \
    case PY_OP_AND: WIDTH_LOOP(T, a &b); break;                                                    \
    case PY_OP_OR: WIDTH_LOOP(T, a | b); break;                                                    \
    default: WIDTH_LOOP(T, a ^ b); break;                                                          \
    }

static bool same_width(int op, const operand *l, const operand *r, ul_array *out, int32_t xs,
                       int32_t ys) {
    size_t w = out->itemsize;
    if (op <= PY_OP_NE || out->dtype == UL_BOOL || !ul_is_contiguous(out)) {
        return false;
    }
    const operand *ops[2] = {l, r};
    for (int k = 0; k < 2; k++) {
        const ul_array *a = ops[k]->a;
        if (a && (a->itemsize != w || a->dtype == UL_BOOL || a->len != out->len ||
                  !ul_is_contiguous(a))) {
            return false;
        }
    }
    if (w == 1) {
        WIDTH_OPS(uint8_t);
    } else {
        WIDTH_OPS(uint16_t);
    }
    return true;
}
#undef WIDTH_OPS
#undef WIDTH_LOOP

// Integer operands and an integer (or bool) result, for the operators whose low 16 bits
// modulo 2**32 arithmetic gives exactly: no double at all (soft-float on the Cortex-M3 costs
// more than ten times the integer work). False when the operation is not one of them.
static bool integer_path(int op, const operand *l, const operand *r, ul_array *out) {
    if (l->dtype == UL_FLOAT || r->dtype == UL_FLOAT || out->dtype == UL_FLOAT) {
        return false;
    }
    if (!(op <= PY_OP_NE || op == PY_OP_ADD || op == PY_OP_SUB || op == PY_OP_MUL ||
          op == PY_OP_AND || op == PY_OP_OR || op == PY_OP_XOR)) {
        return false;
    }
    int32_t xs = l->a ? 0 : (int32_t)l->s, ys = r->a ? 0 : (int32_t)r->s;
    if (same_width(op, l, r, out, xs, ys)) {
        return true;
    }
    // dense operands of the output's length step by their item size; others walk
    bool dense = ul_is_contiguous(out) &&
                 (!l->a || (l->a->len == out->len && ul_is_contiguous(l->a))) &&
                 (!r->a || (r->a->len == out->len && ul_is_contiguous(r->a)));
    ul_walk wo, wl, wr;
    ul_walk_init(&wo, out);
    if (l->a) {
        ul_walk_init_bc(&wl, l->a, out->ndim, out->shape);
    }
    if (r->a) {
        ul_walk_init_bc(&wr, r->a, out->ndim, out->shape);
    }
    size_t sl = l->a ? l->a->itemsize : 0, sr = r->a ? r->a->itemsize : 0, so = out->itemsize;
    int dl = l->dtype, dr = r->dtype, dout = out->dtype;
    // one loop for each operator (the switch outside it)
#define INT_LOOP(expr)                                                                             \
    for (size_t i = 0; i < out->len; i++) {                                                        \
        int32_t x = l->a ? get_int(dl, wl.p) : xs;                                                 \
        int32_t y = r->a ? get_int(dr, wr.p) : ys;                                                 \
        put_int(dout, wo.p, (uint32_t)(expr));                                                     \
        if (dense) {                                                                               \
            wo.p += so, wl.p += sl, wr.p += sr;                                                    \
        } else {                                                                                   \
            ul_walk_next(&wo);                                                                     \
            if (l->a) {                                                                            \
                ul_walk_next(&wl);                                                                 \
            }                                                                                      \
            if (r->a) {                                                                            \
                ul_walk_next(&wr);                                                                 \
            }                                                                                      \
        }                                                                                          \
    }
    switch (op) {
    case PY_OP_LT: INT_LOOP(x < y); break;
    case PY_OP_GT: INT_LOOP(x > y); break;
    case PY_OP_EQ: INT_LOOP(x == y); break;
    case PY_OP_NE: INT_LOOP(x != y); break;
    case PY_OP_LE: INT_LOOP(x <= y); break;
    case PY_OP_GE: INT_LOOP(x >= y); break;
    case PY_OP_ADD: INT_LOOP((uint32_t)x + (uint32_t)y); break;
    case PY_OP_SUB: INT_LOOP((uint32_t)x - (uint32_t)y); break;
    case PY_OP_MUL: INT_LOOP((uint32_t)x * (uint32_t)y); break;
    case PY_OP_AND: INT_LOOP(x & y); break;
    case PY_OP_OR: INT_LOOP(x | y); break;
    default: INT_LOOP(x ^ y); break;
    }
#undef INT_LOOP
    return true;
}

static void compute(int op, const operand *l, const operand *r, ul_array *out, int dt) {
    if (fast(op, l, r, out) || integer_path(op, l, r, out)) {
        return;
    }
    bool integer = dt != UL_FLOAT;
    ul_walk wo, wl, wr;
    ul_walk_init(&wo, out);
    if (l->a) {
        ul_walk_init_bc(&wl, l->a, out->ndim, out->shape);
    }
    if (r->a) {
        ul_walk_init_bc(&wr, r->a, out->ndim, out->shape);
    }
    for (size_t i = 0; i < out->len; i++) {
        double x = l->a ? ul_get(l->a->dtype, wl.p) : l->s;
        double y = r->a ? ul_get(r->a->dtype, wr.p) : r->s;
        ul_put(out->dtype, wo.p, apply(op, x, y, integer));
        ul_walk_next(&wo);
        if (l->a) {
            ul_walk_next(&wl);
        }
        if (r->a) {
            ul_walk_next(&wr);
        }
    }
}

// `x in a` for a number x: whether some item equals it.
static py_val contains(const ul_array *a, py_val v) {
    double d;
    if (ul_is_array(v) || !py_get_float_maybe(v, &d)) {
        return PY_NULL;
    }
    ul_walk w;
    ul_walk_init(&w, a);
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w)) {
        if (ul_get(a->dtype, w.p) == d) {
            return PY_TRUE;
        }
    }
    return PY_FALSE;
}

// numpy's same_kind casting of an in-place result: float into an integer array, or anything
// but bool into a bool array, is refused.
static void check_cast(int result, int into) {
    if ((result == UL_FLOAT && into != UL_FLOAT) || (into == UL_BOOL && result != UL_BOOL)) {
        py_raise_fmt(&py_type_TypeError,
                     "Cannot cast ufunc output from dtype('%s') to dtype('%s') with casting "
                     "rule 'same_kind'",
                     ul_dtype_name(result), ul_dtype_name(into));
    }
}

py_val ul_ndarray_binary_op(int op, py_val lhs, py_val rhs) {
    if (op == PY_OP_CONTAINS) {
        return contains((const ul_array *)lhs, rhs);
    }
    int plain = op <= PY_OP_GE ? op : py_op_plain(op);
    if (plain == PY_OP_MATMUL) {
        return PY_NULL;
    }
    operand l, r;
    if (!operand_of(rhs, &r)) {
        return PY_NULL;
    }
    operand_of(lhs, &l);
    if (op >= PY_OP_ROR) { // reflected: rhs is the left operand of the expression
        operand t = l;
        l = r;
        r = t;
    }
    int dt = result_dtype(plain, l.dtype, r.dtype);
    size_t shape[UL_MAX_DIMS];
    int nd;
    if (l.a && r.a) {
        nd = ul_broadcast_shape(l.a, r.a, shape);
    } else {
        const ul_array *a = l.a ? l.a : r.a;
        nd = a->ndim;
        memcpy(shape, a->shape, sizeof(shape));
    }
    if (op >= PY_OP_IOR && op <= PY_OP_IPOW) {
        ul_array *out = (ul_array *)lhs;
        ul_check_writable(out);
        check_cast(dt, out->dtype);
        if (nd != out->ndim || memcmp(shape, out->shape, (size_t)nd * sizeof(size_t)) != 0) {
            py_raise_msg(&py_type_ValueError,
                         "non-broadcastable output operand with shape doesn't match the "
                         "broadcast shape");
        }
        if (r.a && r.a != out && r.a->mem && r.a->mem == out->mem) {
            r.a = ul_copy(r.a, -1); // an overlapping view: read it all before writing
        }
        compute(plain, &l, &r, out, dt);
        return lhs;
    }
    ul_array *out = ul_new(dt, nd, shape);
    compute(plain, &l, &r, out, dt);
    return (py_val)out;
}

// ---- unary operators ------------------------------------------------------------------------
static double neg(double x) {
    return -x;
}
static double pos(double x) {
    return x;
}
static double not_bool(double x) {
    return x == 0;
}
static double invert(double x) {
    return (double)~ul_wrap_int(x);
}

static ul_array *map(const ul_array *a, double (*f)(double)) {
    ul_array *out = ul_new(a->dtype, a->ndim, a->shape);
    ul_walk w;
    ul_walk_init(&w, a);
    uint8_t *o = out->data;
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w), o += out->itemsize) {
        ul_put(a->dtype, o, f(ul_get(a->dtype, w.p)));
    }
    return out;
}

// The one item of a; TypeError as numpy for more or none.
static double only_item(const ul_array *a) {
    if (a->len != 1) {
        py_raise_msg(&py_type_TypeError, "only length-1 arrays can be converted to Python "
                                         "scalars");
    }
    return ul_get(a->dtype, a->data);
}

py_val ul_ndarray_unary_op(int op, py_val self) {
    const ul_array *a = (const ul_array *)self;
    switch (op) {
    case PY_UOP_BOOL:
        if (a->len > 1) {
            py_raise_msg(&py_type_ValueError, "The truth value of an array with more than one "
                                              "element is ambiguous. Use a.any() or a.all()");
        }
        return py_bool(a->len && ul_get(a->dtype, a->data) != 0);
    case PY_UOP_LEN: return py_int_from((py_int_t)a->shape[0]);
    case PY_UOP_POS: return (py_val)map(a, pos);
    case PY_UOP_NEG:
        if (a->dtype == UL_BOOL) {
            py_raise_msg(&py_type_TypeError, "the - operator is not supported for bool "
                                             "arrays; use ~ instead");
        }
        return (py_val)map(a, neg);
    case PY_UOP_ABS: return (py_val)map(a, fabs);
    case PY_UOP_INVERT:
        if (a->dtype == UL_FLOAT) {
            py_raise_msg(&py_type_TypeError, "the ~ operator is not supported for float arrays");
        }
        return (py_val)map(a, a->dtype == UL_BOOL ? not_bool : invert);
    case PY_UOP_INT: return py_int_from_double(only_item(a));
    case PY_UOP_FLOAT: return py_float_new(only_item(a));
    default: return PY_NULL;
    }
}
