// modules/ulab/numerical.c: ulab.numpy's reductions (sum, mean, std, min, max, argmin, argmax,
// median, all, any), sorting (sort, argsort) and the functions that move items along an axis
// (flip, roll, diff, cumsum).
//
// Every function works lane by lane (ul_lanes): axis=None makes the whole array one lane and
// gives a Python scalar for reductions; with an axis the result is an array. Items are read as
// double, exact for every integer dtype. Results along an axis: sum and cumsum keep an integer
// dtype (wrapping, as ulab; bool gives uint16), min and max keep the dtype, mean, std and
// median are float, argmin, argmax and argsort uint16 (ulab's index dtype), all and any bool.
// NaN as numpy: min, max and median propagate it, argmin/argmax find the first one, sort
// puts NaNs last. Sorting is a bottom-up merge sort of indices (stable, no recursion) over
// scratch blocks from the Python heap, freed when done.
#include <string.h>

#include "modules/ulab/ulab.h"
#include "py/gc.h"
#include "py/runtime.h"

// ---- helpers ---------------------------------------------------------------------------------
// The first item of lane k of a along axis (ul_lanes' numbering: C order of the other dims).
static uint8_t *lane_at(const ul_array *a, int axis, size_t k) {
    uint8_t *p = a->data;
    if (a->len == 0) {
        return p;
    }
    for (int d = a->ndim - 1; d >= 0; d--) {
        if (d != axis) {
            p += a->strides[d] * (ptrdiff_t)(k % a->shape[d]);
            k /= a->shape[d];
        }
    }
    return p;
}

static void *scratch(size_t bytes) {
    return py_gc_alloc(bytes ? bytes : 1, PY_GC_LEAF);
}

// numpy's order for floats: NaN after every number.
static inline bool less(double x, double y) {
    return x < y || (y != y && x == x);
}

// idx[0..n) := the indices that sort key stably; tmp holds n more. Runs of 16 by insertion,
// then merged pairwise bottom-up.
static void sort_idx(const double *key, uint32_t *idx, uint32_t *tmp, size_t n) {
    for (size_t i = 0; i < n; i++) {
        idx[i] = (uint32_t)i;
    }
    for (size_t lo = 0; lo < n; lo += 16) {
        size_t hi = lo + 16 < n ? lo + 16 : n;
        for (size_t i = lo + 1; i < hi; i++) {
            uint32_t v = idx[i];
            size_t j = i;
            for (; j > lo && less(key[v], key[idx[j - 1]]); j--) {
                idx[j] = idx[j - 1];
            }
            idx[j] = v;
        }
    }
    uint32_t *src = idx, *dst = tmp;
    for (size_t w = 16; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi) {
                dst[o++] = less(key[src[j]], key[src[i]]) ? src[j++] : src[i++];
            }
            while (i < mid) {
                dst[o++] = src[i++];
            }
            while (j < hi) {
                dst[o++] = src[j++];
            }
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != idx) {
        memcpy(idx, src, n * sizeof(uint32_t));
    }
}

// Scratch for sorting lanes of up to n items: keys, indices and their merge buffer.
typedef struct sorter {
    double *key;
    uint32_t *idx, *tmp;
} sorter;

static void sorter_init(sorter *s, size_t n) {
    s->key = scratch(n * sizeof(double));
    s->idx = scratch(n * sizeof(uint32_t));
    s->tmp = scratch(n * sizeof(uint32_t));
}

static void sorter_done(sorter *s) {
    py_gc_free(s->key);
    py_gc_free(s->idx);
    py_gc_free(s->tmp);
}

// Reads a lane into s->key and sorts its indices.
static void sorter_run(sorter *s, int dt, const uint8_t *p, size_t n, ptrdiff_t stride) {
    for (size_t i = 0; i < n; i++, p += stride) {
        s->key[i] = ul_get(dt, p);
    }
    sort_idx(s->key, s->idx, s->tmp, n);
}

