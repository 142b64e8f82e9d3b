// modules/ulab/ndarray.c: the ndarray type: printing, attributes, methods, iteration and the
// buffer protocol. Indexing is in ndarray_index.c, operators in ndarray_ops.c.
//
// Views (.T, transpose, reshape of a contiguous array, iteration rows) share the items; copies
// (flatten, copy, astype, reshape of a strided array) are contiguous. The buffer protocol
// exports contiguous arrays only: a strided view has no single run of bytes.
#include <string.h>

#include "modules/ulab/ndarray_impl.h"
#include "py/runtime.h"

// ulab's defaults: a dimension longer than THRESHOLD prints EDGEITEMS items at each end.
#define PRINT_THRESHOLD 10
#define PRINT_EDGEITEMS 3
#define SPACES "            " // indentation of rows: 7 + depth < 12

// ---- printing -------------------------------------------------------------------------------
// ulab's format: array([1.0, 2.0], dtype=float64); rows of 2-D and more on their own lines.
static void print_level(const py_print *p, const ul_array *a, const uint8_t *q, int d) {
    py_printf(p, "[");
    size_t n = a->shape[d];
    bool shorten = n > PRINT_THRESHOLD;
    bool last = d + 1 == a->ndim;
    for (size_t i = 0; i < n; i++) {
        if (shorten && i == PRINT_EDGEITEMS) {
            py_printf(p, last ? ", ..." : ",\n%.*s...", 7 + d, SPACES);
            i = n - PRINT_EDGEITEMS;
        }
        if (i && last) {
            py_printf(p, ", ");
        } else if (i) {
            py_printf(p, ",\n%.*s", 7 + d, SPACES);
        }
        const uint8_t *item = q + (ptrdiff_t)i * a->strides[d];
        if (last) {
            py_print_val(p, ul_item_obj(a->dtype, item), PY_PRINT_REPR);
        } else {
            print_level(p, a, item, d + 1);
        }
    }
    py_printf(p, "]");
}

static void ndarray_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    const ul_array *a = (const ul_array *)self;
    py_printf(p, "array(");
    print_level(p, a, a->data, 0);
    py_printf(p, ", dtype=%s)", ul_dtype_name(a->dtype));
}

// ---- shapes ---------------------------------------------------------------------------------
static py_val size_tuple(int n, const size_t *v) {
    py_val t = py_tuple_new((size_t)n, NULL);
    for (int d = 0; d < n; d++) {
        ((py_tuple *)t)->items[d] = py_int_from((py_int_t)v[d]);
    }
    return t;
}

int ul_shape_arg(py_val v, size_t *shape) {
    size_t n;
    py_val *items;
    if (!py_is_int(v) && py_get_items(v, &n, &items)) {
        if (n < 1 || n > UL_MAX_DIMS) {
            py_raise_msg(&py_type_ValueError, "maximum number of dimensions is 4");
        }
    } else {
        n = 1;
        items = &v;
    }
    for (size_t d = 0; d < n; d++) {
        py_int_t k = py_get_int(items[d]);
        if (k < 0) {
            py_raise_msg(&py_type_ValueError, "negative dimensions are not allowed");
        }
        shape[d] = (size_t)k;
    }
    return (int)n;
}

// A view with the axes of a in the order `perm`.
static ul_array *permuted(const ul_array *a, const int *perm) {
    ul_array *t = ul_view(a);
    for (int d = 0; d < a->ndim; d++) {
        t->shape[d] = a->shape[perm[d]];
        t->strides[d] = a->strides[perm[d]];
    }
    return t;
}

static ul_array *transposed(const ul_array *a) {
    int perm[UL_MAX_DIMS];
    for (int d = 0; d < a->ndim; d++) {
        perm[d] = a->ndim - 1 - d;
    }
    return permuted(a, perm);
}

static void ndarray_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_NULL) {
        return;
    }
    const ul_array *a = (const ul_array *)self;
    switch (attr) {
    case PY_QSTR_shape: dest[0] = size_tuple(a->ndim, a->shape); break;
    case PY_QSTR_size: dest[0] = py_int_from((py_int_t)a->len); break;
    case PY_QSTR_ndim: dest[0] = py_small(a->ndim); break;
    case PY_QSTR_itemsize: dest[0] = py_small(a->itemsize); break;
    case PY_QSTR_dtype: dest[0] = ul_dtype_obj(a->dtype); break;
    case PY_QSTR_T: dest[0] = (py_val)transposed(a); break;
    case PY_QSTR_strides: {
        py_val t = py_tuple_new(a->ndim, NULL);
        for (int d = 0; d < a->ndim; d++) {
            ((py_tuple *)t)->items[d] = py_int_from(a->strides[d]);
        }
        dest[0] = t;
        break;
    }
    default: break;
    }
}

// ---- methods ---------------------------------------------------------------------------------
static py_val ndarray_tolist(py_val self) {
    return ul_tolist((const ul_array *)self);
}
static PY_FN_OBJ_1(ndarray_tolist_obj, tolist, ndarray_tolist);

