// modules/ulab/create.c: the functions of ulab.numpy that make arrays.
//
// Defaults are ulab's where they differ from numpy's: float arrays unless a dtype is given
// (array of numbers, full, zeros, ...), and arange of integer arguments gives int16. Every
// result is a new contiguous array except asarray of a matching array (itself) and frombuffer
// (a view on the buffer's bytes).
#include <string.h>

#include "modules/ulab/ndarray_impl.h"
#include "py/runtime.h"

// array(object, dtype=float)
static py_val array_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_object, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[2];
    py_arg_parse("array", n_args, n_kw, args, 0, spec, 2, v);
    return (py_val)ul_from_obj(v[0], ul_dtype_arg(v[1], -1));
}
PY_FN_OBJ_KW(ul_array_fn_obj, array, array_fn);

// asarray(object, dtype=None): an ndarray of that dtype as it is, else as array().
static py_val asarray_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_object, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[2];
    py_arg_parse("asarray", n_args, n_kw, args, 0, spec, 2, v);
    int dt = ul_dtype_arg(v[1], -1);
    if (ul_is_array(v[0]) && (dt < 0 || dt == ((const ul_array *)v[0])->dtype)) {
        return v[0];
    }
    return (py_val)ul_from_obj(v[0], dt);
}
PY_FN_OBJ_KW(ul_asarray_fn_obj, asarray, asarray_fn);

// ---- filled arrays ----------------------------------------------------------------------------
static void fill(ul_array *a, double v) {
    if (v == 0) {
        return; // ul_new zeroes
    }
    uint8_t item[sizeof(double)];
    ul_put(a->dtype, item, v);
    for (size_t i = 0; i < a->len; i++) {
        memcpy(a->data + i * a->itemsize, item, a->itemsize);
    }
}

// zeros/ones/empty(shape, dtype=float); full(shape, fill_value, dtype=float).
static py_val filled(const char *name, size_t n_args, size_t n_kw, const py_val *args,
                     bool has_value, double value) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_shape, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    static const py_arg_spec full_spec[] = {
        {PY_QSTR_shape, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_fill_value, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[3];
    if (has_value) {
        py_arg_parse(name, n_args, n_kw, args, 0, full_spec, 3, v);
        value = py_get_float(v[1]);
        v[1] = v[2];
    } else {
        py_arg_parse(name, n_args, n_kw, args, 0, spec, 2, v);
    }
    size_t shape[UL_MAX_DIMS];
    int nd = ul_shape_arg(v[0], shape);
    ul_array *a = ul_new(ul_dtype_arg(v[1], UL_FLOAT), nd, shape);
    fill(a, value);
    return (py_val)a;
}

static py_val zeros_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return filled("zeros", n_args, n_kw, args, false, 0);
}
PY_FN_OBJ_KW(ul_zeros_fn_obj, zeros, zeros_fn);

// empty() is zeros(): uninitialised memory would leak old heap contents.
static py_val empty_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return filled("empty", n_args, n_kw, args, false, 0);
}
PY_FN_OBJ_KW(ul_empty_fn_obj, empty, empty_fn);

static py_val ones_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return filled("ones", n_args, n_kw, args, false, 1);
}
PY_FN_OBJ_KW(ul_ones_fn_obj, ones, ones_fn);

static py_val full_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return filled("full", n_args, n_kw, args, true, 0);
}
PY_FN_OBJ_KW(ul_full_fn_obj, full, full_fn);

// eye(N, M=None, k=0, dtype=float)
static py_val eye_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_N, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_M, 0, PY_NONE},
        {PY_QSTR_k, 0, py_small_const(0)},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[4];
    py_arg_parse("eye", n_args, n_kw, args, 0, spec, 4, v);
    size_t shape[2];
    shape[0] = (size_t)py_get_int(v[0]);
    shape[1] = v[1] == PY_NONE ? shape[0] : (size_t)py_get_int(v[1]);
    py_int_t k = py_get_int(v[2]);
    ul_array *a = ul_new(ul_dtype_arg(v[3], UL_FLOAT), 2, shape);
    for (size_t i = 0; i < shape[0]; i++) {
        py_int_t j = (py_int_t)i + k;
        if (j >= 0 && (size_t)j < shape[1]) {
            ul_put(a->dtype, a->data + (i * shape[1] + (size_t)j) * a->itemsize, 1);
        }
    }
    return (py_val)a;
}
PY_FN_OBJ_KW(ul_eye_fn_obj, eye, eye_fn);

