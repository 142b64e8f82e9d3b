// py/objint.h: the int and bool types.
// An int is either a small int (an immediate py_val, see py/obj.h) or a py_bigint in the GC
// heap. Invariant: a value in [PY_SMALL_MIN, PY_SMALL_MAX] is always a small int, so a
// py_bigint never holds a small value and two equal ints are either the same small int or
// two bigints with equal digits. bool is a subclass of int whose two instances are the const
// objects py_const_true/false (value 1/0). Instances of Python subclasses of int are
// py_instance objects whose `native` holds the int value; the helpers below accept them.
// Semantics follow CPython 3.11 exactly, except that there is no limit on the number of
// digits of int<->str conversions (sys.set_int_max_str_digits) and int() only accepts ASCII
// digits. The int functions of py/runtime.h (py_int_from*, py_get_int*, py_is_int) live in
// py/objint.c too.
// Context of everything here: a thread holding the interpreter lock. Nothing blocks; functions
// that build ints may allocate (MemoryError) and all may raise, unless stated otherwise.
#ifndef PY_OBJINT_H
#define PY_OBJINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/mpz.h"
#include "py/obj.h"

// Bigint layout: sign-magnitude, |size| normalised digits (the top one is not zero), least
// significant first; size < 0 for negative values. Allocated as a leaf (no pointers).
//
//     +----------------+-------------+------+------+-----+--------+
//     | type (&int)    | int32 size  | d[0] | d[1] | ... | d[n-1] |
//     +----------------+-------------+------+------+-----+--------+
typedef struct py_bigint {
    py_obj base;
    int32_t size;
    py_mpz_dig d[];
} py_bigint;

// Hash modulus bits: hash(x) for ints and for floats is x mod (2**PY_INT_HASH_BITS - 1), as
// CPython on 64-bit (PY_HASH_MODULUS is in py/obj.h).
#if INTPTR_MAX > 0x7fffffff
#define PY_INT_HASH_BITS 61
#else
#define PY_INT_HASH_BITS 30
#endif

/** The int value of v if it is an int, a bool (as a small int) or an instance of a subclass
 *  of int, else PY_NULL. Never raises. */
py_val py_int_unwrap(py_val v);

/** Parses an int literal or int() argument s[0..len): optional surrounding whitespace, a sign,
 *  digits of `base` (2..36) with single underscores between them, and for base 0 a
 *  0x/0o/0b prefix (else decimal, no leading zeros), which base 16/8/2 also accept.
 *  Raises ValueError "invalid literal for int() with base N: 'text'". Allocates. */
py_val py_int_parse(const char *s, size_t len, int base);

/** The int as a double, correctly rounded (half to even). Raises OverflowError "int too
 *  large to convert to float". v must be an int or bool. */
double py_int_to_double(py_val v);

/** Prints the int in `base` (2..36): a '-' for negative values, no prefix; letters lower
 *  case unless `upper`. May allocate temporaries for big ints. */
void py_int_print_base(const py_print *p, py_val v, int base, bool upper);

/** str(i) (and repr(i)) of a small int: its decimal digits as a new str of the exact length;
 *  '0'..'9' are the shared one-character strings. Allocates. */
py_val py_int_small_to_str(py_int_t i);

/** format(i, spec) of a small int for the simple specs "[0][width][d]" (width < 100) as a
 *  new str; PY_NULL (nothing allocated) for any other spec. Allocates. */
py_val py_int_small_format(py_int_t i, const char *spec, size_t spec_len);

/** format(v, spec) for an int: spec is the format-spec text (without ':'). Raises ValueError
 *  for a bad spec, OverflowError for 'c' out of range. */
void py_int_format(const py_print *p, py_val v, const char *spec, size_t spec_len);

/** A new int from a magnitude of n digits (need not be normalised) and a sign. */
py_val py_int_from_digits(bool neg, const py_mpz_dig *d, size_t n);

/** -1, 0 or 1 by the sign of the int (or bool) v. */
int py_int_sign(py_val v);

