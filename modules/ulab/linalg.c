// modules/ulab/linalg.c: dot and cross in ulab.numpy, and the ulab.numpy.linalg submodule
// (inv, det, norm). Matrices are worked on as contiguous float (double) copies made by
// ul_dense/ul_copy, with any scratch on the Python heap; results are float arrays or Python
// floats whatever the input dtype (ulab's rule: numpy keeps integer dtypes for dot and cross).
// Arrays of 1 or 2 dimensions only, as ulab. A singular matrix is ValueError "input matrix is
// singular" (numpy: LinAlgError), detected as numpy does: a pivot of exactly 0 in the
// elimination with partial pivoting, so a nearly singular matrix gives huge entries, not an
// error.
#include <float.h>
#include <string.h>

#include "modules/ulab/ulab.h"
#include "py/print.h"
#include "py/runtime.h"

// A float copy (or a's own items when already dense float) of an array argument.
static const double *dense_float(ul_array *a) {
    return (const double *)ul_dense(a, UL_FLOAT)->data;
}

static void print_shape(const py_print *p, const ul_array *a) {
    py_printf(p, "(");
    for (int d = 0; d < a->ndim; d++) {
        py_printf(p, d ? ",%zu" : "%zu", a->shape[d]);
    }
    py_printf(p, a->ndim == 1 ? ",)" : ")");
}

// numpy's message: "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)".
static _Noreturn void not_aligned(const ul_array *a, const ul_array *b, int da, int db) {
    py_sbuild sb;
    py_print p;
    py_sbuild_init(&sb, &p);
    py_printf(&p, "shapes ");
    print_shape(&p, a);
    py_printf(&p, " and ");
    print_shape(&p, b);
    py_printf(&p, " not aligned: %zu (dim %d) != %zu (dim %d)", a->shape[da], da, b->shape[db], db);
    py_val msg = py_sbuild_to_str(&sb);
    py_raise(py_exc_new(&py_type_ValueError, 1, &msg));
}

static void check_ndim(const ul_array *a, int max) {
    if (a->ndim > max) {
        py_raise_msg(&py_type_ValueError,
                     max == 1 ? "input must be a 1-D array" : "input must be a 1-D or 2-D array");
    }
}

// dot(a, b): the inner product of two vectors (a float), a matrix product, or a matrix times
// a vector (either side). Rows of a and columns of b are walked in the dense copies.
static py_val dot_fn(py_val av, py_val bv) {
    ul_array *a = ul_arg(av, -1), *b = ul_arg(bv, -1);
    check_ndim(a, 2);
    check_ndim(b, 2);
    // a as m x k, b as k x n; a 1-D a is a row (m = 1), a 1-D b a column (n = 1)
    int ka = a->ndim - 1;
    size_t m = a->ndim == 2 ? a->shape[0] : 1, k = a->shape[ka];
    size_t n = b->ndim == 2 ? b->shape[1] : 1;
    if (b->shape[0] != k) {
        not_aligned(a, b, ka, 0);
    }
    const double *x = dense_float(a), *y = dense_float(b);
    if (a->ndim == 1 && b->ndim == 1) {
        double s = 0;
        for (size_t i = 0; i < k; i++) {
            s += x[i] * y[i];
        }
        return py_float_new(s);
    }
    size_t shape[2];
    int nd = 0;
    if (a->ndim == 2) {
        shape[nd++] = m;
    }
    if (b->ndim == 2) {
        shape[nd++] = n;
    }
    ul_array *out = ul_new(UL_FLOAT, nd, shape);
    double *o = (double *)out->data;
    for (size_t i = 0; i < m; i++) {
        const double *row = x + i * k;
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t l = 0; l < k; l++) {
                s += row[l] * y[l * n + j];
            }
            o[i * n + j] = s;
        }
    }
    return (py_val)out;
}
PY_FN_OBJ_2(ul_dot_obj, dot_name, dot_fn);

// cross(a, b): the cross product of two 3-element vectors, in the dtype the two upcast to
// (float for two bools, which numpy refuses). ulab takes only this case; numpy also takes
// 2-element vectors and stacks of vectors.
static py_val cross_fn(py_val av, py_val bv) {
    ul_array *a = ul_arg(av, -1), *b = ul_arg(bv, -1);
    if (a->ndim != 1 || b->ndim != 1 || a->len != 3 || b->len != 3) {
        py_raise_msg(&py_type_ValueError, "cross is defined for 1-D arrays of length 3");
    }
    int dt = ul_upcast(a->dtype, b->dtype);
    if (dt == UL_BOOL) {
        dt = UL_FLOAT;
    }
    double x[3], y[3];
    for (int i = 0; i < 3; i++) {
        x[i] = ul_get(a->dtype, a->data + i * a->strides[0]);
        y[i] = ul_get(b->dtype, b->data + i * b->strides[0]);
    }
    ul_array *out = ul_new1(dt, 3);
    ul_put(dt, out->data, x[1] * y[2] - x[2] * y[1]);
    ul_put(dt, out->data + out->itemsize, x[2] * y[0] - x[0] * y[2]);
    ul_put(dt, out->data + 2 * out->itemsize, x[0] * y[1] - x[1] * y[0]);
    return (py_val)out;
}
PY_FN_OBJ_2(ul_cross_obj, cross, cross_fn);

// ---- linalg ------------------------------------------------------------------------------

// A square matrix argument as a new float copy (the callers eliminate in it); *n its order.
static double *square_copy(py_val v, size_t *n) {
    ul_array *a = ul_arg(v, -1);
    if (a->ndim != 2 || a->shape[0] != a->shape[1]) {
        py_raise_msg(&py_type_ValueError, "input must be square matrix");
    }
    *n = a->shape[0];
    return (double *)ul_copy(a, UL_FLOAT)->data;
}

