// modules/ulab/core.c: the helpers of ulab.h: dtypes and their objects, allocation, conversion
// from and to Python values, walks, broadcasting and lanes along an axis.
#include <string.h>

#include "modules/ulab/ulab.h"
#include "py/gc.h"
#include "py/objfloat.h"
#include "py/objlist.h"
#include "py/runtime.h"

const uint8_t ul_itemsize[UL_NDTYPES] = {1, 1, 1, 2, 2, sizeof(double)};
const char ul_code[UL_NDTYPES] = {'?', 'B', 'b', 'H', 'h', 'd'};
static const char *const dtype_names[UL_NDTYPES] = {"bool",   "uint8", "int8",
                                                    "uint16", "int16", "float64"};

const char *ul_dtype_name(int dtype) {
    return dtype_names[dtype];
}

// ---- dtype objects --------------------------------------------------------------------------
typedef struct dtype_obj {
    py_obj base;
    uint8_t dtype;
} dtype_obj;

static const dtype_obj dtype_objs[UL_NDTYPES] = {
    {{&ul_dtype_type}, UL_BOOL},   {{&ul_dtype_type}, UL_UINT8}, {{&ul_dtype_type}, UL_INT8},
    {{&ul_dtype_type}, UL_UINT16}, {{&ul_dtype_type}, UL_INT16}, {{&ul_dtype_type}, UL_FLOAT},
};

py_val ul_dtype_obj(int dtype) {
    return (py_val)&dtype_objs[dtype];
}

static int dtype_of_code(py_int_t c) {
    for (int i = 0; i < UL_NDTYPES; i++) {
        if (ul_code[i] == c) {
            return i;
        }
    }
    return -1;
}

int ul_dtype_arg(py_val v, int dflt) {
    if (v == PY_NULL || v == PY_NONE) {
        return dflt;
    }
    if (py_is_obj(v) && v->type == &ul_dtype_type) {
        return ((const dtype_obj *)v)->dtype;
    }
    if (py_is_small(v) && dtype_of_code(py_small_get(v)) >= 0) {
        return dtype_of_code(py_small_get(v));
    }
    py_raise_msg(&py_type_TypeError, "data type not understood");
}

static void dtype_print(const py_print *p, py_val self, int kind) {
    const char *name = dtype_names[((const dtype_obj *)self)->dtype];
    if (kind == PY_PRINT_REPR) {
        py_printf(p, "dtype('%s')", name);
    } else {
        py_printf(p, "%s", name);
    }
}

static py_val dtype_unary_op(int op, py_val self) {
    if (op == PY_UOP_HASH) {
        return py_small(ul_code[((const dtype_obj *)self)->dtype]);
    }
    return PY_NULL;
}

static py_val dtype_binary_op(int op, py_val lhs, py_val rhs) {
    if (op != PY_OP_EQ && op != PY_OP_NE) {
        return PY_NULL;
    }
    int other = -1;
    if (py_is_obj(rhs) && rhs->type == &ul_dtype_type) {
        other = ((const dtype_obj *)rhs)->dtype;
    } else if (py_is_small(rhs)) {
        other = dtype_of_code(py_small_get(rhs));
    }
    bool eq = other == ((const dtype_obj *)lhs)->dtype;
    return py_bool(op == PY_OP_EQ ? eq : !eq);
}

static void dtype_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_NULL) {
        return;
    }
    int dt = ((const dtype_obj *)self)->dtype;
    if (attr == PY_QSTR_itemsize) {
        dest[0] = py_small(ul_itemsize[dt]);
    } else if (attr == PY_QSTR_name) {
        dest[0] = py_str_from_cstr(dtype_names[dt]);
    } else if (attr == PY_QSTR_char) {
        dest[0] = py_str_new(&ul_code[dt], 1);
    }
}

const py_type ul_dtype_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_dtype,
    .print = dtype_print,
    .unary_op = dtype_unary_op,
    .binary_op = dtype_binary_op,
    .attr = dtype_attr,
    .base_type = &py_type_object,
};