// ---- reductions ------------------------------------------------------------------------------
enum { R_SUM, R_MEAN, R_STD, R_MIN, R_MAX, R_ARGMIN, R_ARGMAX, R_MEDIAN, R_ALL, R_ANY };

typedef struct reduce_ctx {
    int op, dt;
    py_int_t ddof;
    ul_array *out; // NULL: one lane, the result in val
    double val;
    sorter s; // median
} reduce_ctx;

static double lane_sum(int dt, const uint8_t *p, size_t n, ptrdiff_t stride) {
    double acc = 0;
    if (dt == UL_FLOAT && stride == sizeof(double)) {
        const double *q = (const double *)p;
        for (size_t i = 0; i < n; i++) {
            acc += q[i];
        }
        return acc;
    }
    for (size_t i = 0; i < n; i++, p += stride) {
        acc += ul_get(dt, p);
    }
    return acc;
}

static _Noreturn void empty_reduction(int op) {
    static const char *const names[] = {"minimum", "maximum", "argmin", "argmax"};
    if (op >= R_ARGMIN) {
        py_raise_fmt(&py_type_ValueError, "attempt to get %s of an empty sequence",
                     names[op - R_MIN]);
    }
    py_raise_fmt(&py_type_ValueError,
                 "zero-size array to reduction operation %s which has no identity",
                 names[op - R_MIN]);
}

// min, max (the value) and argmin, argmax (its first index); the first NaN wins.
static double lane_extreme(int op, int dt, const uint8_t *p, size_t n, ptrdiff_t stride) {
    if (n == 0) {
        empty_reduction(op);
    }
    bool want_max = op == R_MAX || op == R_ARGMAX;
    double best = ul_get(dt, p);
    size_t at = 0;
    if (best == best) {
        const uint8_t *q = p + stride;
        for (size_t i = 1; i < n; i++, q += stride) {
            double v = ul_get(dt, q);
            if (v != v) {
                best = v;
                at = i;
                break;
            }
            if (want_max ? v > best : v < best) {
                best = v;
                at = i;
            }
        }
    }
    return op == R_MIN || op == R_MAX ? best : (double)at;
}

static void reduce_lane(void *vctx, const uint8_t *p, size_t n, ptrdiff_t stride, size_t k) {
    reduce_ctx *c = vctx;
    int dt = c->dt;
    double r = 0;
    switch (c->op) {
    case R_SUM: r = lane_sum(dt, p, n, stride); break;
    case R_MEAN: r = n ? lane_sum(dt, p, n, stride) / (double)n : NAN; break;
    case R_STD: {
        if ((py_int_t)n <= c->ddof) {
            r = NAN;
            break;
        }
        double m = lane_sum(dt, p, n, stride) / (double)n, ss = 0;
        for (size_t i = 0; i < n; i++, p += stride) {
            double d = ul_get(dt, p) - m;
            ss += d * d;
        }
        r = sqrt(ss / (double)((py_int_t)n - c->ddof));
        break;
    }
    case R_MIN:
    case R_MAX:
    case R_ARGMIN:
    case R_ARGMAX: r = lane_extreme(c->op, dt, p, n, stride); break;
    case R_MEDIAN:
        if (n == 0) {
            r = NAN;
            break;
        }
        sorter_run(&c->s, dt, p, n, stride);
        if (c->s.key[c->s.idx[n - 1]] != c->s.key[c->s.idx[n - 1]]) {
            r = NAN; // a NaN sorted last
        } else {
            r = (c->s.key[c->s.idx[(n - 1) / 2]] + c->s.key[c->s.idx[n / 2]]) / 2;
        }
        break;
    case R_ALL:
    case R_ANY: {
        bool any = c->op == R_ANY;
        r = !any;
        for (size_t i = 0; i < n; i++, p += stride) {
            if ((ul_get(dt, p) != 0) == any) {
                r = any;
                break;
            }
        }
        break;
    }
    }
    if (c->out) {
        ul_put(c->out->dtype, c->out->data + k * c->out->itemsize, r);
    } else {
        c->val = r;
    }
}

