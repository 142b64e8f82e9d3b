// py/dtoa.h: doubles to and from decimal text, digit for digit as CPython prints and parses them.
// Everything is exact: shortest round-trip repr, correctly rounded fixed precision (ties to even
// on the exact binary value, any precision) and correctly rounded parsing of any length of input.
// Nothing allocates and nothing calls libc's printf/strtod (newlib's allocate); big-number work
// uses fixed-size arrays on the stack (Cortex-M3 -Os worst cases are given with each call).
// Non-goals: locales, hexadecimal floats, float formats other than IEEE-754 binary64.
#ifndef PY_DTOA_H
#define PY_DTOA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/print.h"

// Buffer size that always suffices for py_dtoa_repr ("-2.2250738585072014e-308" is 24 bytes).
#define PY_DTOA_REPR_SIZE 32

// Flags for py_dtoa_format and py_dtoa_body_init.
#define PY_DTOA_ALT 1      // '#': keep trailing zeros for g/G, always write the decimal point
#define PY_DTOA_NO_NEG_0 2 // 'z': drop the '-' of a result that rounds to zero

/**
 * Writes repr(d) (which is also str(d)) to buf and NUL-terminates it: the shortest digit string
 * that reads back as d, laid out as CPython does ("1.0", "1e+16", "1.5e-05", "-0.0", "inf",
 * "nan"). buf must hold PY_DTOA_REPR_SIZE bytes. Returns the length written (without the NUL).
 * Context: any. Does not block or allocate. Stack: 200 bytes, 600 on the exact path that
 * about 0.5% of doubles take.
 */
size_t py_dtoa_repr(double d, char *buf);

/**
 * Formats d for a presentation type of the format mini-language: 'e' 'E' 'f' 'F' 'g' 'G' '%',
 * 'n' (same as 'g': there are no locales), 'r' (repr) or 0 (no type given: repr when prec < 0,
 * else like 'g' with at least one digit after the point). prec < 0 means the default (6).
 * flags is a mix of PY_DTOA_ALT and PY_DTOA_NO_NEG_0. The result carries a '-' for negative
 * values but never a '+' or ' ': sign options, width, fill and grouping belong to py/format.c.
 * Returns the length of the full result. When that length is < size the result is written to
 * buf and NUL-terminated; otherwise nothing is written except buf[0] = 0 (when size > 0), so a
 * caller can retry with a buffer of the returned length + 1. buf may be NULL when size is 0.
 * Context: any. Does not block or allocate; stack about 700 bytes. Time grows with prec up
 * to the ~770 significant digits a double can have; beyond that it only writes zeros.
 */
size_t py_dtoa_format(double d, char type, int prec, int flags, char *buf, size_t size);

/**
 * Parses what Python's float() accepts: optional ASCII whitespace around an optional sign and
 * a decimal number ("1_000.5", ".5", "5.", "1e-3", "1E+0_5"; single underscores only between
 * digits), "inf", "infinity" or "nan" in any case. The result is correctly rounded (ties to
 * even) whatever the number of digits; overflow gives +-inf and underflow +-0.0, as in Python.
 * Non-ASCII digits and spaces (which float() also accepts) must be mapped to ASCII by the caller.
 * Returns 0 and sets *out on success, or -1 (leaving *out alone) on invalid syntax.
 * Context: any. Does not block or allocate; stack about 450 bytes; time is linear in len.
 */
int py_dtoa_parse(const char *s, size_t len, double *out);

/**
 * A formatted float body laid out but not yet written, for writers that need its length and
 * shape first (py/format.c pads and groups around it) or that cannot hold it in one buffer
 * (format(1e300, '.500f') is 802 characters). The body has no sign: `neg` says whether the
 * caller must write a '-'. It consists of `int_len` digits before the decimal point (none for
 * inf and nan, whose letters count as rest), then '.' if `point`, then `rest_len` more
 * characters (fraction digits, exponent, '%'). Other fields are private.
 */
typedef struct py_dtoa_body {
    bool neg;
    bool special; // inf or nan: int_len is 0 and the letters are in the rest
    bool point;
    size_t int_len;
    size_t rest_len;
    // Private: how to regenerate the digits and lay them out.
    uint64_t mant; // the value is mant * 2^bexp; for `special`, 1 means inf and 0 nan
    int bexp;
    int ndig;      // significant digits after rounding and stripping trailing zeros
    int round_pos; // index of the digit that rounding incremented, -1 if none
    int decpt;     // the point's place in the digits: value ~= 0.d1d2... * 10^decpt, or
                   // d1.d2... * 10^exp10 when use_exp (decpt is then 1)
    int exp10;
    int vstart, vend; // the slice of the zero-padded digit string that is written
    char type;        // 'e', 'f', 'g' or 'r'
    bool use_exp, upper, alt, pct;
    bool one;      // rounding carried all the way: the digits are a single "1"
    char dbuf[20]; // the digits, when few enough to keep (always for repr)
} py_dtoa_body;

/**
 * Lays out d as py_dtoa_format would (same type, prec and flags) and returns the body length
 * (int_len + point + rest_len, without the sign). Context: any; no allocation.
 */
size_t py_dtoa_body_init(py_dtoa_body *b, double d, char type, int prec, int flags);

/**
 * Writes a body laid out by py_dtoa_body_init: the int_len integer characters to `ip`, then
 * the point and the rest to `rp` (which may be the same printer). Context: any; no allocation;
 * stack about 500 bytes.
 */
void py_dtoa_body_write(const py_dtoa_body *b, const py_print *ip, const py_print *rp);

#endif // PY_DTOA_H
