// modules/mod_io.c: the io module's in-memory streams, StringIO and BytesIO, plus IOBase
// (their common base, for isinstance) and UnsupportedOperation.
// Both keep their contents in one growable leaf block. BytesIO positions are bytes.
// StringIO keeps UTF-8 and counts positions in code points, as CPython does: while the text
// is all ASCII a position is its byte offset; otherwise offsets are found by scanning from a
// cached (position, offset) pair, so sequential reads and writes stay linear. Newline
// handling follows CPython: newline=None translates \r and \r\n to \n on write, '\r' and
// '\r\n' translate \n on write, '' splits lines on any of them; None and '' record the kinds
// seen (.newlines). Not provided: getbuffer(), encodings. File objects and open() are in
// mod_io_file.c.
#include <string.h>

#include "modules/mod_io.h"
#include "modules/modules.h"
#include "py/objexc.h"
#include "py/runtime.h"

enum { NL_LF, NL_NONE, NL_ANY, NL_CR, NL_CRLF }; // newline=: '\n', None, '', '\r', '\r\n'
enum { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

typedef struct io_obj {
    py_obj base;
    char *buf;        // leaf block of cap bytes, or NULL
    size_t len, cap;  // bytes
    size_t pos;       // StringIO: code points; BytesIO: bytes (may be past the end)
    size_t charlen;   // StringIO: code points in buf
    size_t cache_c, cache_b; // StringIO: code point cache_c starts at byte cache_b
    bool closed;
    bool is_str;
    bool ascii;       // StringIO: buf is all ASCII (offsets are positions)
    uint8_t newline;  // NL_*
    uint8_t seen;     // SEEN_* (newline None or '')
} io_obj;

static const py_type stringio_type, bytesio_type;

const py_type mod_io_UnsupportedOperation = {
    .base = {&py_type_type}, .name = PY_QSTR_UnsupportedOperation,
    .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID, .print = py_exc_print,
    .make_new = py_exc_make_new, .attr = py_exc_attr, .locals = (py_dict *)&py_exc_locals,
    .base_type = &py_type_OSError,
};

// The stream behind `v` (a Python subclass's instance keeps it as its native object).
static io_obj *stream(py_val v) {
    if (py_is_obj(v) && (v->type->flags & PY_TF_HEAP) && ((py_instance *)v)->native) {
        v = ((py_instance *)v)->native;
    }
    if (!py_isinstance(v, &stringio_type) && !py_isinstance(v, &bytesio_type)) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires an in-memory stream, not '%T'", v);
    }
    return (io_obj *)v;
}

static io_obj *open_stream(py_val v) {
    io_obj *o = stream(v);
    if (o->closed) {
        py_raise_msg(&py_type_ValueError, o->is_str ? "I/O operation on closed file" : "I/O operation on closed file.");
    }
    return o;
}

static void reserve(io_obj *o, size_t n) {
    if (n > o->cap) {
        size_t cap = o->cap ? o->cap : 16;
        while (cap < n) {
            if (cap > SIZE_MAX / 4) {
                py_raise_memory_error();
            }
            cap = cap + cap / 2 + 8;
        }
        o->buf = py_gc_realloc(o->buf, cap);
        o->cap = cap;
    }
}

// Byte offset of code point ci (<= charlen) of a StringIO; bytes for a BytesIO.
static size_t offset_of(io_obj *o, size_t ci) {
    if (!o->is_str || o->ascii) {
        return ci;
    }
    size_t c = 0, b = 0;
    if (ci >= o->cache_c) {
        c = o->cache_c;
        b = o->cache_b;
    }
    for (; c < ci; c++) {
        b++;
        while (b < o->len && ((uint8_t)o->buf[b] & 0xc0) == 0x80) {
            b++;
        }
    }
    o->cache_c = c;
    o->cache_b = b;
    return b;
}

static size_t count_chars(io_obj *o, const char *s, size_t n) {
    return o->is_str && !o->ascii ? py_utf8_charlen(s, n) : n;
}