static int reduce_out_dtype(int op, int dt) {
    switch (op) {
    case R_SUM: return dt == UL_BOOL ? UL_UINT16 : dt;
    case R_MIN:
    case R_MAX: return dt;
    case R_ARGMIN:
    case R_ARGMAX: return UL_UINT16;
    case R_ALL:
    case R_ANY: return UL_BOOL;
    default: return UL_FLOAT;
    }
}

static py_val reduce(int op, const char *name, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, PY_NONE},
        {PY_QSTR_ddof, PY_ARG_KW_ONLY, py_small_const(0)},
    };
    py_val v[3];
    py_arg_parse(name, n_args, n_kw, args, 0, spec, op == R_STD ? 3 : 2, v);
    ul_array *a = ul_arg(v[0], -1);
    int axis = ul_axis_arg(v[1], a->ndim);
    reduce_ctx c = {.op = op, .dt = a->dtype};
    if (op == R_STD) {
        c.ddof = py_get_int(v[2]);
    }
    size_t shape[UL_MAX_DIMS];
    int nd = axis < 0 ? 0 : ul_shape_without(a, axis, shape);
    if (nd) {
        c.out = ul_new(reduce_out_dtype(op, a->dtype), nd, shape);
    }
    if (op == R_MEDIAN) {
        sorter_init(&c.s, axis < 0 ? a->len : a->shape[axis]);
    }
    ul_lanes(a, axis, reduce_lane, &c);
    if (op == R_MEDIAN) {
        sorter_done(&c.s);
    }
    if (c.out) {
        return (py_val)c.out;
    }
    switch (op) {
    case R_SUM: return a->dtype == UL_FLOAT ? py_float_new(c.val) : py_int_from((py_int_t)c.val);
    case R_MIN:
    case R_MAX: {
        double item[1];
        ul_put(a->dtype, (uint8_t *)item, c.val);
        return ul_item_obj(a->dtype, (const uint8_t *)item);
    }
    case R_ARGMIN:
    case R_ARGMAX: return py_int_from((py_int_t)c.val);
    case R_ALL:
    case R_ANY: return py_bool(c.val != 0);
    default: return py_float_new(c.val);
    }
}

#define REDUCTION(name, op)                                                                        \
    static py_val name##_fn(size_t n_args, size_t n_kw, const py_val *args) {                      \
        return reduce(op, #name, n_args, n_kw, args);                                              \
    }                                                                                              \
    PY_FN_OBJ_KW(ul_##name##_obj, name, name##_fn)

REDUCTION(sum, R_SUM);
REDUCTION(mean, R_MEAN);
REDUCTION(std, R_STD);
REDUCTION(min, R_MIN);
REDUCTION(max, R_MAX);
REDUCTION(argmin, R_ARGMIN);
REDUCTION(argmax, R_ARGMAX);
REDUCTION(median, R_MEDIAN);
REDUCTION(all, R_ALL);
REDUCTION(any, R_ANY);

// ---- sort, argsort ---------------------------------------------------------------------------
typedef struct sort_ctx {
    const ul_array *src; // argsort: the keys; sort: NULL (out is sorted in place)
    ul_array *out;
    int axis;
    sorter s;
} sort_ctx;

static void sort_lane(void *vctx, const uint8_t *p, size_t n, ptrdiff_t stride, size_t k) {
    sort_ctx *c = vctx;
    uint8_t *o = (uint8_t *)p;
    if (c->src) { // argsort: p is the output lane
        p = lane_at(c->src, c->axis, k);
        sorter_run(&c->s, c->src->dtype, p, n, c->src->strides[c->axis]);
        for (size_t i = 0; i < n; i++, o += stride) {
            *(uint16_t *)o = (uint16_t)c->s.idx[i];
        }
        return;
    }
    int dt = c->out->dtype;
    sorter_run(&c->s, dt, p, n, stride);
    for (size_t i = 0; i < n; i++, o += stride) {
        ul_put(dt, o, c->s.key[c->s.idx[i]]);
    }
}

static py_val sort_common(bool arg, const char *name, size_t n_args, size_t n_kw,
                          const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, py_small_const(-1)},
    };
    py_val v[2];
    py_arg_parse(name, n_args, n_kw, args, 0, spec, 2, v);
    ul_array *a = ul_arg(v[0], -1);
    int axis = ul_axis_arg(v[1], a->ndim);
    if (axis < 0) { // None: the flattened array
        a = ul_flat(a);
        axis = 0;
    }
    sort_ctx c = {.axis = axis};
    if (arg) {
        if (a->shape[axis] > 65536) {
            py_raise_msg(&py_type_ValueError, "argsort: too many items for uint16 indices");
        }
        c.src = a;
        c.out = ul_new(UL_UINT16, a->ndim, a->shape);
    } else {
        c.out = ul_copy(a, -1);
    }
    sorter_init(&c.s, a->shape[axis]);
    ul_lanes(c.out, axis, sort_lane, &c);
    sorter_done(&c.s);
    return (py_val)c.out;
}