static py_val ndarray_copy(py_val self) {
    return (py_val)ul_copy((const ul_array *)self, -1);
}
static PY_FN_OBJ_1(ndarray_copy_obj, copy, ndarray_copy);

static py_val ndarray_astype(py_val self, py_val dtype) {
    return (py_val)ul_copy((const ul_array *)self, ul_dtype_arg(dtype, UL_FLOAT));
}
static PY_FN_OBJ_2(ndarray_astype_obj, astype, ndarray_astype);

static py_val ndarray_tobytes(py_val self) {
    const ul_array *a = ul_dense((ul_array *)self, -1);
    return py_bytes_new(a->len ? (const void *)a->data : "", a->len * a->itemsize);
}
static PY_FN_OBJ_1(ndarray_tobytes_obj, tobytes, ndarray_tobytes);

// flatten(order='C'): a 1-D copy; 'F' walks the transpose.
static py_val ndarray_flatten(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_order, 0, PY_NULL}};
    py_val order;
    py_arg_parse("flatten", n_args, n_kw, args, 1, spec, 1, &order);
    const ul_array *a = (const ul_array *)args[0];
    const char *o = order == PY_NULL ? "C" : py_get_str(order, NULL);
    if (strcmp(o, "C") != 0 && strcmp(o, "F") != 0) {
        py_raise_msg(&py_type_ValueError, "flatten order must be one of 'C' or 'F'");
    }
    ul_array *c = ul_copy(o[0] == 'F' ? transposed(a) : a, -1);
    c->ndim = 1;
    c->shape[0] = c->len;
    for (int d = 1; d < UL_MAX_DIMS; d++) {
        c->shape[d] = 0;
    }
    ul_set_strides(c);
    return (py_val)c;
}
static PY_FN_OBJ_KW(ndarray_flatten_obj, flatten, ndarray_flatten);

// reshape(shape) or reshape(d0, d1, ...); one dimension may be -1.
static py_val ndarray_reshape(size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("reshape", n_kw);
    if (n_args < 2) {
        py_raise_msg(&py_type_TypeError, "reshape() takes a shape");
    }
    ul_array *a = (ul_array *)args[0];
    size_t n;
    py_val *items;
    if (n_args == 2 && !py_is_int(args[1]) && py_get_items(args[1], &n, &items)) {
    } else {
        n = n_args - 1;
        items = (py_val *)&args[1];
    }
    if (n < 1 || n > UL_MAX_DIMS) {
        py_raise_msg(&py_type_ValueError, "maximum number of dimensions is 4");
    }
    size_t shape[UL_MAX_DIMS], known = 1;
    int unknown = -1;
    for (size_t d = 0; d < n; d++) {
        py_int_t k = py_get_int(items[d]);
        if (k == -1 && unknown < 0) {
            unknown = (int)d;
            shape[d] = 1;
            continue;
        }
        if (k < 0) {
            py_raise_msg(&py_type_ValueError, "negative dimensions are not allowed");
        }
        shape[d] = (size_t)k;
        known *= shape[d];
    }
    if (unknown >= 0 && known && a->len % known == 0) {
        shape[unknown] = a->len / known;
        known = a->len;
    }
    if (known != a->len) {
        py_raise_fmt(&py_type_ValueError, "cannot reshape array of size %u into shape %r",
                     (unsigned)a->len, py_tuple_new(n, items));
    }
    ul_array *r = ul_is_contiguous(a) ? ul_view(a) : ul_copy(a, -1);
    r->ndim = (uint8_t)n;
    for (int d = 0; d < UL_MAX_DIMS; d++) {
        r->shape[d] = d < (int)n ? shape[d] : 0;
    }
    ul_set_strides(r);
    return (py_val)r;
}
static PY_FN_OBJ_KW(ndarray_reshape_obj, reshape, ndarray_reshape);

// transpose() or transpose(axes) / transpose(*axes): a view.
static py_val ndarray_transpose(size_t n_args, const py_val *args) {
    const ul_array *a = (const ul_array *)args[0];
    if (n_args == 1 || (n_args == 2 && args[1] == PY_NONE)) {
        return (py_val)transposed(a);
    }
    size_t n;
    py_val *items;
    if (!(n_args == 2 && py_get_items(args[1], &n, &items))) {
        n = n_args - 1;
        items = (py_val *)&args[1];
    }
    if (n != a->ndim) {
        py_raise_msg(&py_type_ValueError, "axes don't match array");
    }
    int perm[UL_MAX_DIMS];
    unsigned seen = 0;
    for (size_t d = 0; d < n; d++) {
        perm[d] = ul_axis_arg(items[d], a->ndim);
        if (perm[d] < 0 || (seen & (1u << perm[d]))) {
            py_raise_msg(&py_type_ValueError, "repeated axis in transpose");
        }
        seen |= 1u << perm[d];
    }
    return (py_val)permuted(a, perm);
}
static PY_FN_OBJ_VAR(ndarray_transpose_obj, transpose, 1, 1 + UL_MAX_DIMS, ndarray_transpose);

// ---- sort: an in-place heapsort of each lane (no memory; NaN sorts last as numpy) ----------
typedef struct sort_ctx {
    int dtype;
    size_t isz;
} sort_ctx;