// ---- ranges --------------------------------------------------------------------------------
// arange(stop) / arange(start, stop, step=1, dtype=None): int16 when every argument is an int
// (ulab), else float.
static py_val arange_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_start, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_stop, 0, PY_NULL},
        {PY_QSTR_step, 0, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[4];
    py_arg_parse("arange", n_args, n_kw, args, 0, spec, 4, v);
    if (v[1] == PY_NULL) { // arange(stop)
        v[1] = v[0];
        v[0] = py_small(0);
    }
    bool ints = true;
    for (int i = 0; i < 3; i++) {
        ints = ints && (v[i] == PY_NULL || py_is_int(v[i]));
    }
    double start = py_get_float(v[0]), stop = py_get_float(v[1]);
    double step = v[2] == PY_NULL ? 1 : py_get_float(v[2]);
    if (step == 0) {
        py_raise_msg(&py_type_ZeroDivisionError, "division by zero");
    }
    double span = ceil((stop - start) / step);
    if (!(span < 1e9)) { // NaN or an impossible size
        py_raise_msg(&py_type_ValueError, "arange: the range is too large");
    }
    size_t n = span > 0 ? (size_t)span : 0;
    ul_array *a = ul_new1(ul_dtype_arg(v[3], ints ? UL_INT16 : UL_FLOAT), n);
    for (size_t i = 0; i < n; i++) {
        ul_put(a->dtype, a->data + i * a->itemsize, start + (double)i * step);
    }
    return (py_val)a;
}
PY_FN_OBJ_KW(ul_arange_fn_obj, arange, arange_fn);

// n values from start to stop (included if endpoint); *step their spacing.
static ul_array *spaced(py_val vstart, py_val vstop, py_val vnum, py_val vendpoint, int dtype,
                        double base, double *step) {
    double start = py_get_float(vstart), stop = py_get_float(vstop);
    py_int_t n = py_get_int(vnum);
    if (n < 0) {
        py_raise_fmt(&py_type_ValueError, "Number of samples, %d, must be non-negative.", (int)n);
    }
    bool endpoint = py_is_true(vendpoint);
    double div = (double)(endpoint ? n - 1 : n);
    *step = div > 0 ? (stop - start) / div : NAN;
    ul_array *a = ul_new1(dtype, (size_t)n);
    for (py_int_t i = 0; i < n; i++) {
        double x = endpoint && i == n - 1 && n > 1 ? stop : start + (double)i * *step;
        if (n == 1) {
            x = start;
        }
        ul_put(dtype, a->data + (size_t)i * a->itemsize, base > 0 ? pow(base, x) : x);
    }
    return a;
}

// linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=float)
static py_val linspace_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_start, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_stop, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_num, 0, py_small_const(50)},
        {PY_QSTR_endpoint, 0, PY_TRUE},
        {PY_QSTR_retstep, 0, PY_FALSE},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[6];
    py_arg_parse("linspace", n_args, n_kw, args, 0, spec, 6, v);
    double step;
    ul_array *a = spaced(v[0], v[1], v[2], v[3], ul_dtype_arg(v[5], UL_FLOAT), 0, &step);
    if (py_is_true(v[4])) {
        py_val t[2] = {(py_val)a, py_float_new(step)};
        return py_tuple_new(2, t);
    }
    return (py_val)a;
}
PY_FN_OBJ_KW(ul_linspace_fn_obj, linspace, linspace_fn);

// logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=float)
static py_val logspace_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_start, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_stop, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_num, 0, py_small_const(50)},
        {PY_QSTR_endpoint, 0, PY_TRUE},
        {PY_QSTR_base, 0, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[6];
    py_arg_parse("logspace", n_args, n_kw, args, 0, spec, 6, v);
    double base = v[4] == PY_NULL ? 10.0 : py_get_float(v[4]), step;
    if (!(base > 0)) {
        py_raise_msg(&py_type_ValueError, "logspace: base must be positive");
    }
    return (py_val)spaced(v[0], v[1], v[2], v[3], ul_dtype_arg(v[5], UL_FLOAT), base, &step);
}
PY_FN_OBJ_KW(ul_logspace_fn_obj, logspace, logspace_fn);

// ---- from other objects ---------------------------------------------------------------------
// frombuffer(buffer, dtype=float, count=-1, offset=0): a 1-D view on the bytes of a bytes,
// bytearray or ndarray; a copy of any other buffer's. `mem` keeps alive what holds them: a
// bytearray's item block (so a later resize of the bytearray leaves this view on the old,
// still valid block), an ndarray's block, the bytes object (its items are inside it). Another
// object's items (array.array, memoryview) may move when it grows, and the collector keeps
// only a block's start alive: those are copied. A view of bytes is read-only, as numpy's: the
// bytes may be a constant in flash.
static py_val frombuffer_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_buffer, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
        {PY_QSTR_count, 0, py_small_const(-1)},
        {PY_QSTR_offset, 0, py_small_const(0)},
    };
    py_val v[4];
    py_arg_parse("frombuffer", n_args, n_kw, args, 0, spec, 4, v);
    py_buffer buf;
    py_get_buffer(v[0], &buf, PY_BUFFER_READ);
    int dt = ul_dtype_arg(v[1], UL_FLOAT);
    size_t isz = ul_itemsize[dt];
    py_int_t count = py_get_int(v[2]), offset = py_get_int(v[3]);
    if (offset < 0 || (size_t)offset > buf.len) {
        py_raise_msg(&py_type_ValueError, "offset must be non-negative and no greater than "
                                          "buffer length");
    }
    size_t avail = buf.len - (size_t)offset;
    size_t n;
    if (count < 0) {
        if (avail % isz) {
            py_raise_msg(&py_type_ValueError, "buffer size must be a multiple of element size");
        }
        n = avail / isz;
    } else {
        if ((size_t)count > avail / isz) {
            py_raise_msg(&py_type_ValueError, "buffer is smaller than requested size");
        }
        n = (size_t)count;
    }
    const py_type *t = py_typeof(v[0]);
    bool view = t == &py_type_bytes || t == &py_type_bytearray || t == &ul_ndarray_type;
    if (!view || (uintptr_t)((uint8_t *)buf.buf + offset) % isz) {
        // misaligned items would fault on the target: a copy instead of a view
        ul_array *c = ul_new1(dt, n);
        py_memcpy(c->data, (uint8_t *)buf.buf + offset, n * isz);
        return (py_val)c;
    }
    ul_array *a = ul_new1(dt, 0);
    a->shape[0] = n;
    a->len = n;
    a->data = (uint8_t *)buf.buf + offset;
    if (py_is_obj(v[0]) && v[0]->type == &py_type_bytearray) {
        a->mem = ((py_bytearray *)v[0])->data;
    } else if (ul_is_array(v[0])) {
        a->mem = ((const ul_array *)v[0])->mem;
        a->flags = ((const ul_array *)v[0])->flags;
    } else { // bytes
        a->mem = v[0];
        a->flags = UL_READONLY;
    }
    return (py_val)a;
}
PY_FN_OBJ_KW(ul_frombuffer_fn_obj, frombuffer, frombuffer_fn);