// ---- upcasting ------------------------------------------------------------------------------
// ulab's table (docs/ulab.md): B = uint8, b = int8, H = uint16, h = int16, f = float.
static const uint8_t upcast[UL_NDTYPES][UL_NDTYPES] = {
    //           bool       uint8      int8       uint16     int16      float
    /* bool */ {UL_BOOL, UL_UINT8, UL_INT8, UL_UINT16, UL_INT16, UL_FLOAT},
    /* B */ {UL_UINT8, UL_UINT8, UL_INT16, UL_UINT16, UL_INT16, UL_FLOAT},
    /* b */ {UL_INT8, UL_INT16, UL_INT8, UL_UINT16, UL_INT16, UL_FLOAT},
    /* H */ {UL_UINT16, UL_UINT16, UL_UINT16, UL_UINT16, UL_FLOAT, UL_FLOAT},
    /* h */ {UL_INT16, UL_INT16, UL_INT16, UL_FLOAT, UL_INT16, UL_FLOAT},
    /* f */ {UL_FLOAT, UL_FLOAT, UL_FLOAT, UL_FLOAT, UL_FLOAT, UL_FLOAT},
};

int ul_upcast(int a, int b) {
    return upcast[a][b];
}

int ul_scalar_dtype(py_val v) {
    if (v == PY_TRUE || v == PY_FALSE) {
        return UL_BOOL;
    }
    if (py_is_small(v)) {
        py_int_t i = py_small_get(v);
        return i >= 0 ? (i <= 255     ? UL_UINT8
                         : i <= 65535 ? UL_UINT16
                                      : UL_FLOAT)
                      : (i >= -128     ? UL_INT8
                         : i >= -32768 ? UL_INT16
                                       : UL_FLOAT);
    }
    double d;
    return py_is_int(v) || py_float_unwrap(v, &d) ? UL_FLOAT : -1;
}

// ---- items ---------------------------------------------------------------------------------
int64_t ul_wrap_int(double v) {
    if (!isfinite(v)) {
        return 0;
    }
    if (fabs(v) < 9.2e18) {
        return (int64_t)v;
    }
    v = fmod(trunc(v), 18446744073709551616.0); // 2**64
    if (v < 0) {
        v += 18446744073709551616.0;
    }
    return v >= 9223372036854775808.0 ? (int64_t)(v - 18446744073709551616.0) : (int64_t)v;
}

py_val ul_item_obj(int dt, const uint8_t *p) {
    switch (dt) {
    case UL_BOOL: return py_bool(*p != 0);
    case UL_FLOAT: return py_float_new(*(const double *)p);
    default: return py_small((py_int_t)ul_get(dt, p));
    }
}

// The value of a Python number (int, float, bool) as a double; TypeError for anything else.
static double number(py_val v) {
    double d;
    if (ul_is_array(v) || !py_get_float_maybe(v, &d)) {
        py_raise_fmt(&py_type_TypeError, "can't convert %s to a number",
                     py_qstr_str(py_type_qname(py_typeof(v))));
    }
    return d;
}

void ul_put_obj(int dt, uint8_t *p, py_val v) {
    ul_put(dt, p, number(v));
}

// ---- arrays ---------------------------------------------------------------------------------
void ul_set_strides(ul_array *a) {
    ptrdiff_t s = a->itemsize;
    for (int d = a->ndim; d-- > 0;) {
        a->strides[d] = s;
        s *= (ptrdiff_t)a->shape[d];
    }
}

bool ul_is_contiguous(const ul_array *a) {
    ptrdiff_t s = a->itemsize;
    for (int d = a->ndim; d-- > 0;) {
        if (a->shape[d] != 1 && a->strides[d] != s) {
            return a->len == 0;
        }
        s *= (ptrdiff_t)a->shape[d];
    }
    return true;
}

