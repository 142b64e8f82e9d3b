// py/format.h: the format-spec mini-language of format() and str.format(), as CPython 3.11.
// Parsing a spec and rendering an int (given as digits), a float or a str through a printer,
// with fill, alignment, sign, '#', zero padding, grouping and precision. Widths count code
// points. Nothing allocates: output goes piecewise to a py_print.
// Non-goals: locales ('n' behaves as in the C locale), converting ints to digits or to floats
// (the caller does that), and non-ASCII digits in widths (CPython accepts any Unicode digit).
#ifndef PY_FORMAT_H
#define PY_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "py/print.h"

// spec->type for a presentation type that is not printable ASCII; py_format_errmsg recovers the
// real code point from the spec text.
#define PY_FMT_TYPE_OTHER '\x7f'

/**
 * A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
 * `zero` records the '0' before the width: it makes the fill "0" (unless a fill was given) and,
 * when no align was given, numbers use '=' alignment while strings keep their default '<'
 * (CPython 3.10+), so `align` stays 0 for the formatter to decide.
 */
typedef struct py_fmt_spec {
    char fill[4];           // UTF-8 bytes of the fill code point; " " by default
    unsigned char fill_len; // 1..4
    char align;             // 0 (the type's default), '<', '>', '^', '='
    char sign;              // 0, '+', '-', ' '
    bool alt;               // '#'
    bool zero;              // '0' before the width
    int width;              // -1 if none
    char grouping;          // 0, ',', '_'
    int prec;               // -1 if none
    char type;              // 0 if none, else the ASCII type letter or PY_FMT_TYPE_OTHER
    bool no_neg_zero;       // 'z' (new in 3.11): format negative zero results without '-'
} py_fmt_spec;

/**
 * Errors are returned as constant strings: CPython's ValueError text, or a template of it
 * in which "%S" stands for the spec text, "%T" for the object's type name and "%C" for the
 * presentation type (expand with py_format_errmsg). A formatter that fails has written
 * nothing. The templates naming the object's type are:
 */
#define PY_FMT_ERR_INVALID "Invalid format specifier '%S' for object of type '%T'"
#define PY_FMT_ERR_UNKNOWN "Unknown format code '%C' for object of type '%T'"

/**
 * Parses spec text s[0..len) (valid UTF-8, without the braces or the ':') into *spec. Checks
 * what CPython checks before knowing the object's type: the syntax, widths above INT_MAX
 * ("Too many decimal digits in format string"; CPython's limit is PY_SSIZE_T_MAX, so 64-bit
 * CPython accepts larger ones), "Format specifier missing precision", ',' with '_', and
 * grouping with a type that does not allow it. Returns NULL on success or an error (above).
 * An empty spec gives the defaults, which format every type as str() does.
 * Context: any. Does not block or allocate.
 */
const char *py_format_parse(const char *s, size_t len, py_fmt_spec *spec);

/**
 * Formats an integer whose magnitude the caller has converted to `ndigits` digits in `base`:
 * 2 for 'b', 8 for 'o', 16 for 'x'/'X' (lowercase; 'X' is uppercased here), 10 otherwise.
 * For type 'c' the caller passes the character's UTF-8 bytes as `digits` (neg false) after
 * checking its range; errors specific to 'c' are reported here. The caller must route the
 * float types e E f F g G % to py_format_float instead. Returns NULL or an error.
 * Context: any. Does not block or allocate.
 */
const char *py_format_int(const py_print *p, bool neg, const char *digits, size_t ndigits, int base,
                          const py_fmt_spec *spec);

/**
 * Formats a float for the types e E f F g G n % and none (repr-like), exactly as CPython.
 * Returns NULL or an error. Context: any. Does not block or allocate; about 800 bytes of
 * stack on Cortex-M3.
 */
const char *py_format_float(const py_print *p, double d, const py_fmt_spec *spec);

/**
 * Formats a str of `nbytes` bytes of UTF-8 holding `nchars` code points (type 's' or none).
 * Returns NULL or an error. Context: any. Does not block or allocate.
 */
const char *py_format_str(const py_print *p, const char *s, size_t nbytes, size_t nchars,
                          const py_fmt_spec *spec);

/**
 * Writes the full text of an error returned above: copies it, expanding "%S" to the spec text
 * s[0..len), "%T" to type_name and "%C" to the spec's last code point (the presentation type)
 * as CPython shows it ('x', or '\xNN' outside printable ASCII).
 * Context: any. Does not block or allocate.
 */
void py_format_errmsg(const py_print *p, const char *err, const char *s, size_t len,
                      const char *type_name);

#endif // PY_FORMAT_H
