// py/objstr.h: str and bytes internals shared by the string types and their methods.
#ifndef PY_OBJSTR_H
#define PY_OBJSTR_H

#include <stdio.h>

#include "py/obj.h"

// Writes a quoted repr of str (or, with is_bytes, bytes: b'...') text as CPython does.
void py_str_print_quoted(const py_print *p, const char *s, size_t len, bool is_bytes);
bool py_str_equal(py_val a, py_val b);
py_val py_str_concat(py_val a, py_val b);
bool py_str_contains(py_val hay, py_val needle);
// Byte index of the first occurrence of n in h at or after `from`, or -1.
ptrdiff_t py_str_find_bytes(const char *h, size_t hl, const char *n, size_t nl, size_t from);
// n code points from code point `start`, every `step`.
py_val py_str_slice(py_val self, py_int_t start, py_int_t step, size_t n);
size_t py_str_charlen(py_val s);
// The one-character string of an ASCII character c (< 128): interned and remembered, so that
// indexing and iterating over text allocate nothing (CPython shares these strings too).
// May allocate (the first time for each character).
py_val py_str_ascii_char(unsigned c);
// str % args (printf-style formatting).
py_val py_str_mod_format(py_val fmt, py_val args);
// bytes → str with an encoding ('utf-8', 'ascii', 'latin-1') and errors ('strict', 'replace',
// 'ignore'); either may be PY_NULL for the default.
py_val py_bytes_decode(const void *data, size_t len, py_val encoding, py_val errors);
extern const py_dict py_str_locals_dict;

#endif // PY_OBJSTR_H