static bool item_less(int dt, const uint8_t *x, const uint8_t *y) {
    double a = ul_get(dt, x), b = ul_get(dt, y);
    return a < b || (isnan(b) && !isnan(a));
}

static void item_swap(uint8_t *x, uint8_t *y, size_t isz) {
    uint8_t t[sizeof(double)];
    memcpy(t, x, isz);
    memcpy(x, y, isz);
    memcpy(y, t, isz);
}

static void sift_down(const sort_ctx *c, uint8_t *p, ptrdiff_t s, size_t root, size_t end) {
    for (size_t child; (child = 2 * root + 1) < end; root = child) {
        if (child + 1 < end &&
            item_less(c->dtype, p + (ptrdiff_t)child * s, p + (ptrdiff_t)(child + 1) * s)) {
            child++;
        }
        if (!item_less(c->dtype, p + (ptrdiff_t)root * s, p + (ptrdiff_t)child * s)) {
            return;
        }
        item_swap(p + (ptrdiff_t)root * s, p + (ptrdiff_t)child * s, c->isz);
    }
}

static void sort_lane(void *ctx, const uint8_t *q, size_t n, ptrdiff_t s, size_t k) {
    (void)k;
    const sort_ctx *c = ctx;
    uint8_t *p = (uint8_t *)q;
    for (size_t i = n / 2; i-- > 0;) {
        sift_down(c, p, s, i, n);
    }
    for (size_t end = n; end > 1; end--) {
        item_swap(p, p + (ptrdiff_t)(end - 1) * s, c->isz);
        sift_down(c, p, s, 0, end - 1);
    }
}

// sort(axis=-1): in place; axis=None sorts a contiguous array as one run.
static py_val ndarray_sort(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_axis, 0, py_small_const(-1)}};
    py_val axis;
    py_arg_parse("sort", n_args, n_kw, args, 1, spec, 1, &axis);
    ul_array *a = (ul_array *)args[0];
    ul_check_writable(a);
    sort_ctx c = {a->dtype, a->itemsize};
    if (axis == PY_NONE) {
        if (!ul_is_contiguous(a)) {
            py_raise_msg(&py_type_ValueError, "sort(axis=None) needs a contiguous array");
        }
        sort_lane(&c, a->data, a->len, a->itemsize, 0);
    } else if (a->len) {
        ul_lanes(a, ul_axis_arg(axis, a->ndim), sort_lane, &c);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(ndarray_sort_obj, sort, ndarray_sort);

// ---- iteration: items of a 1-D array, row views of more ------------------------------------
typedef struct nd_iter {
    py_obj base;
    ul_array *array;
    size_t i;
} nd_iter;

static py_val nd_iter_next(py_val self) {
    nd_iter *it = (nd_iter *)self;
    if (it->array == NULL || it->i >= it->array->shape[0]) {
        it->array = NULL;
        return PY_STOP;
    }
    return ul_ndarray_row(it->array, it->i++);
}

static const py_type nd_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = nd_iter_next,
    .base_type = &py_type_object,
};

static py_val ndarray_getiter(py_val self) {
    nd_iter *it = py_new(nd_iter, &nd_iter_type);
    it->array = (ul_array *)self;
    return (py_val)it;
}

// ---- buffer --------------------------------------------------------------------------------
static bool ndarray_buffer(py_val self, py_buffer *buf, int flags) {
    ul_array *a = (ul_array *)self;
    if (!ul_is_contiguous(a) || ((flags & PY_BUFFER_WRITE) && (a->flags & UL_READONLY))) {
        return false;
    }
    static uint8_t none; // an empty array's items: a pointer all the same (memcpy wants one)
    buf->buf = a->len ? a->data : &none;
    buf->len = a->len * a->itemsize;
    buf->typecode = a->dtype == UL_BOOL ? 'B' : ul_code[a->dtype];
    return true;
}

static const py_dict_entry ndarray_locals_table[] = {
    PY_ROM_ENTRY(astype, &ndarray_astype_obj),   PY_ROM_ENTRY(copy, &ndarray_copy_obj),
    PY_ROM_ENTRY(flatten, &ndarray_flatten_obj), PY_ROM_ENTRY(reshape, &ndarray_reshape_obj),
    PY_ROM_ENTRY(sort, &ndarray_sort_obj),       PY_ROM_ENTRY(tobytes, &ndarray_tobytes_obj),
    PY_ROM_ENTRY(tolist, &ndarray_tolist_obj),   PY_ROM_ENTRY(transpose, &ndarray_transpose_obj),
};
static PY_ROM_DICT(ndarray_locals, ndarray_locals_table);

const py_type ul_ndarray_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_ndarray,
    .print = ndarray_print,
    .unary_op = ul_ndarray_unary_op,
    .binary_op = ul_ndarray_binary_op,
    .attr = ndarray_attr,
    .subscr = ul_ndarray_subscr,
    .getiter = ndarray_getiter,
    .buffer = ndarray_buffer,
    .locals = (py_dict *)&ndarray_locals,
    .base_type = &py_type_object,
};