// concatenate(arrays, axis=0): the arrays joined along axis; the other dimensions must agree.
// The result's dtype is their upcast.
static py_val concatenate_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_arrays, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, py_small_const(0)},
    };
    py_val v[2];
    py_arg_parse("concatenate", n_args, n_kw, args, 0, spec, 2, v);
    size_t n;
    py_val *items;
    if (!py_get_items(v[0], &n, &items) || n == 0) {
        py_raise_msg(&py_type_ValueError, "need at least one array to concatenate");
    }
    bool flatten = v[1] == PY_NONE; // axis=None: the arrays flattened, then joined
    const ul_array *first = flatten ? ul_flat(ul_arg(items[0], -1)) : ul_arg(items[0], -1);
    int axis = flatten ? 0 : ul_axis_arg(v[1], first->ndim);
    size_t shape[UL_MAX_DIMS];
    memcpy(shape, first->shape, sizeof(shape));
    shape[axis] = 0;
    int dt = first->dtype;
    py_tuple *arrays = (py_tuple *)py_tuple_new(n, NULL); // the inputs, lists converted once
    for (size_t i = 0; i < n; i++) {
        const ul_array *a = ul_arg(items[i], -1);
        if (flatten) {
            a = ul_flat((ul_array *)a);
        }
        arrays->items[i] = (py_val)a;
        if (a->ndim != first->ndim) {
            py_raise_msg(&py_type_ValueError, "all the input arrays must have same number of "
                                              "dimensions");
        }
        for (int d = 0; d < a->ndim; d++) {
            if (d != axis && a->shape[d] != first->shape[d]) {
                py_raise_msg(&py_type_ValueError, "all the input array dimensions except for "
                                                  "the concatenation axis must match exactly");
            }
        }
        shape[axis] += a->shape[axis];
        dt = ul_upcast(dt, a->dtype);
    }
    ul_array *out = ul_new(dt, first->ndim, shape);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const ul_array *a = (const ul_array *)arrays->items[i];
        ul_array part = *out;
        part.shape[axis] = a->shape[axis];
        part.len = a->len;
        part.data = out->data + (ptrdiff_t)at * out->strides[axis];
        if (a->len) {
            ul_assign(&part, a);
        }
        at += a->shape[axis];
    }
    return (py_val)out;
}
PY_FN_OBJ_KW(ul_concatenate_fn_obj, concatenate, concatenate_fn);

// diag(v, k=0): a 1-D v on the k-th diagonal of a square 2-D array, or the k-th diagonal of a
// 2-D v as a 1-D copy.
static py_val diag_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_v, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_k, 0, py_small_const(0)},
    };
    py_val v[2];
    py_arg_parse("diag", n_args, n_kw, args, 0, spec, 2, v);
    const ul_array *a = ul_arg(v[0], -1);
    py_int_t k = py_get_int(v[1]);
    size_t row0 = k < 0 ? (size_t)-k : 0, col0 = k > 0 ? (size_t)k : 0;
    if (a->ndim == 1) {
        size_t m = a->len + row0 + col0, shape[2] = {m, m};
        ul_array *out = ul_new(a->dtype, 2, shape);
        for (size_t i = 0; i < a->len; i++) {
            memcpy(out->data + ((row0 + i) * m + col0 + i) * out->itemsize,
                   a->data + (ptrdiff_t)i * a->strides[0], a->itemsize);
        }
        return (py_val)out;
    }
    if (a->ndim != 2) {
        py_raise_msg(&py_type_ValueError, "Input must be 1- or 2-d.");
    }
    size_t n = 0;
    if (row0 < a->shape[0] && col0 < a->shape[1]) {
        size_t r = a->shape[0] - row0, c = a->shape[1] - col0;
        n = r < c ? r : c;
    }
    ul_array *out = ul_new1(a->dtype, n);
    for (size_t i = 0; i < n; i++) {
        memcpy(out->data + i * out->itemsize,
               a->data + (ptrdiff_t)(row0 + i) * a->strides[0] +
                   (ptrdiff_t)(col0 + i) * a->strides[1],
               a->itemsize);
    }
    return (py_val)out;
}
PY_FN_OBJ_KW(ul_diag_fn_obj, diag, diag_fn);
