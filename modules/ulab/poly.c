// modules/ulab/poly.c: the ulab.numpy functions on sampled 1-D data: polyfit, polyval, interp,
// trapz and convolve. Inputs are 1-D (ulab's rule; numpy's trapz and polyval take more), read
// as dense float copies; results are float arrays or Python floats whatever the input dtype
// (numpy keeps integer dtypes for polyval and convolve of integers).
// polyfit solves the least-squares problem by Householder QR of the column-scaled Vandermonde
// matrix (the normal equations square its condition number), its scratch on the Python heap.
#include <float.h>

#include "modules/ulab/ulab.h"
#include "py/runtime.h"

// A 1-D argument as a dense float array.
static ul_array *vector(py_val v, const char *what) {
    ul_array *a = ul_dense(ul_arg(v, -1), UL_FLOAT);
    if (a->ndim != 1) {
        py_raise_fmt(&py_type_ValueError, "%s must be a 1-D array", what);
    }
    return a;
}

static const double *items(const ul_array *a) {
    return (const double *)a->data;
}

// ---- polyfit ------------------------------------------------------------------------------

// Least squares: the m coefficients c minimising |A c - b| for the n x m matrix a (row
// major; n >= m, columns of norm 1), both overwritten. False if A's columns are dependent to
// rounding: a diagonal of R below n ulps of the first (numpy's lstsq cut-off, on singular
// values, is alike).
static bool lstsq(double *a, double *b, size_t n, size_t m, double *c) {
    double *diag = c; // R's diagonal, kept in c until the back substitution overwrites it
    double tiny = 0;
    for (size_t j = 0; j < m; j++) {
        double s = 0;
        for (size_t i = j; i < n; i++) {
            s += a[i * m + j] * a[i * m + j];
        }
        s = sqrt(s);
        if (j == 0) {
            tiny = s * (double)n * DBL_EPSILON;
        }
        if (s <= tiny || s == 0) {
            return false;
        }
        // the reflection that maps column j below the diagonal to (alpha, 0, ...); its vector
        // v replaces the column, alpha's sign chosen against cancellation in v[j]
        double alpha = a[j * m + j] > 0 ? -s : s;
        a[j * m + j] -= alpha;
        double vtv = 0;
        for (size_t i = j; i < n; i++) {
            vtv += a[i * m + j] * a[i * m + j];
        }
        for (size_t k = j + 1; k <= m; k++) { // k == m: the right-hand side
            double t = 0;
            for (size_t i = j; i < n; i++) {
                t += a[i * m + j] * (k < m ? a[i * m + k] : b[i]);
            }
            double f = 2 * t / vtv;
            for (size_t i = j; i < n; i++) {
                if (k < m) {
                    a[i * m + k] -= f * a[i * m + j];
                } else {
                    b[i] -= f * a[i * m + j];
                }
            }
        }
        diag[j] = alpha;
    }
    for (size_t j = m; j-- > 0;) { // R c = (Q^T b)[0, m)
        double s = b[j];
        for (size_t k = j + 1; k < m; k++) {
            s -= a[j * m + k] * c[k];
        }
        c[j] = s / diag[j];
    }
    return true;
}