/** int.from_bytes: the value of buf[0..len) (two's complement when is_signed). */
py_val py_int_from_bytes(const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/** int.to_bytes into buf[0..len); returns false (buf undefined) when the value does not fit
 *  or is negative and !is_signed. Never raises. */
bool py_int_to_bytes(py_val v, uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/** The result of hash() for a number with magnitude congruent to m modulo PY_HASH_MODULUS
 *  (m < PY_HASH_MODULUS) and the given sign, as a small int (-1 becomes -2). Shared by int,
 *  float and any other numeric type so that equal numbers hash equally. */
py_val py_int_hash_finish(bool neg, py_uint_t m);

/** Strips the whitespace int() and float() ignore around a number: ASCII whitespace, and
 *  when `unicode` the Unicode spaces (U+00A0, U+3000, ...) as UTF-8. Never raises. */
void py_int_strip_space(const char **s, size_t *len, bool unicode);

/** divmod(a, b) for two ints: a 2-tuple; PY_NULL if either is not an int. ZeroDivisionError
 *  "integer division or modulo by zero". (py_number_divmod in py/objfloat.h takes floats.) */
py_val py_int_divmod(py_val a, py_val b);

/** round(x[, ndigits]) for an int or float x (other objects: their __round__ method, else
 *  TypeError); ndigits is PY_NULL or PY_NONE when absent, else an int (or __index__).
 *  Returns an int when ndigits is absent, else a value of x's type. */
py_val py_number_round(py_val x, py_val ndigits);

/** pow(base, exp[, mod]): mod PY_NULL or PY_NONE means two-argument pow (any numbers, via
 *  the ** operator); with a modulus all three must be ints (TypeError otherwise); a negative
 *  exponent then uses the modular inverse (ValueError if none exists). */
py_val py_number_pow3(py_val base, py_val exp, py_val mod);

// ---- for the numeric types' own files (objint.c, objfloat.c) -------------------------------
// An int viewed as sign and magnitude; a small int's digits live in buf, so a py_ival must
// not be copied (d may point into it). The digits of a bigint are borrowed, not copied.
typedef struct py_ival {
    const py_mpz_dig *d;
    size_t n; // normalised length; 0 for zero
    bool neg;
    py_mpz_dig buf[2];
} py_ival;

void py_ival_small(py_ival *v, py_int_t i);
bool py_ival_get(py_ival *v, py_val x); // false if x is not an int (see py_int_unwrap)
py_val py_ival_to_val(const py_ival *v);
int py_ival_cmp(const py_ival *a, const py_ival *b);
double py_ival_to_double(const py_ival *a); // OverflowError when too large

// Arithmetic on ivals (results normalised).
py_val py_ival_add(const py_ival *a, const py_ival *b, bool sub);              // a + b, or a - b
void py_ival_divmod(const py_ival *a, const py_ival *b, py_val *q, py_val *r); // floor; b != 0
double py_ival_truediv(const py_ival *a, const py_ival *b); // correctly rounded a / b

// The int type's slots (bool reuses them).
py_val py_int_binary_op(int op, py_val lhs, py_val rhs);
py_val py_int_unary_op(int op, py_val self);

// Temporary digits: on the C stack up to PY_TMP_STACK digits, else in the GC heap (freed by
// py_tmp_free; leaked to the collector if an exception intervenes). Results up to that many
// digits are also built on the stack. 1 KB of stack per buffer on 64-bit hosts, 160 bytes on
// 32-bit targets (whose thread stacks are small).
#if INTPTR_MAX > 0x7fffffff
#define PY_TMP_STACK 256
#else
#define PY_TMP_STACK 40
#endif
typedef struct py_tmp {
    py_mpz_dig *p;
    bool heap;
    py_mpz_dig stack[PY_TMP_STACK];
} py_tmp;
py_mpz_dig *py_tmp_get(py_tmp *t, size_t n);
void py_tmp_free(py_tmp *t);

#endif // PY_OBJINT_H