static py_val sort_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return sort_common(false, "sort", n_args, n_kw, args);
}
PY_FN_OBJ_KW(ul_sort_obj, sort, sort_fn);

static py_val argsort_fn(size_t n_args, size_t n_kw, const py_val *args) {
    return sort_common(true, "argsort", n_args, n_kw, args);
}
PY_FN_OBJ_KW(ul_argsort_obj, argsort, argsort_fn);

// ---- flip ------------------------------------------------------------------------------------
// flip(m, axis=None): a view with the axis (every axis for None) reversed.
static py_val flip_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_m, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, PY_NONE},
    };
    py_val v[2];
    py_arg_parse("flip", n_args, n_kw, args, 0, spec, 2, v);
    ul_array *a = ul_arg(v[0], -1);
    int axis = ul_axis_arg(v[1], a->ndim);
    ul_array *r = ul_view(a);
    for (int d = 0; d < a->ndim; d++) {
        if ((axis < 0 || d == axis) && a->shape[d] > 0) {
            r->data += r->strides[d] * (ptrdiff_t)(a->shape[d] - 1);
            r->strides[d] = -r->strides[d];
        }
    }
    return (py_val)r;
}
PY_FN_OBJ_KW(ul_flip_obj, flip, flip_fn);

// ---- roll, diff, cumsum: a new array, lane by lane from the source's lane --------------------
enum { M_ROLL, M_DIFF, M_CUMSUM };

typedef struct move_ctx {
    int op, axis;
    const ul_array *src;
    ul_array *out;
    py_int_t arg; // roll: the shift in [0, n); diff: the order
    double *buf;  // diff: one lane
} move_ctx;

static void move_lane(void *vctx, const uint8_t *o, size_t n, ptrdiff_t os, size_t k) {
    move_ctx *c = vctx;
    const ul_array *a = c->src;
    const uint8_t *p = lane_at(a, c->axis, k);
    ptrdiff_t ps = a->strides[c->axis];
    size_t m = a->shape[c->axis];
    uint8_t *q = (uint8_t *)o;
    int dt = c->out->dtype;
    if (c->op == M_ROLL) {
        size_t at = (size_t)c->arg; // out[(i + shift) % m] = a[i]
        for (size_t i = 0; i < m; i++, p += ps) {
            memcpy(q + (ptrdiff_t)at * os, p, a->itemsize);
            if (++at == m) {
                at = 0;
            }
        }
    } else if (c->op == M_CUMSUM) {
        double acc = 0;
        for (size_t i = 0; i < m; i++, p += ps, q += os) {
            acc += ul_get(a->dtype, p);
            ul_put(dt, q, acc);
            if (dt != UL_FLOAT) {
                acc = ul_get(dt, q); // wrap as the item type does
            }
        }
    } else {
        double *b = c->buf;
        for (size_t i = 0; i < m; i++, p += ps) {
            b[i] = ul_get(a->dtype, p);
        }
        for (py_int_t r = 0; r < c->arg && m; r++) {
            m--;
            for (size_t i = 0; i < m; i++) {
                b[i] = b[i + 1] - b[i];
            }
        }
        for (size_t i = 0; i < n; i++, q += os) {
            ul_put(dt, q, b[i]);
        }
    }
}