static bool all_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if ((uint8_t)s[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

// Writes n bytes (m code points) at the position, padding a gap with NULs.
static void put(io_obj *o, const char *s, size_t n, size_t m) {
    size_t total = o->is_str ? o->charlen : o->len;
    if (o->pos > total) {
        size_t pad = o->pos - total;
        reserve(o, o->len + pad);
        memset(o->buf + o->len, 0, pad);
        o->len += pad;
        if (o->is_str) {
            o->charlen = o->pos;
        }
        total = o->pos;
    }
    size_t b0 = offset_of(o, o->pos);
    size_t end = o->pos + m < total ? o->pos + m : total;
    size_t b1 = offset_of(o, end);
    size_t newlen = o->len - (b1 - b0) + n;
    reserve(o, newlen);
    py_memmove(o->buf + b0 + n, o->buf + b1, o->len - b1);
    py_memcpy(o->buf + b0, s, n);
    o->len = newlen;
    if (o->is_str) {
        o->ascii = o->ascii && all_ascii(s, n);
        if (o->pos + m > o->charlen) {
            o->charlen = o->pos + m;
        }
        o->cache_c = o->pos + m;
        o->cache_b = b0 + n;
    }
    o->pos += m;
}

// Writes a str with the newline translation of the stream; returns len(s).
static py_val write_str(io_obj *o, py_val s) {
    size_t n;
    const char *d = py_get_str(s, &n);
    size_t m = py_utf8_charlen(d, n), chars = m;
    uint8_t nl = o->newline;
    if (nl == NL_LF || memchr(d, nl == NL_CR || nl == NL_CRLF ? '\n' : '\r', n) == NULL) {
        if ((nl == NL_NONE || nl == NL_ANY) && memchr(d, '\n', n)) {
            o->seen |= SEEN_LF;
        }
        put(o, d, n, m);
        return py_small((py_int_t)chars);
    }
    py_vstr v;
    py_vstr_init(&v, n + 8);
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        if (nl == NL_CR && c == '\n') {
            py_vstr_add_char(&v, '\r');
        } else if (nl == NL_CRLF && c == '\n') {
            py_vstr_add(&v, "\r\n", 2);
            m++;
        } else if ((c == '\r' || c == '\n') && (nl == NL_NONE || nl == NL_ANY)) {
            // None or '': record the kind; None also translates to \n
            bool crlf = c == '\r' && i + 1 < n && d[i + 1] == '\n';
            o->seen |= crlf ? SEEN_CRLF : c == '\r' ? SEEN_CR : SEEN_LF;
            if (nl == NL_NONE) {
                py_vstr_add_char(&v, '\n');
                m -= crlf;
            } else {
                py_vstr_add(&v, d + i, crlf ? 2 : 1);
            }
            i += crlf;
        } else {
            py_vstr_add_char(&v, c);
        }
    }
    put(o, py_vstr_data(&v), v.len, m);
    return py_small((py_int_t)chars);
}

static py_val new_value(io_obj *o, size_t b0, size_t b1) {
    const char *s = b1 > b0 ? o->buf + b0 : ""; // (buf is NULL while empty)
    return o->is_str ? py_str_new(s, b1 - b0) : py_bytes_new(s, b1 - b0);
}

static void set_initial(io_obj *o, py_val init) {
    o->buf = NULL;
    o->len = o->cap = o->pos = o->charlen = o->cache_c = o->cache_b = 0;
    o->ascii = true;
    o->seen = 0;
    o->closed = false;
    if (init == PY_NULL) {
        return;
    }
    if (o->is_str) {
        write_str(o, init);
    } else {
        py_buffer b;
        py_get_buffer(init, &b, PY_BUFFER_READ);
        put(o, b.buf, b.len, b.len);
    }
    o->pos = 0;
}

// ---- construction ----------------------------------------------------------------------------
// (parsed by hand: PY_QSTR_newline is the qstr "\n", so the name "newline" has no qstr)
static void stringio_init_args(io_obj *o, size_t n_args, size_t n_kw, const py_val *args, size_t skip) {
    py_val a[2] = {PY_NONE, PY_NULL};
    size_t npos = n_args - skip;
    if (npos > 2) {
        py_raise_fmt(&py_type_TypeError, "StringIO() takes at most 2 arguments (%d given)", (int)npos);
    }
    for (size_t i = 0; i < npos; i++) {
        a[i] = args[skip + i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        size_t n;
        const char *name = py_get_str(args[n_args + 2 * k], &n);
        size_t i = n == 13 && memcmp(name, "initial_value", 13) == 0 ? 0
                   : n == 7 && memcmp(name, "newline", 7) == 0   ? 1
                                                                 : 2;
        if (i == 2) {
            py_raise_fmt(&py_type_TypeError, "StringIO() got an unexpected keyword argument '%S'",
                         args[n_args + 2 * k]);
        }
        if (i < npos) {
            py_raise_fmt(&py_type_TypeError, "argument for StringIO() given by name ('%S') and position (%d)",
                         args[n_args + 2 * k], (int)i + 1);
        }
        a[i] = args[n_args + 2 * k + 1];
    }
    uint8_t nl = NL_LF;
    if (a[1] == PY_NONE) {
        nl = NL_NONE;
    } else if (a[1] != PY_NULL) {
        if (!py_is_str(a[1])) {
            py_raise_fmt(&py_type_TypeError, "newline must be str or None, not %T", a[1]);
        }
        size_t n;
        const char *s = py_get_str(a[1], &n);
        if (n == 0) {
            nl = NL_ANY;
        } else if (n == 1 && s[0] == '\n') {
            nl = NL_LF;
        } else if (n == 1 && s[0] == '\r') {
            nl = NL_CR;
        } else if (n == 2 && s[0] == '\r' && s[1] == '\n') {
            nl = NL_CRLF;
        } else {
            py_raise_fmt(&py_type_ValueError, "illegal newline value: %r", a[1]);
        }
    }
    if (a[0] != PY_NONE && !py_is_str(a[0])) {
        py_raise_fmt(&py_type_TypeError, "initial_value must be str or None, not %T", a[0]);
    }
    o->newline = nl;
    set_initial(o, a[0] == PY_NONE ? PY_NULL : a[0]);
}

static void bytesio_init_args(io_obj *o, size_t n_args, size_t n_kw, const py_val *args, size_t skip) {
    static const py_arg_spec spec[] = {{PY_QSTR_initial_bytes, 0, PY_NONE}};
    py_val a[1];
    py_arg_parse("BytesIO", n_args, n_kw, args, skip, spec, 1, a);
    if (a[0] != PY_NONE && py_is_str(a[0])) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", a[0]);
    }
    set_initial(o, a[0] == PY_NONE ? PY_NULL : a[0]);
}

static py_val io_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    io_obj *o = py_new(io_obj, t);
    o->is_str = t == &stringio_type;
    if (o->is_str) {
        stringio_init_args(o, n_args, n_kw, args, 0);
    } else {
        bytesio_init_args(o, n_args, n_kw, args, 0);
    }
    return (py_val)o;
}