ul_array *ul_new(int dtype, int ndim, const size_t *shape) {
    if (ndim < 1 || ndim > UL_MAX_DIMS) {
        py_raise_msg(&py_type_ValueError, "maximum number of dimensions is 4");
    }
    size_t len = 1, isz = ul_itemsize[dtype];
    for (int d = 0; d < ndim; d++) {
        if ((ptrdiff_t)shape[d] < 0) {
            py_raise_msg(&py_type_ValueError, "negative dimensions are not allowed");
        }
        if (shape[d] && len > (PTRDIFF_MAX / isz) / shape[d]) {
            py_raise_msg(&py_type_ValueError, "array is too big");
        }
        len *= shape[d];
    }
    ul_array *a = py_new(ul_array, &ul_ndarray_type);
    a->dtype = (uint8_t)dtype;
    a->ndim = (uint8_t)ndim;
    a->itemsize = (uint8_t)isz;
    a->len = len;
    memcpy(a->shape, shape, (size_t)ndim * sizeof(size_t));
    ul_set_strides(a);
    if (len) {
        a->data = py_gc_alloc(len * isz, PY_GC_LEAF);
        a->mem = a->data;
    }
    return a;
}

ul_array *ul_new1(int dtype, size_t n) {
    return ul_new(dtype, 1, &n);
}

ul_array *ul_view(const ul_array *a) {
    ul_array *v = py_new(ul_array, &ul_ndarray_type);
    *v = *a;
    return v;
}

ul_array *ul_copy(const ul_array *a, int dtype) {
    if (dtype < 0) {
        dtype = a->dtype;
    }
    ul_array *c = ul_new(dtype, a->ndim, a->shape);
    if (dtype == a->dtype && ul_is_contiguous(a)) {
        py_memcpy(c->data, a->data, a->len * a->itemsize);
        return c;
    }
    ul_walk w;
    ul_walk_init(&w, a);
    uint8_t *o = c->data;
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w), o += c->itemsize) {
        ul_put(dtype, o, ul_get(a->dtype, w.p));
    }
    return c;
}

ul_array *ul_dense(ul_array *a, int dtype) {
    if ((dtype < 0 || dtype == a->dtype) && ul_is_contiguous(a)) {
        return a;
    }
    return ul_copy(a, dtype);
}

ul_array *ul_flat(ul_array *a) {
    if (a->ndim == 1 && ul_is_contiguous(a)) {
        return a;
    }
    ul_array *f = ul_copy(a, -1);
    f->ndim = 1;
    f->shape[0] = f->len;
    f->shape[1] = f->shape[2] = f->shape[3] = 0;
    ul_set_strides(f);
    return f;
}

void ul_check_writable(const ul_array *a) {
    if (a->flags & UL_READONLY) {
        py_raise_msg(&py_type_ValueError, "assignment destination is read-only");
    }
}

void ul_assign(ul_array *dst, const ul_array *src) {
    ul_check_writable(dst);
    size_t shape[UL_MAX_DIMS];
    int nd = ul_broadcast_shape(dst, src, shape);
    if (nd != dst->ndim || memcmp(shape, dst->shape, (size_t)nd * sizeof(size_t)) != 0) {
        py_raise_msg(&py_type_ValueError, "could not broadcast input array into the shape");
    }
    if (src->mem && src->mem == dst->mem) {
        src = ul_copy(src, -1); // overlapping views: read everything before writing
    }
    ul_walk wd, ws;
    ul_walk_init(&wd, dst);
    ul_walk_init_bc(&ws, src, dst->ndim, dst->shape);
    for (size_t i = 0; i < dst->len; i++, ul_walk_next(&wd), ul_walk_next(&ws)) {
        if (dst->dtype == src->dtype) {
            memcpy(wd.p, ws.p, dst->itemsize);
        } else {
            ul_put(dst->dtype, wd.p, ul_get(src->dtype, ws.p));
        }
    }
}

// ---- from Python values ----------------------------------------------------------------------
// The items of a sequence level: a list or tuple as it is, an ndarray or other iterable as a
// list. False if v is not iterable (a leaf).
static bool level_items(py_val v, size_t *n, py_val **items) {
    if (ul_is_array(v)) {
        v = ul_tolist((const ul_array *)v);
    } else if (py_is_str(v)) {
        py_raise_msg(&py_type_ValueError, "could not convert string to float");
    } else if (!py_get_items(v, n, items)) {
        const py_type *t = py_typeof(v);
        if (t == &py_type_int || t == &py_type_float || t == &py_type_bool || !t->getiter) {
            return false;
        }
        py_val l = py_list_new(0, NULL);
        py_list_extend(l, v);
        v = l;
    }
    py_get_items(v, n, items);
    return true;
}