// polyfit(x, y, deg) or polyfit(y, deg) (x = 0, 1, ...): the least-squares polynomial's
// coefficients, the highest power first. Fewer points than coefficients, or an x that cannot
// tell them apart (all equal), is ValueError (numpy warns and returns a minimum-norm fit).
static py_val polyfit_fn(size_t n_args, const py_val *args) {
    const ul_array *y = vector(args[n_args - 2], "y");
    size_t n = y->len;
    ul_array *x;
    if (n_args == 3) {
        x = vector(args[0], "x");
        if (x->len != n) {
            py_raise_msg(&py_type_TypeError, "expected x and y to have same length");
        }
    } else {
        x = ul_new1(UL_FLOAT, n);
        for (size_t i = 0; i < n; i++) {
            ((double *)x->data)[i] = (double)i;
        }
    }
    py_int_t deg = py_get_int(args[n_args - 1]);
    if (deg < 0) {
        py_raise_msg(&py_type_ValueError, "expected deg >= 0");
    }
    size_t m = (size_t)deg + 1;
    if (n < m) {
        py_raise_msg(&py_type_ValueError, "polyfit needs more data points than the degree");
    }
    size_t shape[2] = {n, m};
    double *a = (double *)ul_new(UL_FLOAT, 2, shape)->data;
    double *b = (double *)ul_copy(y, UL_FLOAT)->data;
    double *scale = (double *)ul_new1(UL_FLOAT, m)->data;
    const double *xs = items(x);
    // Vandermonde columns x**(deg - j), then each scaled to norm 1 as numpy does
    for (size_t i = 0; i < n; i++) {
        double p = 1;
        for (size_t j = m; j-- > 0;) {
            a[i * m + j] = p;
            p *= xs[i];
        }
    }
    for (size_t j = 0; j < m; j++) {
        double s = 0;
        for (size_t i = 0; i < n; i++) {
            s += a[i * m + j] * a[i * m + j];
        }
        scale[j] = s > 0 ? sqrt(s) : 1;
        for (size_t i = 0; i < n; i++) {
            a[i * m + j] /= scale[j];
        }
    }
    ul_array *out = ul_new1(UL_FLOAT, m);
    double *c = (double *)out->data;
    if (!lstsq(a, b, n, m, c)) {
        py_raise_msg(&py_type_ValueError, "polyfit: the points cannot determine the polynomial");
    }
    for (size_t j = 0; j < m; j++) {
        c[j] /= scale[j];
    }
    return (py_val)out;
}
PY_FN_OBJ_VAR(ul_polyfit_obj, polyfit, 2, 3, polyfit_fn);

// ---- polyval ------------------------------------------------------------------------------

static double horner(const double *p, size_t n, double x) {
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        s = s * x + p[i];
    }
    return s;
}

// polyval(p, x): the polynomial with coefficients p (highest power first) at x: a float for a
// number, else a float array of x's shape.
static py_val polyval_fn(py_val pv, py_val xv) {
    const ul_array *p = vector(pv, "p");
    const double *c = items(p);
    double d;
    if (!ul_is_array(xv) && py_get_float_maybe(xv, &d)) {
        return py_float_new(horner(c, p->len, d));
    }
    const ul_array *x = ul_arg(xv, -1);
    ul_array *out = ul_new(UL_FLOAT, x->ndim, x->shape);
    double *o = (double *)out->data;
    ul_walk w;
    ul_walk_init(&w, x);
    for (size_t i = 0; i < x->len; i++, ul_walk_next(&w)) {
        o[i] = horner(c, p->len, ul_get(x->dtype, w.p));
    }
    return (py_val)out;
}
PY_FN_OBJ_2(ul_polyval_obj, polyval, polyval_fn);

// ---- interp -------------------------------------------------------------------------------

typedef struct interp_ctx {
    const double *xp, *fp;
    size_t n;
    double left, right;
} interp_ctx;

static double interp1(const interp_ctx *c, double x) {
    const double *xp = c->xp, *fp = c->fp;
    size_t n = c->n;
    if (isnan(x)) {
        return x;
    }
    if (x < xp[0]) {
        return c->left;
    }
    if (x > xp[n - 1]) {
        return c->right;
    }
    if (x == xp[n - 1]) {
        return fp[n - 1];
    }
    size_t lo = 0, hi = n - 1; // xp[lo] <= x < xp[hi]
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (xp[mid] <= x) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    double slope = (fp[hi] - fp[lo]) / (xp[hi] - xp[lo]);
    double r = slope * (x - xp[lo]) + fp[lo];
    if (isnan(r)) { // an infinite slope: from the other end, or the flat value
        r = slope * (x - xp[hi]) + fp[hi];
        if (isnan(r) && fp[lo] == fp[hi]) {
            r = fp[lo];
        }
    }
    return r;
}

