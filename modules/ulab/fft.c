// modules/ulab/fft.c: the ulab.numpy.fft submodule, fft and ifft of ulab's builds without
// complex numbers: the real and the imaginary parts go in as two 1-D arrays (the second
// optional: zeros) and come out as a tuple of two float arrays (numpy takes and returns one
// complex array). The length must be a power of 2 (ulab's rule; numpy takes any length).
// The transform is an iterative radix-2 decimation in time, in place on the two output arrays:
// no recursion and no scratch beyond them. Twiddle factors come from sin/cos of each angle (no
// recurrence), so the error stays at a few ulps of the largest term, as numpy's.
#include "modules/ulab/ulab.h"
#include "py/runtime.h"

// A float copy of a 1-D argument with `n` items (n 0: any); ValueError otherwise.
static ul_array *part(py_val v, size_t n) {
    ul_array *a = ul_copy(ul_arg(v, -1), UL_FLOAT);
    if (a->ndim != 1) {
        py_raise_msg(&py_type_ValueError, "FFT is defined for 1-D arrays only");
    }
    if (n && a->len != n) {
        py_raise_msg(&py_type_ValueError, "real and imaginary parts must be of equal length");
    }
    return a;
}

// cos and sin of 2*pi*k/len (0 <= k < len/2, len a power of 2), from angles reduced to
// [0, pi/4] so that the quarter turns are exact (cos(pi/2) is 0, not 6e-17) and symmetric
// twiddles are exactly symmetric.
static void twiddle(size_t k, size_t len, double *c, double *s) {
    bool mirror = 4 * k > len; // pi - angle
    if (mirror) {
        k = len / 2 - k;
    }
    double unit = 2 * M_PI / (double)len;
    if (8 * k > len) { // pi/2 - angle
        *c = sin(unit * (double)(len / 4 - k));
        *s = cos(unit * (double)(len / 4 - k));
    } else {
        *c = cos(unit * (double)k);
        *s = sin(unit * (double)k);
    }
    if (mirror) {
        *c = -*c;
    }
}

// The transform of re + i*im in place; sign -1 forward, +1 inverse (unscaled). n is a power
// of 2.
static void transform(double *re, double *im, size_t n, double sign) {
    // bit-reversed order: then each stage combines adjacent blocks
    for (size_t i = 1, j = 0; i < n; i++) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) {
            j ^= bit;
        }
        j ^= bit;
        if (i < j) {
            double t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        size_t half = len >> 1;
        for (size_t k = 0; k < half; k++) {
            double wr, wi;
            twiddle(k, len, &wr, &wi);
            wi *= sign;
            for (size_t i = k; i < n; i += len) {
                size_t j = i + half;
                double tr = wr * re[j] - wi * im[j];
                double ti = wr * im[j] + wi * re[j];
                re[j] = re[i] - tr;
                im[j] = im[i] - ti;
                re[i] += tr;
                im[i] += ti;
            }
        }
    }
}

static py_val fft_common(size_t n_args, const py_val *args, bool inverse) {
    ul_array *re = part(args[0], 0);
    size_t n = re->len;
    if (n == 0 || (n & (n - 1)) != 0) {
        py_raise_msg(&py_type_ValueError, "input array length must be power of 2");
    }
    ul_array *im = n_args > 1 && args[1] != PY_NONE ? part(args[1], n) : ul_new1(UL_FLOAT, n);
    double *r = (double *)re->data, *i = (double *)im->data;
    transform(r, i, n, inverse ? 1.0 : -1.0);
    if (inverse) {
        double s = 1.0 / (double)n; // exact: n is a power of 2
        for (size_t k = 0; k < n; k++) {
            r[k] *= s;
            i[k] *= s;
        }
    }
    py_val out[2] = {(py_val)re, (py_val)im};
    return py_tuple_new(2, out);
}

// fft(re, im=None) -> (re, im)
static py_val fft_fn(size_t n_args, const py_val *args) {
    return fft_common(n_args, args, false);
}
static PY_FN_OBJ_VAR(fft_obj, fft, 1, 2, fft_fn);

// ifft(re, im=None) -> (re, im), scaled by 1/n as numpy's
static py_val ifft_fn(size_t n_args, const py_val *args) {
    return fft_common(n_args, args, true);
}
static PY_FN_OBJ_VAR(ifft_obj, ifft, 1, 2, ifft_fn);

static const py_dict_entry fft_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_fft)),
    PY_ROM_ENTRY(fft, &fft_obj),
    PY_ROM_ENTRY(ifft, &ifft_obj),
};
static PY_ROM_DICT(fft_globals, fft_table);
const py_module ul_fft_module = {{&py_type_module}, (py_dict *)&fft_globals};