typedef struct fill_ctx {
    int ndim;
    size_t shape[UL_MAX_DIMS];
    bool all_bool;
    ul_array *out;
    uint8_t *p;
} fill_ctx;

static _Noreturn void inhomogeneous(void) {
    py_raise_msg(&py_type_ValueError, "setting an array element with a sequence: the "
                                      "requested array has an inhomogeneous shape");
}

// First pass: the shape, from the first item of every level.
static void find_shape(fill_ctx *c, py_val v) {
    size_t n;
    py_val *items;
    while (level_items(v, &n, &items)) {
        if (c->ndim == UL_MAX_DIMS) {
            py_raise_msg(&py_type_ValueError, "maximum number of dimensions is 4");
        }
        c->shape[c->ndim++] = n;
        if (n == 0) {
            return;
        }
        v = items[0];
    }
}

// Second pass: every level has the length the first pass found; the leaves are numbers.
static void fill(fill_ctx *c, py_val v, int depth, bool store) {
    size_t n;
    py_val *items;
    bool seq = level_items(v, &n, &items);
    if (depth == c->ndim) {
        if (seq) {
            inhomogeneous();
        }
        if (v != PY_TRUE && v != PY_FALSE) {
            c->all_bool = false;
        }
        if (store) {
            ul_put_obj(c->out->dtype, c->p, v);
            c->p += c->out->itemsize;
        } else {
            number(v); // a TypeError before anything is allocated
        }
        return;
    }
    if (!seq || n != c->shape[depth]) {
        inhomogeneous();
    }
    for (size_t i = 0; i < n; i++) {
        fill(c, items[i], depth + 1, store);
    }
}

ul_array *ul_from_obj(py_val v, int dtype) {
    if (ul_is_array(v)) {
        return ul_copy((const ul_array *)v, dtype);
    }
    fill_ctx c = {0};
    c.all_bool = true;
    find_shape(&c, v);
    if (c.ndim == 0) { // a number: one item
        c.shape[c.ndim++] = 1;
        v = py_list_new(1, &v);
    }
    fill(&c, v, 0, false);
    if (dtype < 0) {
        dtype = c.all_bool && c.shape[c.ndim - 1] ? UL_BOOL : UL_FLOAT;
    }
    c.out = ul_new(dtype, c.ndim, c.shape);
    c.p = c.out->data;
    if (c.out->len) {
        fill(&c, v, 0, true);
    }
    return c.out;
}

ul_array *ul_arg(py_val v, int dtype) {
    if (ul_is_array(v)) {
        return (ul_array *)v;
    }
    if (dtype < 0) {
        dtype = ul_scalar_dtype(v); // -1 (float) for a sequence
    }
    return ul_from_obj(v, dtype);
}

static py_val tolist_level(const ul_array *a, const uint8_t *p, int d) {
    py_val l = py_list_new(a->shape[d], NULL);
    py_list *lst = (py_list *)l;
    for (size_t i = 0; i < a->shape[d]; i++, p += a->strides[d]) {
        lst->items[i] = d + 1 == a->ndim ? ul_item_obj(a->dtype, p) : tolist_level(a, p, d + 1);
    }
    return l;
}

py_val ul_tolist(const ul_array *a) {
    return tolist_level(a, a->data, 0);
}

// ---- walks ----------------------------------------------------------------------------------
void ul_walk_init(ul_walk *w, const ul_array *a) {
    w->p = a->data;
    w->ndim = a->ndim;
    for (int d = 0; d < a->ndim; d++) {
        w->shape[d] = a->shape[d];
        w->strides[d] = a->strides[d];
        w->idx[d] = 0;
    }
}