// interp(x, xp, fp, left=None, right=None): piecewise-linear interpolation of the points
// (xp, fp), xp increasing (not checked, as numpy); left/right (default fp[0]/fp[-1]) outside.
static py_val interp_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_x, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_xp, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_fp, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_left, 0, PY_NONE},
        {PY_QSTR_right, 0, PY_NONE},
    };
    py_val v[5];
    py_arg_parse("interp", n_args, n_kw, args, 0, spec, 5, v);
    const ul_array *xp = vector(v[1], "xp"), *fp = vector(v[2], "fp");
    if (xp->len != fp->len) {
        py_raise_msg(&py_type_ValueError, "fp and xp are not of the same length.");
    }
    if (xp->len == 0) {
        py_raise_msg(&py_type_ValueError, "array of sample points is empty");
    }
    interp_ctx c = {items(xp), items(fp), xp->len, 0, 0};
    c.left = v[3] == PY_NONE ? c.fp[0] : py_get_float(v[3]);
    c.right = v[4] == PY_NONE ? c.fp[c.n - 1] : py_get_float(v[4]);
    double d;
    if (!ul_is_array(v[0]) && py_get_float_maybe(v[0], &d)) {
        return py_float_new(interp1(&c, d));
    }
    const ul_array *x = ul_arg(v[0], -1);
    ul_array *out = ul_new(UL_FLOAT, x->ndim, x->shape);
    double *o = (double *)out->data;
    ul_walk w;
    ul_walk_init(&w, x);
    for (size_t i = 0; i < x->len; i++, ul_walk_next(&w)) {
        o[i] = interp1(&c, ul_get(x->dtype, w.p));
    }
    return (py_val)out;
}
PY_FN_OBJ_KW(ul_interp_obj, interp, interp_fn);

// ---- trapz --------------------------------------------------------------------------------

// trapz(y, x=None, dx=1.0): the trapezoidal integral of y over x (or over steps of dx).
static py_val trapz_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_y, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_x, 0, PY_NONE},
        {PY_QSTR_dx, 0, PY_NULL},
    };
    py_val v[3];
    py_arg_parse("trapz", n_args, n_kw, args, 0, spec, 3, v);
    const ul_array *y = vector(v[0], "y");
    const double *ys = items(y);
    size_t n = y->len;
    double s = 0;
    if (v[1] != PY_NONE) {
        const ul_array *x = vector(v[1], "x");
        if (x->len != n) {
            py_raise_msg(&py_type_ValueError, "x and y must have the same length");
        }
        const double *xs = items(x);
        for (size_t i = 1; i < n; i++) {
            s += (xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1]);
        }
        return py_float_new(s / 2);
    }
    double dx = v[2] == PY_NULL ? 1.0 : py_get_float(v[2]);
    for (size_t i = 1; i < n; i++) {
        s += ys[i] + ys[i - 1];
    }
    return py_float_new(s * dx / 2);
}
PY_FN_OBJ_KW(ul_trapz_obj, trapz, trapz_fn);

// ---- convolve -----------------------------------------------------------------------------

// convolve(a, v): the full discrete convolution, len(a) + len(v) - 1 items.
static py_val convolve_fn(py_val av, py_val vv) {
    const ul_array *a = vector(av, "a"), *v = vector(vv, "v");
    if (v->len > a->len) { // as numpy: the longer one is `a`, for the messages below too
        const ul_array *t = a;
        a = v;
        v = t;
    }
    if (a->len == 0) {
        py_raise_msg(&py_type_ValueError, "a cannot be empty");
    }
    if (v->len == 0) {
        py_raise_msg(&py_type_ValueError, "v cannot be empty");
    }
    size_t na = a->len, nv = v->len;
    ul_array *out = ul_new1(UL_FLOAT, na + nv - 1);
    double *o = (double *)out->data;
    const double *x = items(a), *h = items(v);
    for (size_t k = 0; k < na + nv - 1; k++) {
        // i runs over the a indices with 0 <= k - i < nv
        size_t lo = k >= nv ? k - nv + 1 : 0, hi = k < na ? k : na - 1;
        double s = 0;
        for (size_t i = lo; i <= hi; i++) {
            s += x[i] * h[k - i];
        }
        o[k] = s;
    }
    return (py_val)out;
}
PY_FN_OBJ_2(ul_convolve_obj, convolve, convolve_fn);