static py_val io_init(size_t n_args, size_t n_kw, const py_val *args) {
    io_obj *o = stream(args[0]);
    if (o->is_str) {
        stringio_init_args(o, n_args, n_kw, args, 1);
    } else {
        bytesio_init_args(o, n_args, n_kw, args, 1);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(io_init_obj, __init__, io_init);

// ---- reading ------------------------------------------------------------------------------------
// A size argument: None or negative → -1 (all).
static py_int_t size_arg(size_t n_args, const py_val *args, size_t i) {
    if (n_args <= i || args[i] == PY_NONE) {
        return -1;
    }
    py_int_t n;
    if (!py_index_maybe(args[i], &n)) {
        py_raise_fmt(&py_type_TypeError, "argument should be integer or None, not '%T'", args[i]);
    }
    return n < 0 ? -1 : n;
}

// The end offset of `size` more items (-1: all) from the position; the item count in *count.
static size_t span(io_obj *o, py_int_t size, size_t *count) {
    size_t total = o->is_str ? o->charlen : o->len;
    size_t avail = o->pos < total ? total - o->pos : 0;
    size_t n = size < 0 || (size_t)size > avail ? avail : (size_t)size;
    *count = n;
    return offset_of(o, o->pos + n);
}

static py_val io_read(size_t n_args, const py_val *args) {
    io_obj *o = open_stream(args[0]);
    py_int_t size = size_arg(n_args, args, 1);
    size_t total = o->is_str ? o->charlen : o->len;
    if (o->pos >= total) {
        return new_value(o, 0, 0);
    }
    size_t b0 = offset_of(o, o->pos), count;
    size_t b1 = span(o, size, &count);
    o->pos += count;
    return new_value(o, b0, b1);
}
static PY_FN_OBJ_VAR(io_read_obj, read, 1, 2, io_read);
static PY_FN_OBJ_VAR(io_read1_obj, read1, 1, 2, io_read);

// Bytes of the line starting at byte b0, through its terminator (or to the end).
static size_t line_bytes(io_obj *o, size_t b0) {
    const char *s = o->buf + b0, *end = o->buf + o->len;
    for (const char *p = s; p < end; p++) {
        char c = *p;
        switch (o->is_str ? o->newline : NL_LF) {
        case NL_LF:
        case NL_NONE:
            if (c == '\n') {
                return (size_t)(p - s) + 1;
            }
            break;
        case NL_CR:
            if (c == '\r') {
                return (size_t)(p - s) + 1;
            }
            break;
        case NL_CRLF:
            if (c == '\r' && p + 1 < end && p[1] == '\n') {
                return (size_t)(p - s) + 2;
            }
            break;
        default: // NL_ANY
            if (c == '\n') {
                return (size_t)(p - s) + 1;
            }
            if (c == '\r') {
                return (size_t)(p - s) + (p + 1 < end && p[1] == '\n' ? 2 : 1);
            }
        }
    }
    return (size_t)(end - s);
}

// The next line (at most `size` items when size >= 0), advancing the position.
static py_val readline_impl(io_obj *o, py_int_t size) {
    size_t total = o->is_str ? o->charlen : o->len;
    if (o->pos >= total || size == 0) {
        return new_value(o, 0, 0);
    }
    size_t b0 = offset_of(o, o->pos);
    size_t nb = line_bytes(o, b0);
    size_t count = count_chars(o, o->buf + b0, nb);
    if (size >= 0 && count > (size_t)size) {
        count = (size_t)size;
        nb = offset_of(o, o->pos + count) - b0;
    }
    o->pos += count;
    if (o->is_str) {
        o->cache_c = o->pos;
        o->cache_b = b0 + nb;
    }
    return new_value(o, b0, b0 + nb);
}

static py_val io_readline(size_t n_args, const py_val *args) {
    io_obj *o = open_stream(args[0]);
    return readline_impl(o, size_arg(n_args, args, 1));
}
static PY_FN_OBJ_VAR(io_readline_obj, readline, 1, 2, io_readline);

static py_val io_readlines(size_t n_args, const py_val *args) {
    io_obj *o = open_stream(args[0]);
    py_int_t hint = size_arg(n_args, args, 1);
    py_val list = py_list_new(0, NULL);
    size_t got = 0;
    for (;;) {
        size_t before = o->pos;
        py_val line = readline_impl(o, -1);
        if (o->pos == before) {
            break;
        }
        py_list_append(list, line);
        got += o->pos - before;
        // (CPython's StringIO stops past the hint, its BytesIO at it)
        if (hint > 0 && (o->is_str ? got > (size_t)hint : got >= (size_t)hint)) {
            break;
        }
    }
    return list;
}
static PY_FN_OBJ_VAR(io_readlines_obj, readlines, 1, 2, io_readlines);

static py_val io_readinto(py_val self, py_val b) {
    io_obj *o = open_stream(self);
    py_buffer buf;
    py_get_buffer(b, &buf, PY_BUFFER_WRITE);
    size_t count;
    size_t b0 = o->pos < o->len ? o->pos : o->len;
    span(o, (py_int_t)buf.len, &count);
    py_memcpy(buf.buf, o->buf + b0, count);
    o->pos += count;
    return py_small((py_int_t)count);
}
static PY_FN_OBJ_2(io_readinto_obj, readinto, io_readinto);

static py_val io_iternext(py_val self) {
    io_obj *o = stream(self);
    if (o->closed) {
        py_raise_msg(&py_type_ValueError, "I/O operation on closed file.");
    }
    size_t before = o->pos;
    py_val line = readline_impl(o, -1);
    return o->pos == before ? PY_STOP : line;
}

// ---- writing ------------------------------------------------------------------------------------
static py_val write_one(io_obj *o, py_val s) {
    if (o->is_str) {
        if (!py_is_str(s)) {
            py_raise_fmt(&py_type_TypeError, "string argument expected, got '%T'", s);
        }
        return write_str(o, s);
    }
    py_buffer b;
    if (py_is_str(s) || !py_get_buffer_maybe(s, &b, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", s);
    }
    put(o, b.buf, b.len, b.len);
    return py_small((py_int_t)b.len);
}

static py_val io_write(py_val self, py_val s) { return write_one(open_stream(self), s); }
static PY_FN_OBJ_2(io_write_obj, write, io_write);

static py_val io_writelines(py_val self, py_val lines) {
    open_stream(self);
    py_val it = py_getiter(lines);
    for (py_val s; (s = py_iternext(it)) != PY_STOP;) {
        write_one(open_stream(self), s);
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(io_writelines_obj, writelines, io_writelines);

static py_val io_truncate(size_t n_args, const py_val *args) {
    io_obj *o = open_stream(args[0]);
    size_t size = o->pos;
    if (n_args > 1 && args[1] != PY_NONE) {
        py_int_t n;
        if (!py_index_maybe(args[1], &n)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
        }
        if (n < 0) {
            py_raise_fmt(&py_type_ValueError, o->is_str ? "Negative size value %d" : "negative size value %d", (int)n);
        }
        size = (size_t)n;
    }
    size_t total = o->is_str ? o->charlen : o->len;
    if (size < total) {
        o->len = offset_of(o, size);
        if (o->is_str) {
            o->charlen = size;
            o->cache_c = o->cache_b = 0;
        }
    }
    return py_int_from((py_int_t)size);
}
static PY_FN_OBJ_VAR(io_truncate_obj, truncate, 1, 2, io_truncate);

// ---- positioning --------------------------------------------------------------------------------
static py_val io_seek(size_t n_args, const py_val *args) {
    io_obj *o = open_stream(args[0]);
    py_int_t off, whence = 0;
    if (!py_index_maybe(args[1], &off)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    if (n_args > 2 && !py_index_maybe(args[2], &whence)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", args[2]);
    }
    if (whence < 0 || whence > 2) {
        py_raise_fmt(&py_type_ValueError, o->is_str ? "Invalid whence (%d, should be 0, 1 or 2)"
                                                    : "invalid whence (%d, should be 0, 1 or 2)",
                     (int)whence);
    }
    if (o->is_str) {
        if (whence && off) {
            py_raise_msg(&py_type_OSError, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                                       : "Can't do nonzero end-relative seeks");
        }
        if (off < 0) {
            py_raise_fmt(&py_type_ValueError, "Negative seek position %d", (int)off);
        }
        o->pos = whence == 2 ? o->charlen : whence == 1 ? o->pos : (size_t)off;
    } else {
        if (whence == 0 && off < 0) {
            py_raise_fmt(&py_type_ValueError, "negative seek value %d", (int)off);
        }
        py_int_t base = whence == 2 ? (py_int_t)o->len : whence == 1 ? (py_int_t)o->pos : 0;
        py_int_t p = off > PY_SMALL_MAX - base ? PY_SMALL_MAX : base + off;
        o->pos = p < 0 ? 0 : (size_t)p;
    }
    return py_int_from((py_int_t)o->pos);
}
static PY_FN_OBJ_VAR(io_seek_obj, seek, 2, 3, io_seek);

static py_val io_tell(py_val self) { return py_int_from((py_int_t)open_stream(self)->pos); }
static PY_FN_OBJ_1(io_tell_obj, tell, io_tell);

static py_val io_getvalue(py_val self) {
    io_obj *o = open_stream(self);
    return new_value(o, 0, o->len);
}
static PY_FN_OBJ_1(io_getvalue_obj, getvalue, io_getvalue);

// ---- state ---------------------------------------------------------------------------------------
static py_val io_close(py_val self) {
    io_obj *o = stream(self);
    o->closed = true;
    o->buf = NULL;
    o->len = o->cap = o->charlen = 0;
    return PY_NONE;
}
static PY_FN_OBJ_1(io_close_obj, close, io_close);

static py_val io_true(py_val self) {
    open_stream(self);
    return PY_TRUE;
}
static PY_FN_OBJ_1(io_readable_obj, readable, io_true);
static PY_FN_OBJ_1(io_writable_obj, writable, io_true);
static PY_FN_OBJ_1(io_seekable_obj, seekable, io_true);

static py_val io_isatty(py_val self) {
    open_stream(self);
    return PY_FALSE;
}
static PY_FN_OBJ_1(io_isatty_obj, isatty, io_isatty);

static py_val io_flush(py_val self) {
    io_obj *o = stream(self);
    if (!o->is_str) {
        open_stream(self); // (a closed StringIO may be flushed, a closed BytesIO not)
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(io_flush_obj, flush, io_flush);

static py_val io_enter(py_val self) {
    open_stream(self);
    return self;
}
static PY_FN_OBJ_1(io_enter_obj, __enter__, io_enter);

static py_val io_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return io_close(args[0]);
}
static PY_FN_OBJ_VAR(io_exit_obj, __exit__, 1, 4, io_exit);

static py_val io_fileno(py_val self) {
    (void)self;
    py_raise_msg(&mod_io_UnsupportedOperation, "fileno");
}
static PY_FN_OBJ_1(io_fileno_obj, fileno, io_fileno);

static py_val io_detach(py_val self) {
    (void)self;
    py_raise_msg(&mod_io_UnsupportedOperation, "detach");
}
static PY_FN_OBJ_1(io_detach_obj, detach, io_detach);

static void io_attr(py_val self, qstr attr, py_val *dest) {
    io_obj *o = (io_obj *)self;
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    switch (attr) {
    case PY_QSTR_closed: dest[0] = py_bool(o->closed); return;
    default: break;
    }
    if (!o->is_str) {
        return;
    }
    switch (attr) {
    case PY_QSTR_line_buffering: open_stream(self); dest[0] = PY_FALSE; return;
    case PY_QSTR_encoding:
    case PY_QSTR_errors: dest[0] = PY_NONE; return;
    case PY_QSTR_newlines: {
        open_stream(self);
        static const char *const names[] = {"\r", "\n", "\r\n"};
        py_val kinds[3];
        size_t n = 0;
        for (int i = 0; i < 3; i++) {
            if (o->seen & (1 << i)) {
                kinds[n++] = py_str_from_cstr(names[i]);
            }
        }
        dest[0] = n == 0 ? PY_NONE : n == 1 ? kinds[0] : py_tuple_new(n, kinds);
        return;
    }
    default: return;
    }
}

static const py_dict_entry stringio_locals_table[] = {
    PY_ROM_ENTRY(read, &io_read_obj),
    PY_ROM_ENTRY(readline, &io_readline_obj),
    PY_ROM_ENTRY(readlines, &io_readlines_obj),
    PY_ROM_ENTRY(write, &io_write_obj),
    PY_ROM_ENTRY(writelines, &io_writelines_obj),
    PY_ROM_ENTRY(seek, &io_seek_obj),
    PY_ROM_ENTRY(tell, &io_tell_obj),
    PY_ROM_ENTRY(truncate, &io_truncate_obj),
    PY_ROM_ENTRY(getvalue, &io_getvalue_obj),
    PY_ROM_ENTRY(close, &io_close_obj),
    PY_ROM_ENTRY(readable, &io_readable_obj),
    PY_ROM_ENTRY(writable, &io_writable_obj),
    PY_ROM_ENTRY(seekable, &io_seekable_obj),
    PY_ROM_ENTRY(isatty, &io_isatty_obj),
    PY_ROM_ENTRY(flush, &io_flush_obj),
    PY_ROM_ENTRY(fileno, &io_fileno_obj),
    PY_ROM_ENTRY(detach, &io_detach_obj),
    PY_ROM_ENTRY(__enter__, &io_enter_obj),
    PY_ROM_ENTRY(__exit__, &io_exit_obj),
    PY_ROM_ENTRY(__init__, &io_init_obj),
};
static PY_ROM_DICT(stringio_locals, stringio_locals_table);

static const py_dict_entry bytesio_locals_table[] = {
    PY_ROM_ENTRY(read, &io_read_obj),
    PY_ROM_ENTRY(read1, &io_read1_obj),
    PY_ROM_ENTRY(readinto, &io_readinto_obj),
    PY_ROM_ENTRY(readline, &io_readline_obj),
    PY_ROM_ENTRY(readlines, &io_readlines_obj),
    PY_ROM_ENTRY(write, &io_write_obj),
    PY_ROM_ENTRY(writelines, &io_writelines_obj),
    PY_ROM_ENTRY(seek, &io_seek_obj),
    PY_ROM_ENTRY(tell, &io_tell_obj),
    PY_ROM_ENTRY(truncate, &io_truncate_obj),
    PY_ROM_ENTRY(getvalue, &io_getvalue_obj),
    PY_ROM_ENTRY(close, &io_close_obj),
    PY_ROM_ENTRY(readable, &io_readable_obj),
    PY_ROM_ENTRY(writable, &io_writable_obj),
    PY_ROM_ENTRY(seekable, &io_seekable_obj),
    PY_ROM_ENTRY(isatty, &io_isatty_obj),
    PY_ROM_ENTRY(flush, &io_flush_obj),
    PY_ROM_ENTRY(fileno, &io_fileno_obj),
    PY_ROM_ENTRY(__enter__, &io_enter_obj),
    PY_ROM_ENTRY(__exit__, &io_exit_obj),
    PY_ROM_ENTRY(__init__, &io_init_obj),
};
static PY_ROM_DICT(bytesio_locals, bytesio_locals_table);

static py_val iobase_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    return (py_val)py_new(py_obj, t);
}

const py_type mod_io_IOBase = {
    .base = {&py_type_type},
    .name = PY_QSTR_IOBase,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .make_new = iobase_make_new,
    .base_type = &py_type_object,
};

static const py_type stringio_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_StringIO,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID | PY_TF_ITER_SELF,
    .make_new = io_make_new,
    .attr = io_attr,
    .iternext = io_iternext,
    .locals = (py_dict *)&stringio_locals,
    .base_type = &mod_io_IOBase,
};

static const py_type bytesio_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_BytesIO,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID | PY_TF_ITER_SELF,
    .make_new = io_make_new,
    .attr = io_attr,
    .iternext = io_iternext,
    .locals = (py_dict *)&bytesio_locals,
    .base_type = &mod_io_IOBase,
};

static const py_dict_entry io_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_io)),
    PY_ROM_ENTRY(StringIO, &stringio_type),
    PY_ROM_ENTRY(BytesIO, &bytesio_type),
    PY_ROM_ENTRY(IOBase, &mod_io_IOBase),
    PY_ROM_ENTRY(UnsupportedOperation, &mod_io_UnsupportedOperation),
    PY_ROM_ENTRY(open, &mod_io_open_obj),
    PY_ROM_ENTRY(TextIOWrapper, &mod_io_TextIOWrapper),
    PY_ROM_ENTRY(BufferedReader, &mod_io_BufferedReader),
    PY_ROM_ENTRY(BufferedWriter, &mod_io_BufferedWriter),
    PY_ROM_ENTRY(BufferedRandom, &mod_io_BufferedRandom),
    PY_ROM_ENTRY(FileIO, &mod_io_FileIO),
};
static PY_ROM_DICT(io_globals, io_table);

const py_module mod_io_module = {{&py_type_module}, (py_dict *)&io_globals};