void ul_walk_init_bc(ul_walk *w, const ul_array *a, int ndim, const size_t *shape) {
    w->p = a->data;
    w->ndim = ndim;
    for (int d = 0; d < ndim; d++) {
        int ad = d - (ndim - a->ndim);
        w->shape[d] = shape[d];
        w->strides[d] = ad < 0 || a->shape[ad] != shape[d] ? 0 : a->strides[ad];
        w->idx[d] = 0;
    }
}

void ul_walk_carry(ul_walk *w) {
    for (int d = w->ndim - 1; d > 0 && w->idx[d] >= w->shape[d]; d--) {
        w->p -= w->strides[d] * (ptrdiff_t)w->shape[d];
        w->idx[d] = 0;
        w->p += w->strides[d - 1];
        w->idx[d - 1]++;
    }
}

int ul_broadcast_shape(const ul_array *a, const ul_array *b, size_t *shape) {
    int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
    for (int d = 0; d < nd; d++) {
        int da = d - (nd - a->ndim), db = d - (nd - b->ndim);
        size_t sa = da < 0 ? 1 : a->shape[da], sb = db < 0 ? 1 : b->shape[db];
        if (sa != sb && sa != 1 && sb != 1) {
            py_raise_msg(&py_type_ValueError, "operands could not be broadcast together");
        }
        shape[d] = sa == 1 ? sb : sa;
    }
    return nd;
}

// ---- axes ----------------------------------------------------------------------------------
int ul_axis_arg(py_val axis, int ndim) {
    if (axis == PY_NULL || axis == PY_NONE) {
        return -1;
    }
    py_int_t k = py_get_int(axis);
    if (k < 0) {
        k += ndim;
    }
    if (k < 0 || k >= ndim) {
        py_raise_msg(&py_type_ValueError, "axis is out of bounds");
    }
    return (int)k;
}

int ul_shape_without(const ul_array *a, int axis, size_t *shape) {
    int n = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (d != axis) {
            shape[n++] = a->shape[d];
        }
    }
    return n;
}

void ul_lanes(const ul_array *a, int axis, ul_lane_fn fn, void *ctx) {
    if (axis < 0) {
        if (a->ndim == 1) {
            fn(ctx, a->data, a->len, a->strides[0], 0);
            return;
        }
        a = ul_dense((ul_array *)a, -1);
        fn(ctx, a->data, a->len, a->itemsize, 0);
        return;
    }
    // a walk over the other dimensions; each step is one lane's first item
    ul_array rest = *a;
    rest.ndim = 0;
    rest.len = 1;
    for (int d = 0; d < a->ndim; d++) {
        if (d != axis) {
            rest.shape[rest.ndim] = a->shape[d];
            rest.strides[rest.ndim++] = a->strides[d];
            rest.len *= a->shape[d];
        }
    }
    if (rest.ndim == 0) {
        fn(ctx, a->data, a->shape[axis], a->strides[axis], 0);
        return;
    }
    ul_walk w;
    ul_walk_init(&w, &rest);
    for (size_t k = 0; k < rest.len; k++, ul_walk_next(&w)) {
        fn(ctx, w.p, a->shape[axis], a->strides[axis], k);
    }
}

// ---- element-wise ---------------------------------------------------------------------------
py_val ul_map_float(py_val arg, double (*f)(double)) {
    double d;
    if (!ul_is_array(arg) && py_get_float_maybe(arg, &d)) {
        return py_float_new(f(d));
    }
    const ul_array *a = ul_arg(arg, UL_FLOAT);
    ul_array *out = ul_new(UL_FLOAT, a->ndim, a->shape);
    double *o = (double *)out->data;
    if (a->dtype == UL_FLOAT && ul_is_contiguous(a)) { // the common case, without the walk
        const double *x = (const double *)a->data;
        for (size_t i = 0; i < a->len; i++) {
            o[i] = f(x[i]);
        }
        return (py_val)out;
    }
    ul_walk w;
    ul_walk_init(&w, a);
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w)) {
        o[i] = f(ul_get(a->dtype, w.p));
    }
    return (py_val)out;
}
