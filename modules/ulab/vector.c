// modules/ulab/vector.c: ulab.numpy's element-wise functions: libm's functions on every item
// (sqrt, exp, log, sin, ... through ul_map_float), around, abs, isfinite, isinf, and the
// broadcasting ones of two or three operands (arctan2, maximum, minimum, where, clip).
//
// As numpy: a Python number in gives a Python number out; an array (or a list, read as
// ulab reads it: float by default) gives an array; domain errors give NaN or an infinity,
// never an exception. The math functions give float arrays for every dtype (floor and ceil
// too, as numpy); around and abs keep the dtype; maximum, minimum, where and clip give
// ulab's upcast of their operands' dtypes (a Python scalar takes ul_scalar_dtype).
#include <string.h>

#include "modules/ulab/ulab.h"
#include "py/runtime.h"

// ---- one operand: libm through ul_map_float --------------------------------------------------
static double degrees(double x) {
    return x * (180.0 / M_PI);
}
static double radians(double x) {
    return x * (M_PI / 180.0);
}

#define MATH_1(name, cfn)                                                                          \
    static py_val name##_fn(py_val x) {                                                            \
        return ul_map_float(x, cfn);                                                               \
    }                                                                                              \
    PY_FN_OBJ_1(ul_##name##_obj, name, name##_fn)

MATH_1(sqrt, sqrt);
MATH_1(exp, exp);
MATH_1(expm1, expm1);
MATH_1(log, log);
MATH_1(log2, log2);
MATH_1(log10, log10);
MATH_1(sin, sin);
MATH_1(cos, cos);
MATH_1(tan, tan);
MATH_1(arcsin, asin);
MATH_1(arccos, acos);
MATH_1(arctan, atan);
MATH_1(sinh, sinh);
MATH_1(cosh, cosh);
MATH_1(tanh, tanh);
MATH_1(arcsinh, asinh);
MATH_1(arccosh, acosh);
MATH_1(arctanh, atanh);
MATH_1(floor, floor);
MATH_1(ceil, ceil);
MATH_1(degrees, degrees);
MATH_1(radians, radians);

// ---- around, abs: the dtype kept -------------------------------------------------------------
// v through f (with parameter k) into a new array of v's dtype, or a Python number of v's
// kind when v is one.
static py_val map_keep(py_val v, double (*f)(double, double), double k) {
    double d;
    if (!ul_is_array(v) && py_get_float_maybe(v, &d)) {
        double r = f(d, k);
        bool is_bool = v == PY_TRUE || v == PY_FALSE;
        return py_is_int(v) && !is_bool ? py_int_from_double(r) : py_float_new(r);
    }
    const ul_array *a = ul_arg(v, -1);
    int dt = a->dtype;
    ul_array *out = ul_new(dt, a->ndim, a->shape);
    uint8_t *o = out->data;
    ul_walk w;
    ul_walk_init(&w, a);
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w), o += out->itemsize) {
        ul_put(dt, o, f(ul_get(dt, w.p), k));
    }
    return (py_val)out;
}

// x rounded to `decimals` digits, ties to even (numpy's: scaled, rint, scaled back).
static double round_to(double x, double decimals) {
    if (decimals == 0) {
        return rint(x);
    }
    double s = pow(10.0, fabs(decimals));
    return decimals > 0 ? rint(x * s) / s : rint(x / s) * s;
}

// around(a, decimals=0)
static py_val around_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_a, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_decimals, 0, py_small_const(0)},
    };
    py_val v[2];
    py_arg_parse("around", n_args, n_kw, args, 0, spec, 2, v);
    py_int_t decimals = py_get_int(v[1]);
    if (decimals >= 0 && ul_is_array(v[0]) && ((ul_array *)v[0])->dtype != UL_FLOAT) {
        return (py_val)ul_copy((ul_array *)v[0], -1); // integers are already round
    }
    return map_keep(v[0], round_to, (double)decimals);
}
PY_FN_OBJ_KW(ul_around_obj, around, around_fn);

static double absolute(double x, double k) {
    (void)k;
    return fabs(x);
}

static py_val abs_fn(py_val x) {
    if (x == PY_TRUE || x == PY_FALSE) {
        return x;
    }
    if (!ul_is_array(x) && (py_is_int(x) || py_typeof(x) == &py_type_float)) {
        return py_unary_op(PY_UOP_ABS, x);
    }
    return map_keep(x, absolute, 0);
}
PY_FN_OBJ_1(ul_abs_obj, abs, abs_fn);
PY_FN_OBJ_1(ul_absolute_obj, absolute, abs_fn);

// ---- isfinite, isinf: bool arrays ------------------------------------------------------------
static py_val classify(py_val v, bool inf) {
    double d;
    if (!ul_is_array(v) && py_get_float_maybe(v, &d)) {
        return py_bool(inf ? isinf(d) : isfinite(d));
    }
    const ul_array *a = ul_arg(v, -1);
    ul_array *out = ul_new(UL_BOOL, a->ndim, a->shape);
    if (a->dtype != UL_FLOAT) { // integers: all finite
        if (!inf) {
            memset(out->data, 1, out->len);
        }
        return (py_val)out;
    }
    ul_walk w;
    ul_walk_init(&w, a);
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&w)) {
        double x = *(const double *)w.p;
        out->data[i] = inf ? isinf(x) : isfinite(x);
    }
    return (py_val)out;
}