// Row of the largest |m[r][col]| for r >= col: the partial pivot.
static size_t pivot_row(const double *m, size_t n, size_t col) {
    size_t best = col;
    for (size_t r = col + 1; r < n; r++) {
        if (fabs(m[r * n + col]) > fabs(m[best * n + col])) {
            best = r;
        }
    }
    return best;
}

static void swap_rows(double *m, size_t n, size_t r1, size_t r2) {
    double *p = m + r1 * n, *q = m + r2 * n;
    for (size_t j = 0; j < n; j++) {
        double t = p[j];
        p[j] = q[j];
        q[j] = t;
    }
}

// det(m): Gaussian elimination with partial pivoting; the product of the pivots, negated for
// every row swap. A zero pivot column means a singular matrix: 0.0.
static py_val det_fn(py_val v) {
    size_t n;
    double *m = square_copy(v, &n);
    double det = 1;
    for (size_t c = 0; c < n; c++) {
        size_t p = pivot_row(m, n, c);
        if (m[p * n + c] == 0) {
            return py_float_new(0.0);
        }
        if (p != c) {
            swap_rows(m, n, p, c);
            det = -det;
        }
        double piv = m[c * n + c];
        det *= piv;
        for (size_t r = c + 1; r < n; r++) {
            double f = m[r * n + c] / piv;
            if (f != 0) {
                for (size_t j = c + 1; j < n; j++) {
                    m[r * n + j] -= f * m[c * n + j];
                }
            }
        }
    }
    return py_float_new(det);
}
static PY_FN_OBJ_1(det_obj, det, det_fn);

// inv(m): Gauss-Jordan elimination with partial pivoting on m and an identity matrix side by
// side; the identity's side becomes the inverse.
static py_val inv_fn(py_val v) {
    size_t n;
    double *m = square_copy(v, &n);
    size_t shape[2] = {n, n};
    ul_array *out = ul_new(UL_FLOAT, 2, shape);
    double *r = (double *)out->data;
    for (size_t i = 0; i < n; i++) {
        r[i * n + i] = 1;
    }
    for (size_t c = 0; c < n; c++) {
        size_t p = pivot_row(m, n, c);
        if (m[p * n + c] == 0) {
            py_raise_msg(&py_type_ValueError, "input matrix is singular");
        }
        if (p != c) {
            swap_rows(m, n, p, c);
            swap_rows(r, n, p, c);
        }
        double piv = m[c * n + c];
        for (size_t j = 0; j < n; j++) {
            m[c * n + j] /= piv;
            r[c * n + j] /= piv;
        }
        for (size_t i = 0; i < n; i++) {
            double f = m[i * n + c];
            if (i == c || f == 0) {
                continue;
            }
            for (size_t j = 0; j < n; j++) {
                m[i * n + j] -= f * m[c * n + j];
                r[i * n + j] -= f * r[c * n + j];
            }
        }
    }
    return (py_val)out;
}
static PY_FN_OBJ_1(inv_obj, inv, inv_fn);

// The 2-norm of one lane: sqrt of the sum of squares as numpy computes it, redone scaled by
// the largest magnitude (as hypot does) when the squares overflow or underflow.
typedef struct norm_ctx {
    int dtype;
    double *out;
} norm_ctx;

static void norm_lane(void *ctx, const uint8_t *p, size_t n, ptrdiff_t stride, size_t k) {
    norm_ctx *c = ctx;
    double s = 0, big = 0;
    const uint8_t *q = p;
    for (size_t i = 0; i < n; i++, q += stride) {
        double x = ul_get(c->dtype, q);
        s += x * x;
        if (fabs(x) > big) {
            big = fabs(x);
        }
    }
    if ((isfinite(s) && s >= DBL_MIN) || big == 0 || !isfinite(big)) {
        c->out[k] = isnan(s) || !isinf(big) ? sqrt(s) : big;
        return;
    }
    s = 0;
    for (size_t i = 0; i < n; i++, p += stride) {
        double x = ul_get(c->dtype, p) / big;
        s += x * x;
    }
    c->out[k] = big * sqrt(s);
}

// norm(x, axis=None): the Frobenius norm of the whole array (a float), or the 2-norm of
// every lane along `axis` (an array without that axis; a float for a 1-D array).
static py_val norm_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_x, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_axis, 0, PY_NULL},
    };
    py_val v[2];
    py_arg_parse("norm", n_args, n_kw, args, 0, spec, 2, v);
    ul_array *a = ul_arg(v[0], -1);
    int axis = ul_axis_arg(v[1], a->ndim);
    norm_ctx c = {a->dtype, NULL};
    size_t shape[UL_MAX_DIMS];
    int nd = axis < 0 ? 0 : ul_shape_without(a, axis, shape);
    double r;
    ul_array *out = NULL;
    if (nd == 0) {
        c.out = &r;
    } else {
        out = ul_new(UL_FLOAT, nd, shape);
        c.out = (double *)out->data;
    }
    if (a->len == 0) {
        return nd ? (py_val)out : py_float_new(0.0);
    }
    ul_lanes(a, axis, norm_lane, &c);
    return nd ? (py_val)out : py_float_new(r);
}
static PY_FN_OBJ_KW(norm_obj, norm, norm_fn);

static const py_dict_entry linalg_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_linalg)),
    PY_ROM_ENTRY(det, &det_obj),
    PY_ROM_ENTRY(inv, &inv_obj),
    PY_ROM_ENTRY(norm, &norm_obj),
};
static PY_ROM_DICT(linalg_globals, linalg_table);
const py_module ul_linalg_module = {{&py_type_module}, (py_dict *)&linalg_globals};