// roll(a, shift, axis=None)
static py_val roll_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_shift, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, PY_NONE},
    };
    py_val v[3];
    py_arg_parse("roll", n_args, n_kw, args, 0, spec, 3, v);
    ul_array *a = ul_arg(v[0], -1);
    py_int_t shift = py_get_int(v[1]);
    int axis = ul_axis_arg(v[2], a->ndim);
    move_ctx c = {.op = M_ROLL, .axis = axis, .src = a};
    if (axis < 0) {
        c.src = ul_flat(a);
        c.axis = 0;
    }
    c.out = ul_new(a->dtype, c.src->ndim, c.src->shape);
    size_t m = c.src->shape[c.axis];
    c.arg = m ? ((shift % (py_int_t)m) + (py_int_t)m) % (py_int_t)m : 0;
    ul_lanes(c.out, c.axis, move_lane, &c);
    if (axis < 0) {
        memcpy(c.out->shape, a->shape, sizeof(a->shape));
        c.out->ndim = a->ndim;
        ul_set_strides(c.out);
    }
    return (py_val)c.out;
}
PY_FN_OBJ_KW(ul_roll_obj, roll, roll_fn);

// diff(a, n=1, axis=-1): the dtype is kept (integers wrap; bool gives not-equal, as numpy).
static py_val diff_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_n, 0, py_small_const(1)},
        {PY_QSTR_axis, 0, py_small_const(-1)},
    };
    py_val v[3];
    py_arg_parse("diff", n_args, n_kw, args, 0, spec, 3, v);
    ul_array *a = ul_arg(v[0], -1);
    py_int_t order = py_get_int(v[1]);
    if (order < 0) {
        py_raise_fmt(&py_type_ValueError, "order must be non-negative but got %d", (int)order);
    }
    if (v[2] == PY_NONE) {
        py_raise_msg(&py_type_TypeError, "axis must be an integer");
    }
    int axis = ul_axis_arg(v[2], a->ndim);
    move_ctx c = {.op = M_DIFF, .axis = axis, .src = a, .arg = order};
    size_t shape[UL_MAX_DIMS];
    memcpy(shape, a->shape, sizeof(shape));
    size_t m = a->shape[axis];
    shape[axis] = (size_t)order < m ? m - (size_t)order : 0;
    c.out = ul_new(a->dtype, a->ndim, shape);
    c.buf = scratch(m * sizeof(double));
    ul_lanes(c.out, axis, move_lane, &c);
    py_gc_free(c.buf);
    return (py_val)c.out;
}
PY_FN_OBJ_KW(ul_diff_obj, diff, diff_fn);

// cumsum(a, axis=None): the flattened sums for None; dtypes as sum along an axis.
static py_val cumsum_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, PY_NONE},
    };
    py_val v[2];
    py_arg_parse("cumsum", n_args, n_kw, args, 0, spec, 2, v);
    ul_array *a = ul_arg(v[0], -1);
    int axis = ul_axis_arg(v[1], a->ndim);
    move_ctx c = {.op = M_CUMSUM, .axis = axis, .src = a};
    if (axis < 0) {
        c.src = ul_flat(a);
        c.axis = 0;
    }
    c.out = ul_new(reduce_out_dtype(R_SUM, a->dtype), c.src->ndim, c.src->shape);
    ul_lanes(c.out, c.axis, move_lane, &c);
    return (py_val)c.out;
}
PY_FN_OBJ_KW(ul_cumsum_obj, cumsum, cumsum_fn);