static py_val isfinite_fn(py_val x) {
    return classify(x, false);
}
PY_FN_OBJ_1(ul_isfinite_obj, isfinite, isfinite_fn);
static py_val isinf_fn(py_val x) {
    return classify(x, true);
}
PY_FN_OBJ_1(ul_isinf_obj, isinf, isinf_fn);

// ---- two or three operands, broadcast ----------------------------------------------------------
typedef double (*fn3)(double x, double y, double z);

// f over the n (2 or 3) operands broadcast together, into a new array of dtype `dt` (-1: the
// upcast of the operands' dtypes, -2: of all but the first); a Python number when every
// operand was one.
static py_val broadcast_map(int n, const py_val *args, int dt, fn3 f) {
    ul_array *a[3];
    bool scalars = true;
    size_t shape[UL_MAX_DIMS];
    ul_array bc = {.ndim = 1, .shape = {1}};
    for (int i = 0; i < n; i++) {
        double d;
        bool number = !ul_is_array(args[i]) && py_get_float_maybe(args[i], &d);
        scalars = scalars && number;
        a[i] = ul_arg(args[i], -1);
        bc.ndim = (uint8_t)ul_broadcast_shape(&bc, a[i], shape);
        memcpy(bc.shape, shape, sizeof(shape));
    }
    if (dt < 0) {
        int first = dt == -1 ? 0 : 1;
        dt = a[first]->dtype;
        for (int i = first + 1; i < n; i++) {
            dt = ul_upcast(dt, a[i]->dtype);
        }
    }
    ul_array *out = ul_new(dt, bc.ndim, bc.shape);
    double z = 0;
    // fast path: float operands that are contiguous with out's shape or single items
    bool fast = dt == UL_FLOAT;
    for (int i = 0; i < n; i++) {
        fast = fast && a[i]->dtype == UL_FLOAT && ul_is_contiguous(a[i]) &&
               (a[i]->len == 1 || a[i]->len == out->len);
    }
    if (fast) {
        const double *p[3];
        size_t step[3];
        for (int i = 0; i < n; i++) {
            p[i] = (const double *)a[i]->data;
            step[i] = a[i]->len == 1 && out->len != 1 ? 0 : 1;
        }
        double *o = (double *)out->data;
        for (size_t k = 0; k < out->len; k++) {
            o[k] = f(p[0][k * step[0]], p[1][k * step[1]], n == 3 ? p[2][k * step[2]] : z);
        }
    } else {
        ul_walk w[3];
        for (int i = 0; i < n; i++) {
            ul_walk_init_bc(&w[i], a[i], out->ndim, out->shape);
        }
        uint8_t *o = out->data;
        for (size_t k = 0; k < out->len; k++, o += out->itemsize) {
            if (n == 3) {
                z = ul_get(a[2]->dtype, w[2].p);
            }
            ul_put(dt, o, f(ul_get(a[0]->dtype, w[0].p), ul_get(a[1]->dtype, w[1].p), z));
            for (int i = 0; i < n; i++) {
                ul_walk_next(&w[i]);
            }
        }
    }
    if (scalars) {
        return ul_item_obj(dt, out->data);
    }
    return (py_val)out;
}

// NaN wins, as numpy's maximum and minimum.
static double max2(double x, double y, double z) {
    (void)z;
    return x != x || x > y ? x : y;
}
static double min2(double x, double y, double z) {
    (void)z;
    return x != x || x < y ? x : y;
}
static double atan2_3(double y, double x, double z) {
    (void)z;
    return atan2(y, x);
}
static double where3(double c, double x, double y) {
    return c != 0 ? x : y;
}
static double clip3(double x, double lo, double hi) {
    return min2(max2(x, lo, 0), hi, 0);
}

static py_val arctan2_fn(py_val y, py_val x) {
    py_val args[2] = {y, x};
    return broadcast_map(2, args, UL_FLOAT, atan2_3);
}
PY_FN_OBJ_2(ul_arctan2_obj, arctan2, arctan2_fn);

static py_val maximum_fn(py_val x, py_val y) {
    py_val args[2] = {x, y};
    return broadcast_map(2, args, -1, max2);
}
PY_FN_OBJ_2(ul_maximum_obj, maximum, maximum_fn);

static py_val minimum_fn(py_val x, py_val y) {
    py_val args[2] = {x, y};
    return broadcast_map(2, args, -1, min2);
}
PY_FN_OBJ_2(ul_minimum_obj, minimum, minimum_fn);

// where(condition, x, y): the condition's dtype does not take part in the result's.
static py_val where_fn(py_val c, py_val x, py_val y) {
    py_val args[3] = {c, x, y};
    return broadcast_map(3, args, -2, where3);
}
PY_FN_OBJ_3(ul_where_obj, where, where_fn);

// clip(a, a_min, a_max): one bound may be None, as numpy.
static py_val clip_fn(py_val x, py_val lo, py_val hi) {
    if (lo == PY_NONE && hi == PY_NONE) {
        py_raise_msg(&py_type_ValueError, "One of max or min must be given");
    }
    if (lo == PY_NONE || hi == PY_NONE) {
        py_val args[2] = {x, lo == PY_NONE ? hi : lo};
        return broadcast_map(2, args, -1, lo == PY_NONE ? min2 : max2);
    }
    py_val args[3] = {x, lo, hi};
    return broadcast_map(3, args, -1, clip3);
}
PY_FN_OBJ_3(ul_clip_obj, clip, clip_fn);
