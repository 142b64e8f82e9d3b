// py/objfloat.h: the float type (IEEE double), beside py/objint.h.
// A float is a py_float in the GC heap (a leaf). Instances of Python subclasses of float are
// py_instance objects whose `native` holds the py_float. Repr, parsing and formatting go
// through py/dtoa.h and py/format.h (exact, as CPython); everything else is here.
#ifndef PY_OBJFLOAT_H
#define PY_OBJFLOAT_H

#include <stdbool.h>
#include <stddef.h>

#include "py/obj.h"

/** The value of a float or of an instance of a float subclass in *out; false (no raise)
 *  for anything else, ints included. */
bool py_float_unwrap(py_val v, double *out);

/** a ** b with CPython's special cases. Raises ZeroDivisionError ("0.0 cannot be raised to
 *  a negative power"), OverflowError (34, 'Numerical result out of range') and, where
 *  CPython would return a complex (negative base, non-integral exponent), ValueError
 *  "complex values not supported" as MicroPython does without complex numbers. */
double py_float_pow(double a, double b);

/** round(x) (ndigits PY_NULL: an int, ties to even; OverflowError/ValueError for inf/nan)
 *  or round(x, ndigits) (a float, correctly rounded as CPython: ties to even on the exact
 *  binary value; OverflowError "rounded value too large to represent"). */
py_val py_float_round(double x, py_val ndigits);

/** format(d, spec): spec is the format-spec text (without ':'). Raises ValueError for a bad
 *  spec. Allocates nothing itself (output goes to p). */
void py_float_format(const py_print *p, double d, const char *spec, size_t len);

/** hash(d) as CPython: self is the object (NaN hashes by identity since 3.10). */
py_val py_float_hash(double d, py_val self);

/** divmod(a, b) for ints and floats (any mix): a 2-tuple, or PY_NULL if either operand is
 *  not a number of these kinds. ZeroDivisionError as CPython. */
py_val py_number_divmod(py_val a, py_val b);

/** float.binary_op/unary_op slots, for the numeric types' own files. */
py_val py_float_binary_op(int op, py_val lhs, py_val rhs);

#endif // PY_OBJFLOAT_H
