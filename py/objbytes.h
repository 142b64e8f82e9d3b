// py/objbytes.h: bytes, bytearray and memoryview internals shared by py/objbytes.c (bytes,
// construction, codecs, bytes % args), py/bytesmethods.c (the methods bytes and bytearray
// share), py/objbytearray.c and py/objmemoryview.c. Everything here may raise (py/nlr.h) and
// may allocate unless it says otherwise; context: the interpreter thread holding the lock.
// The constructors py_bytes_new/py_bytearray_new are in py/runtime.h, py_bytes_decode in
// py/objstr.h.
#ifndef PY_OBJBYTES_H
#define PY_OBJBYTES_H

#include "py/obj.h"
#include "py/runtime.h"

// ---- conversions ---------------------------------------------------------------------------
/**
 * The value of an integer-like v (int, bool, int subclass, an object with __index__) in
 * *out; returns false if v is not integer-like. A value beyond the small-int range sets
 * *out to PY_SMALL_MAX or PY_SMALL_MIN and returns true with *ovf = 1 (else *ovf = 0).
 * Raises only what a Python __index__ raises.
 */
bool py_bytes_as_index(py_val v, py_int_t *out, bool *ovf);

/**
 * An integer argument (a size, width, count, index) of a bytes or bytearray method:
 * TypeError "'T' object cannot be interpreted as an integer" unless integer-like,
 * OverflowError as CPython's when beyond a C ssize_t.
 */
py_int_t py_bytes_arg_int(py_val v);

/** A bytes-like argument's data and length (TypeError "a bytes-like object is required"). */
const uint8_t *py_bytes_arg_data(py_val v, size_t *n);

/**
 * v as a byte value: TypeError "'T' object cannot be interpreted as an integer" unless
 * integer-like, ValueError "byte must be in range(0, 256)" out of range.
 */
uint8_t py_bytes_byte(py_val v);

/** true if v is a bytes or bytearray object (or an instance of a subclass of either). */
bool py_bytes_is_bytes_like(py_val v);

/**
 * Appends the bytes of a bytes-like object to out; a non-contiguous memoryview is copied
 * item by item. Returns false (out unchanged) if v is not bytes-like.
 */
bool py_bytes_append_buffer(py_vstr *out, py_val v);

// ---- constructors ----------------------------------------------------------------------------
/**
 * Fills out from bytes()/bytearray() arguments (source, encoding, errors: positional then
 * keyword pairs as in py_call), with CPython's rules and messages for bytes (ba false: also
 * honours __bytes__) or bytearray (ba true).
 */
void py_bytes_fill(py_vstr *out, bool ba, size_t n_args, size_t n_kw, const py_val *args);

/** Appends the byte values (ints) an iterable yields; the ValueError text is bytes' or
 *  bytearray's (ba). */
void py_bytes_fill_iterable(py_vstr *out, py_val iterable, bool ba);

/** str -> bytes (bytes(s, encoding, errors); meant for str.encode too): encodes the str s
 *  with an encoding and an errors handler (PY_NULL: 'utf-8', 'strict'), raising LookupError
 *  and UnicodeEncodeError with CPython's messages. */
py_val py_bytes_encode(py_val s, py_val encoding, py_val errors);

/** The hex() text of p[0..n) (a str) with an optional separator (str or bytes of length 1,
 *  PY_NULL: none) every bytes_per_sep bytes (PY_NULL: 1; negative: grouped from the left). */
py_val py_bytes_hex(const uint8_t *p, size_t n, py_val sep, py_val bytes_per_sep);

/** bytes % args: formats fmt[0..n) into out (fmt must not point into memory the formatting
 *  may change: copy a bytearray's contents first). */
void py_bytes_mod_format(py_vstr *out, const char *fmt, size_t n, py_val args);

/** The binary operations bytes and bytearray share: `in`, +, * (either side) and %, with
 *  results of lhs's kind; PY_NULL for the others (comparisons, in-place operations). */
py_val py_bytes_common_binary_op(int op, py_val lhs, py_val rhs);

/** An iterator of `type` (bytes': static in py/objbytes.c; py_bytearray_iter_type) over the
 *  bytes of a bytes-like object; it re-reads the buffer at every step, so a bytearray may
 *  change while iterated. */
py_val py_bytes_iter_new(py_val obj, const py_type *type);

// The method tables (py/bytesmethods.c).
extern const py_dict py_bytes_locals, py_bytearray_locals;

// ---- bytearray ------------------------------------------------------------------------------
/** A bytearray holding the contents of v (which is then spent); no copy of the bytes. */
py_val py_bytearray_from_vstr(py_vstr *v);

// The methods only bytearray has (its locals table is in py/bytesmethods.c with the shared ones).
extern const py_builtin py_bytearray_append_obj, py_bytearray_extend_obj, py_bytearray_insert_obj,
    py_bytearray_pop_obj, py_bytearray_remove_obj, py_bytearray_clear_obj, py_bytearray_copy_obj,
    py_bytearray_reverse_obj, py_bytearray_init_obj;
extern const py_type py_bytearray_iter_type;

// ---- memoryview -----------------------------------------------------------------------------
/** Appends the items' bytes of memoryview v to out, in view order (works for non-contiguous
 *  views). ValueError if v is released. */
void py_memoryview_copy(py_val v, py_vstr *out);

#endif // PY_OBJBYTES_H
