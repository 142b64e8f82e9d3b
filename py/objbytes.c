// py/objbytes.c: the bytes type, bytes() and bytearray() construction, the codecs, and
// bytes % args.
// bytes is immutable and has the py_str layout (len == charlen, NUL-terminated, hash cached),
// allocated as one leaf block; its methods (shared with bytearray) are in py/bytesmethods.c.
// The codecs are utf-8, ascii and latin-1 with the strict, ignore, replace, backslashreplace,
// surrogateescape, surrogatepass and (encoding only) xmlcharrefreplace handlers, as CPython
// 3.11 words them; other codecs raise LookupError and namereplace is not supported.
#include <stdio.h>
#include <string.h>

#include "py/format.h"
#include "py/objbytes.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- conversions ------------------------------------------------------------------------------
bool py_bytes_as_index(py_val v, py_int_t *out, bool *ovf) {
    *ovf = false;
    if (py_is_small(v)) {
        *out = py_small_get(v);
        return true;
    }
    py_val iv = py_int_unwrap(v);
    if (iv == PY_NULL) {
        const py_type *t = py_typeof(v);
        if (t == &py_type_float || t == &py_type_str || !t->unary_op) {
            return false;
        }
        iv = t->unary_op(PY_UOP_INDEX, v);
        if (iv == PY_NULL || (iv = py_int_unwrap(iv)) == PY_NULL) {
            return false;
        }
    }
    if (py_is_small(iv)) {
        *out = py_small_get(iv);
        return true;
    }
    // a big int never holds a small value: it is out of range for sizes and indices
    *ovf = true;
    *out = py_int_sign(iv) < 0 ? PY_SMALL_MIN : PY_SMALL_MAX;
    return true;
}

py_int_t py_bytes_arg_int(py_val v) {
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(v, &i, &ovf)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    if (ovf) {
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return i;
}

const uint8_t *py_bytes_arg_data(py_val v, size_t *n) {
    py_buffer b;
    py_get_buffer(v, &b, PY_BUFFER_READ);
    *n = b.len;
    return b.buf;
}

uint8_t py_bytes_byte(py_val v) {
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(v, &i, &ovf)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    if (ovf || i < 0 || i > 255) {
        py_raise_msg(&py_type_ValueError, "byte must be in range(0, 256)");
    }
    return (uint8_t)i;
}

bool py_bytes_is_bytes_like(py_val v) {
    return py_isinstance(v, &py_type_bytes) || py_isinstance(v, &py_type_bytearray);
}

bool py_bytes_append_buffer(py_vstr *out, py_val v) {
    py_buffer b;
    if (py_get_buffer_maybe(v, &b, PY_BUFFER_READ)) {
        py_vstr_add(out, b.buf, b.len);
        return true;
    }
    if (py_typeof(v) == &py_type_memoryview) {
        py_memoryview_copy(v, out);
        return true;
    }
    return false;
}

// ---- bytes objects ----------------------------------------------------------------------------
py_val py_bytes_new_uninit(size_t len, char **data) {
    if (len > UINT32_MAX - 64) {
        py_raise_memory_error();
    }
    py_str *o = py_new_leaf_var(py_str, len + 1, &py_type_bytes);
    o->len = (uint32_t)len;
    o->charlen = (uint32_t)len;
    *data = o->data;
    return (py_val)o; // data[len] is 0: the allocation is zeroed
}

py_val py_bytes_new(const void *s, size_t len) {
    if (len > UINT32_MAX - 64) {
        py_raise_memory_error();
    }
    py_str *o = py_new_leaf_var(py_str, len + 1, &py_type_bytes);
    memcpy(o->data, s, len);
    o->data[len] = 0;
    o->len = (uint32_t)len;
    o->charlen = (uint32_t)len;
    return (py_val)o;
}

static void bytes_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_str *s = (py_str *)self;
    py_str_print_quoted(p, s->data, s->len, true);
}

static int mem_cmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
    int c = memcmp(a, b, an < bn ? an : bn);
    return c != 0 ? c : an < bn ? -1 : an > bn ? 1 : 0;
}

static py_val cmp_result(int op, int c) {
    switch (op) {
    case PY_OP_LT: return py_bool(c < 0);
    case PY_OP_LE: return py_bool(c <= 0);
    case PY_OP_GT: return py_bool(c > 0);
    case PY_OP_GE: return py_bool(c >= 0);
    case PY_OP_EQ: return py_bool(c == 0);
    default: return py_bool(c != 0);
    }
}

static py_val bytes_binary_op(int op, py_val lhs, py_val rhs) {
    if (op <= PY_OP_GE && op != PY_OP_CONTAINS) {
        // bytes compares only with bytes; bytearray and memoryview take the reflected turn
        if (!py_isinstance(rhs, &py_type_bytes)) {
            return PY_NULL;
        }
        size_t an, bn;
        const uint8_t *a = py_bytes_arg_data(lhs, &an);
        const uint8_t *b = py_bytes_arg_data(rhs, &bn);
        if ((op == PY_OP_EQ || op == PY_OP_NE) && an != bn) {
            return py_bool(op == PY_OP_NE);
        }
        return cmp_result(op, mem_cmp(a, an, b, bn));
    }
    return py_bytes_common_binary_op(op, lhs, rhs);
}

static py_val bytes_unary_op(int op, py_val self) {
    py_str *s = (py_str *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(s->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)s->len);
    case PY_UOP_HASH:
        if (s->hash == 0) {
            s->hash = py_qstr_hash_bytes(s->data, s->len);
        }
        return py_small(s->hash);
    default: return PY_NULL;
    }
}

// b[i:j] with small-int or omitted bounds and no step (the common case, as in a loop over
// records): *start and *n as py_slice_indices would give them; false for any other slice.
static bool slice_simple(py_val index, size_t len, py_int_t *start, size_t *n) {
    const py_slice *sl = (const py_slice *)index;
    if (sl->step != PY_NONE || !(sl->start == PY_NONE || py_is_small(sl->start)) ||
        !(sl->stop == PY_NONE || py_is_small(sl->stop))) {
        return false;
    }
    py_int_t l = (py_int_t)len;
    py_int_t a = sl->start == PY_NONE ? 0 : py_small_get(sl->start);
    py_int_t b = sl->stop == PY_NONE ? l : py_small_get(sl->stop);
    a = a < 0 ? (a + l < 0 ? 0 : a + l) : (a > l ? l : a);
    b = b < 0 ? (b + l < 0 ? 0 : b + l) : (b > l ? l : b);
    *start = a;
    *n = b > a ? (size_t)(b - a) : 0;
    return true;
}

static py_val bytes_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    py_str *s = (py_str *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        py_int_t start, stop, step;
        size_t n;
        if (!slice_simple(index, s->len, &start, &n)) {
            n = py_slice_indices(index, s->len, &start, &stop, &step);
        } else {
            step = 1;
        }
        if (step == 1) {
            return n == s->len ? self : py_bytes_new(s->data + start, n);
        }
        py_vstr v;
        py_vstr_init(&v, n);
        char *d = py_vstr_extend(&v, n);
        for (size_t i = 0; i < n; i++) {
            d[i] = s->data[start + (py_int_t)i * step];
        }
        return py_vstr_to_bytes(&v);
    }
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(index, &i, &ovf)) {
        py_raise_fmt(&py_type_TypeError, "byte indices must be integers or slices, not %T", index);
    }
    if (ovf) {
        py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0) {
        i += (py_int_t)s->len;
    }
    if (i < 0 || i >= (py_int_t)s->len) {
        py_raise_msg(&py_type_IndexError, "index out of range");
    }
    return py_small((uint8_t)s->data[i]);
}

// ---- iteration (bytes and bytearray) ----------------------------------------------------------
typedef struct bytes_iter {
    py_obj base;
    py_val obj;
    size_t i;
} bytes_iter;

static py_val bytes_iter_next(py_val self) {
    bytes_iter *it = (bytes_iter *)self;
    py_buffer buf;
    if (it->obj == PY_NULL) {
        return PY_STOP;
    }
    if (py_is_obj(it->obj) && it->obj->type == &py_type_bytes) {
        // bytes never change: no need to ask for the buffer at every step
        const py_str *s = (const py_str *)it->obj;
        if (it->i < s->len) {
            return py_small((uint8_t)s->data[it->i++]);
        }
        it->obj = PY_NULL;
        return PY_STOP;
    }
    py_get_buffer(it->obj, &buf, PY_BUFFER_READ);
    if (it->i >= buf.len) {
        it->obj = PY_NULL; // exhausted iterators stay exhausted
        return PY_STOP;
    }
    return py_small(((uint8_t *)buf.buf)[it->i++]);
}

static const py_type bytes_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_bytes_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = bytes_iter_next,
    .base_type = &py_type_object,
};

const py_type py_bytearray_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_bytearray_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = bytes_iter_next,
    .base_type = &py_type_object,
};

py_val py_bytes_iter_new(py_val obj, const py_type *type) {
    bytes_iter *it = py_new(bytes_iter, type);
    it->obj = obj;
    return (py_val)it;
}

static py_val bytes_getiter(py_val self) {
    return py_bytes_iter_new(self, &bytes_iter_type);
}

static bool bytes_buffer(py_val self, py_buffer *buf, int flags) {
    if (flags & PY_BUFFER_WRITE) {
        return false;
    }
    py_str *s = (py_str *)self;
    buf->buf = s->data;
    buf->len = s->len;
    buf->typecode = 'B';
    return true;
}

// ---- codecs -----------------------------------------------------------------------------------
enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 };
static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

// Normalised names (CPython's encodings.normalize_encoding, lower-cased) and aliases.
static const char *const enc_aliases[] = {
    "\0utf_8",
    "\0u8",
    "\0utf",
    "\0utf8",
    "\0utf8_ucs2",
    "\0utf8_ucs4",
    "\0cp65001",
    "\1ascii",
    "\1646",
    "\1ansi_x3.4_1968",
    "\1ansi_x3_4_1968",
    "\1ansi_x3.4_1986",
    "\1cp367",
    "\1csascii",
    "\1ibm367",
    "\1iso646_us",
    "\1iso_646.irv_1991",
    "\1iso_ir_6",
    "\1us",
    "\1us_ascii",
    "\2latin_1",
    "\2"
    "8859",
    "\2cp819",
    "\2csisolatin1",
    "\2ibm819",
    "\2iso8859",
    "\2iso8859_1",
    "\2iso_8859_1",
    "\2iso_8859_1_1987",
    "\2iso_ir_100",
    "\2l1",
    "\2latin",
    "\2latin1",
};

static int codec_lookup(py_val encoding) {
    if (encoding == PY_NULL) {
        return ENC_UTF8;
    }
    size_t len;
    const char *s = py_get_str(encoding, &len);
    char norm[32];
    size_t n = 0;
    bool punct = false;
    for (size_t i = 0; i < len && n < sizeof(norm) - 2; i++) {
        char c = s[i];
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum || c == '.') {
            if (punct && n) {
                norm[n++] = '_';
            }
            norm[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            punct = false;
        } else if ((uint8_t)c < 0x80) {
            punct = true;
        }
    }
    norm[n] = 0;
    for (size_t i = 0; i < sizeof(enc_aliases) / sizeof(enc_aliases[0]); i++) {
        if (strcmp(enc_aliases[i] + 1, norm) == 0) {
            return enc_aliases[i][0];
        }
    }
    py_raise_fmt(&py_type_LookupError, "unknown encoding: %.*s", (int)len, s);
}

enum {
    ERR_STRICT,
    ERR_IGNORE,
    ERR_REPLACE,
    ERR_BACKSLASH,
    ERR_XMLREF,
    ERR_SURR_ESC,
    ERR_SURR_PASS,
    ERR_UNKNOWN
};
static const char *const err_names[] = {
    "strict",          "ignore",       "replace", "backslashreplace", "xmlcharrefreplace",
    "surrogateescape", "surrogatepass"};

// The handler named by errors; an unknown name is reported only when an error occurs.
static int errors_lookup(py_val errors) {
    if (errors == PY_NULL) {
        return ERR_STRICT;
    }
    size_t len;
    const char *s = py_get_str(errors, &len);
    for (int i = 0; i < ERR_UNKNOWN; i++) {
        if (strlen(err_names[i]) == len && memcmp(err_names[i], s, len) == 0) {
            return i;
        }
    }
    return ERR_UNKNOWN;
}

static _Noreturn void unknown_handler(py_val errors) {
    size_t len;
    const char *s = py_get_str(errors, &len);
    py_raise_fmt(&py_type_LookupError, "unknown error handler name '%.*s'", (int)len, s);
}

static _Noreturn void decode_error(int enc, const uint8_t *data, size_t start, size_t end,
                                   const char *reason) {
    char msg[160];
    if (end - start == 1) {
        py_snprintf(msg, sizeof(msg), "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                 enc_names[enc], data[start], start, reason);
    } else {
        py_snprintf(msg, sizeof(msg), "'%s' codec can't decode bytes in position %zu-%zu: %s",
                 enc_names[enc], start, end - 1, reason);
    }
    py_raise_msg(&py_type_UnicodeDecodeError, msg);
}

// Length of the valid UTF-8 sequence at p[0..n) (n > 0, p[0] >= 0x80), or 0 with *bad set to
// the length of the maximal invalid prefix and *reason to CPython's explanation.
static size_t utf8_seq(const uint8_t *p, size_t n, size_t *bad, const char **reason,
                       bool surrogatepass) {
    uint8_t c = p[0];
    size_t need;
    uint8_t lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c == 0xe0) {
            lo = 0xa0;
        } else if (c == 0xed && !surrogatepass) {
            hi = 0x9f;
        }
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c == 0xf0) {
            lo = 0x90;
        } else if (c == 0xf4) {
            hi = 0x8f;
        }
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k <= need; k++) {
        if (k >= n) {
            *bad = k;
            *reason = "unexpected end of data";
            return 0;
        }
        uint8_t d = p[k];
        if (k == 1 ? (d < lo || d > hi) : (d & 0xc0) != 0x80) {
            *bad = k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return need + 1;
}

static py_val decode(const uint8_t *data, size_t len, int enc, py_val errors) {
    size_t i = 0;
    while (i < len && data[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return py_str_new((const char *)data, len);
    }
    int eh = errors_lookup(errors);
    py_vstr v;
    py_vstr_init(&v, len + len / 2);
    py_vstr_add(&v, (const char *)data, i);
    while (i < len) {
        uint8_t c = data[i];
        if (c < 0x80) {
            py_vstr_add_char(&v, (char)c);
            i++;
            continue;
        }
        size_t bad = 1;
        const char *reason = "ordinal not in range(128)";
        if (enc == ENC_LATIN1) {
            py_vstr_add_utf8(&v, c);
            i++;
            continue;
        }
        if (enc == ENC_UTF8) {
            size_t k = utf8_seq(data + i, len - i, &bad, &reason, eh == ERR_SURR_PASS);
            if (k) {
                py_vstr_add(&v, (const char *)data + i, k);
                i += k;
                continue;
            }
        }
        switch (eh) {
        case ERR_STRICT:
        case ERR_SURR_PASS: decode_error(enc, data, i, i + bad, reason);
        case ERR_IGNORE: break;
        case ERR_REPLACE: py_vstr_add_utf8(&v, 0xfffd); break;
        case ERR_BACKSLASH:
            for (size_t k = 0; k < bad; k++) {
                char b[5];
                py_snprintf(b, sizeof(b), "\\x%02x", data[i + k]);
                py_vstr_add(&v, b, 4);
            }
            break;
        case ERR_SURR_ESC:
            for (size_t k = 0; k < bad; k++) {
                py_vstr_add_utf8(&v, 0xdc00 + data[i + k]);
            }
            break;
        case ERR_XMLREF:
            py_raise_msg(&py_type_TypeError,
                         "don't know how to handle UnicodeDecodeError in error callback");
        default: unknown_handler(errors);
        }
        i += bad;
    }
    return py_vstr_to_str(&v);
}

static void check_str_arg(const char *fn, const char *name, py_val v) {
    if (v != PY_NULL && !py_is_str(v)) {
        py_raise_fmt(&py_type_TypeError, "%s() argument '%s' must be str, not %T", fn, name, v);
    }
}

py_val py_bytes_decode(const void *data, size_t len, py_val encoding, py_val errors) {
    check_str_arg("str", "encoding", encoding);
    check_str_arg("str", "errors", errors);
    return decode(data, len, codec_lookup(encoding), errors);
}

static _Noreturn void encode_error(int enc, uint32_t cp, size_t start, size_t end,
                                   const char *reason) {
    char msg[160];
    if (end - start == 1) {
        const char *f = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
        char ch[12];
        py_snprintf(ch, sizeof(ch), f, (unsigned)cp);
        py_snprintf(msg, sizeof(msg), "'%s' codec can't encode character '%s' in position %zu: %s",
                 enc_names[enc], ch, start, reason);
    } else {
        py_snprintf(msg, sizeof(msg), "'%s' codec can't encode characters in position %zu-%zu: %s",
                 enc_names[enc], start, end - 1, reason);
    }
    py_raise_msg(&py_type_UnicodeEncodeError, msg);
}

static bool encodable(int enc, uint32_t cp) {
    switch (enc) {
    case ENC_UTF8: return cp < 0xd800 || cp > 0xdfff;
    case ENC_ASCII: return cp < 0x80;
    default: return cp < 0x100;
    }
}

py_val py_bytes_encode(py_val str, py_val encoding, py_val errors) {
    int enc = codec_lookup(encoding);
    size_t len;
    const char *s = py_get_str(str, &len);
    const char *e = s + len;
    size_t i = 0; // leading ASCII is the same in every codec
    while (i < len && (uint8_t)s[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return py_bytes_new(s, len);
    }
    int eh = errors_lookup(errors);
    py_vstr v;
    py_vstr_init(&v, len);
    py_vstr_add(&v, s, i);
    size_t pos = i; // in code points
    const char *p = s + i;
    while (p < e) {
        const char *q = p;
        uint32_t cp = py_utf8_decode(&q);
        if (encodable(enc, cp)) {
            if (enc == ENC_UTF8) {
                py_vstr_add(&v, p, (size_t)(q - p));
            } else {
                py_vstr_add_char(&v, (char)cp);
            }
            p = q;
            pos++;
            continue;
        }
        // the run of characters this codec cannot encode goes to the handler at once
        const char *run = p;
        size_t start = pos;
        uint32_t first = cp;
        while (p < e) {
            q = p;
            cp = py_utf8_decode(&q);
            if (encodable(enc, cp)) {
                break;
            }
            p = q;
            pos++;
        }
        const char *reason = enc == ENC_UTF8    ? "surrogates not allowed"
                             : enc == ENC_ASCII ? "ordinal not in range(128)"
                                                : "ordinal not in range(256)";
        if (eh == ERR_SURR_ESC || eh == ERR_SURR_PASS) {
            // all-or-nothing: any character the handler cannot take raises for the whole run
            for (const char *r = run; r < p;) {
                uint32_t c = py_utf8_decode(&r);
                bool ok = eh == ERR_SURR_ESC ? c >= 0xdc80 && c <= 0xdcff : enc == ENC_UTF8;
                if (!ok) {
                    encode_error(enc, first, start, pos, reason);
                }
            }
        }
        for (const char *r = run; r < p;) {
            const char *r0 = r;
            uint32_t c = py_utf8_decode(&r);
            char b[16];
            switch (eh) {
            case ERR_STRICT: encode_error(enc, first, start, pos, reason);
            case ERR_IGNORE: break;
            case ERR_REPLACE: py_vstr_add_char(&v, '?'); break;
            case ERR_BACKSLASH:
                py_vstr_add(&v, b,
                            (size_t)py_snprintf(b, sizeof(b),
                                             c < 0x100     ? "\\x%02x"
                                             : c < 0x10000 ? "\\u%04x"
                                                           : "\\U%08x",
                                             (unsigned)c));
                break;
            case ERR_XMLREF:
                py_vstr_add(&v, b, (size_t)py_snprintf(b, sizeof(b), "&#%u;", (unsigned)c));
                break;
            case ERR_SURR_ESC: py_vstr_add_char(&v, (char)(c - 0xdc00)); break;
            case ERR_SURR_PASS: py_vstr_add(&v, r0, (size_t)(r - r0)); break;
            default: unknown_handler(errors);
            }
        }
    }
    return py_vstr_to_bytes(&v);
}

// ---- constructors -------------------------------------------------------------------------------
void py_bytes_fill_iterable(py_vstr *out, py_val x, bool ba) {
    size_t n;
    py_val *items;
    py_val it = PY_NULL;
    bool seq = py_get_items(x, &n, &items);
    if (!seq) {
        it = py_getiter(x);
    }
    for (size_t i = 0;; i++) {
        py_val item;
        if (seq) {
            py_get_items(x, &n, &items); // the list may change under us
            if (i >= n) {
                break;
            }
            item = items[i];
        } else if ((item = py_iternext(it)) == PY_STOP) {
            break;
        }
        py_int_t b;
        bool ovf;
        if (!py_bytes_as_index(item, &b, &ovf)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                         item);
        }
        if (ovf || b < 0 || b > 255) {
            py_raise_msg(&py_type_ValueError,
                         ba ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
        }
        py_vstr_add_char(out, (char)b);
    }
}

void py_bytes_fill(py_vstr *out, bool ba, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_source, 0, PY_NULL},
        {PY_QSTR_encoding, 0, PY_NULL},
        {PY_QSTR_errors, 0, PY_NULL},
    };
    const char *tname = ba ? "bytearray" : "bytes";
    // CPython's own wording for these two (py_arg_parse words them differently)
    if (n_args + n_kw > 3) {
        py_raise_fmt(&py_type_TypeError, "%s() takes at most 3 arguments (%d given)", tname,
                     (int)(n_args + n_kw));
    }
    for (size_t k = 0; k < n_kw; k++) {
        qstr q = py_str_intern(args[n_args + 2 * k]);
        if (q != PY_QSTR_source && q != PY_QSTR_encoding && q != PY_QSTR_errors) {
            py_raise_fmt(&py_type_TypeError, "'%q' is an invalid keyword argument for %s()", q,
                         tname);
        }
    }
    py_val a[3];
    py_arg_parse(tname, n_args, n_kw, args, 0, spec, 3, a);
    py_val x = a[0], encoding = a[1], errors = a[2];
    check_str_arg(tname, "encoding", encoding);
    check_str_arg(tname, "errors", errors);
    const char *no_str =
        encoding ? "encoding without a string argument" : "errors without a string argument";
    if (x == PY_NULL) {
        if (encoding || errors) {
            py_raise_msg(&py_type_TypeError, no_str);
        }
        return;
    }
    if (py_is_str(x)) {
        if (encoding == PY_NULL) {
            py_raise_msg(&py_type_TypeError, "string argument without an encoding");
        }
        py_val b = py_bytes_encode(x, encoding, errors);
        py_vstr_add(out, ((py_str *)b)->data, ((py_str *)b)->len);
        return;
    }
    if (encoding || errors) {
        py_raise_msg(&py_type_TypeError, no_str);
    }
    py_val dest[2];
    if (!ba && (py_typeof(x)->flags & PY_TF_HEAP) &&
        py_load_method_special(x, PY_QSTR___bytes__, dest)) {
        py_val r = py_call(dest[0], dest[1] ? 1 : 0, 0, dest[1] ? &dest[1] : NULL);
        if (!py_isinstance(r, &py_type_bytes)) {
            py_raise_fmt(&py_type_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        }
        py_bytes_append_buffer(out, r);
        return;
    }
    py_int_t n;
    bool ovf;
    if (py_bytes_as_index(x, &n, &ovf)) {
        if (ovf) {
            py_raise_msg(&py_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        if (n < 0) {
            py_raise_msg(&py_type_ValueError, "negative count");
        }
        if ((size_t)n > UINT32_MAX - 64) {
            py_raise_memory_error();
        }
        memset(py_vstr_extend(out, (size_t)n), 0, (size_t)n);
        return;
    }
    if (py_bytes_append_buffer(out, x)) {
        return;
    }
    if (!py_is_iterable(x)) {
        py_raise_fmt(&py_type_TypeError, "cannot convert '%T' object to %s", x, tname);
    }
    py_bytes_fill_iterable(out, x, ba);
}

// bytes(x) for a list or tuple of small ints, or a bytes-like object: the common calls, with
// one allocation of the exact size. PY_NULL: another case (or an error to report).
static py_val bytes_from_common(py_val x) {
    size_t n;
    py_val *items;
    py_buffer buf;
    if (py_is_obj(x) && (x->type == &py_type_list || x->type == &py_type_tuple) &&
        py_get_items(x, &n, &items)) {
        uint8_t tmp[32];
        if (n > sizeof(tmp)) {
            return PY_NULL;
        }
        for (size_t i = 0; i < n; i++) {
            py_int_t b = py_is_small(items[i]) ? py_small_get(items[i]) : -1;
            if (b < 0 || b > 255) {
                return PY_NULL;
            }
            tmp[i] = (uint8_t)b;
        }
        return py_bytes_new(tmp, n);
    }
    if (py_is_obj(x) && (x->type == &py_type_bytearray || x->type == &py_type_memoryview) &&
        py_get_buffer_maybe(x, &buf, PY_BUFFER_READ)) {
        return py_bytes_new(buf.buf, buf.len);
    }
    return PY_NULL;
}

static py_val bytes_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    if (n_args == 1 && n_kw == 0 && py_is_obj(args[0]) && args[0]->type == &py_type_bytes) {
        return args[0];
    }
    if (n_args == 1 && n_kw == 0) {
        py_val r = bytes_from_common(args[0]);
        if (r != PY_NULL) {
            return r;
        }
    }
    py_vstr v;
    py_vstr_init(&v, 16);
    py_bytes_fill(&v, false, n_args, n_kw, args);
    return py_vstr_to_bytes(&v);
}

// ---- bytes % args
// --------------------------------------------------------------------------------
enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct fmt_state {
    py_val args;    // the tuple, the single value, or the value of the last %(key)
    ptrdiff_t n;    // tuple length, or -1 for a single value
    ptrdiff_t next; // next tuple index; -2/-1 for a single value not yet/already used
} fmt_state;

static py_val next_arg(fmt_state *st) {
    if (st->next < st->n) {
        st->next++;
        return st->n < 0 ? st->args : ((py_tuple *)st->args)->items[st->next - 1];
    }
    py_raise_msg(&py_type_TypeError, "not enough arguments for format string");
}

static void pad(py_vstr *out, char c, size_t n) {
    if (n) {
        memset(py_vstr_extend(out, n), c, n);
    }
}

// Appends s[0..n) in a field of `width` (spaces, left or right).
static void put_field(py_vstr *out, const char *s, size_t n, int flags, ptrdiff_t width) {
    size_t w = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (!(flags & F_LJUST)) {
        pad(out, ' ', w);
    }
    py_vstr_add(out, s, n);
    if (flags & F_LJUST) {
        pad(out, ' ', w);
    }
}

static bool has_special(py_val v, qstr name) {
    return (py_typeof(v)->flags & PY_TF_HEAP) && py_type_lookup(py_typeof(v), name) != PY_NULL;
}

static void fmt_int(py_vstr *out, py_val v, char c, int flags, ptrdiff_t width, ptrdiff_t prec) {
    py_val iv = py_int_unwrap(v);
    double d;
    if (iv == PY_NULL) {
        if (c == 'd' || c == 'i' || c == 'u') {
            if (py_typeof(v) == &py_type_float && py_get_float_maybe(v, &d)) {
                iv = py_int_from_double(d);
            } else if (has_special(v, PY_QSTR___index__) || has_special(v, PY_QSTR___int__) ||
                       has_special(v, PY_QSTR___float__)) {
                iv = py_call1((py_val)&py_type_int, v);
            } else {
                py_raise_fmt(&py_type_TypeError, "%%%c format: a real number is required, not %T",
                             c == 'i' ? 'd' : c, v); // CPython reads %i as %d
            }
        } else if (has_special(v, PY_QSTR___index__)) {
            iv = py_unary_op(PY_UOP_INDEX, v);
        } else {
            py_raise_fmt(&py_type_TypeError, "%%%c format: an integer is required, not %T", c, v);
        }
    }
    int base = c == 'o' ? 8 : c == 'x' || c == 'X' ? 16 : 10;
    py_vstr dv;
    py_vstr_init(&dv, 24);
    py_print p;
    py_vstr_printer(&dv, &p);
    py_int_print_base(&p, iv, base, c == 'X');
    const char *digits = py_vstr_data(&dv);
    size_t nd = dv.len;
    char sign = 0;
    if (digits[0] == '-') {
        sign = '-';
        digits++;
        nd--;
    } else if (flags & F_SIGN) {
        sign = '+';
    } else if (flags & F_BLANK) {
        sign = ' ';
    }
    const char *prefix = (flags & F_ALT) && base != 10 ? (c == 'o'   ? "0o"
                                                          : c == 'x' ? "0x"
                                                                     : "0X")
                                                       : "";
    size_t zeros = prec > 0 && (size_t)prec > nd ? (size_t)prec - nd : 0;
    size_t body = (sign != 0) + strlen(prefix) + zeros + nd;
    size_t w = width > 0 && (size_t)width > body ? (size_t)width - body : 0;
    if (!(flags & (F_LJUST | F_ZERO))) {
        pad(out, ' ', w);
    }
    if (sign) {
        py_vstr_add_char(out, sign);
    }
    py_vstr_add(out, prefix, strlen(prefix));
    if ((flags & (F_LJUST | F_ZERO)) == F_ZERO) {
        pad(out, '0', w);
    }
    pad(out, '0', zeros);
    py_vstr_add(out, digits, nd);
    if (flags & F_LJUST) {
        pad(out, ' ', w);
    }
}

static void fmt_float(py_vstr *out, py_val v, char c, int flags, ptrdiff_t width, ptrdiff_t prec) {
    double d;
    if (!py_get_float_maybe(v, &d)) {
        if (!has_special(v, PY_QSTR___float__) && !has_special(v, PY_QSTR___index__)) {
            py_raise_fmt(&py_type_TypeError, "float argument required, not %T", v);
        }
        d = py_get_float(py_call1((py_val)&py_type_float, v));
    }
    py_fmt_spec spec;
    memset(&spec, 0, sizeof(spec));
    spec.fill[0] = (flags & (F_LJUST | F_ZERO)) == F_ZERO ? '0' : ' ';
    spec.fill_len = 1;
    spec.align = flags & F_LJUST ? '<' : flags & F_ZERO ? '=' : '>';
    spec.sign = flags & F_SIGN ? '+' : flags & F_BLANK ? ' ' : 0;
    spec.alt = (flags & F_ALT) != 0;
    spec.width = width > 0 && width < INT32_MAX ? (int)width : -1;
    spec.prec = prec < 0 ? 6 : prec < INT32_MAX ? (int)prec : INT32_MAX;
    spec.type = c;
    py_print p;
    py_vstr_printer(out, &p);
    const char *err = py_format_float(&p, d, &spec);
    if (err) {
        py_raise_msg(&py_type_ValueError, err);
    }
}

// %s/%b: a bytes-like object or one with __bytes__.
static void fmt_bytes(py_vstr *out, py_val v, int flags, ptrdiff_t width, ptrdiff_t prec) {
    py_vstr t;
    py_vstr_init(&t, 16);
    if (!py_bytes_append_buffer(&t, v)) {
        py_val dest[2];
        if (!(py_typeof(v)->flags & PY_TF_HEAP) ||
            !py_load_method_special(v, PY_QSTR___bytes__, dest)) {
            py_raise_fmt(&py_type_TypeError,
                         "%%b requires a bytes-like object, or an object that implements "
                         "__bytes__, not '%T'",
                         v);
        }
        py_val r = py_call(dest[0], dest[1] ? 1 : 0, 0, dest[1] ? &dest[1] : NULL);
        if (!py_isinstance(r, &py_type_bytes)) {
            py_raise_fmt(&py_type_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        }
        py_bytes_append_buffer(&t, r);
    }
    size_t n = prec >= 0 && (size_t)prec < t.len ? (size_t)prec : t.len;
    put_field(out, py_vstr_data(&t), n, flags, width);
}

// A width or precision: digits, or '*' taking an int argument.
static ptrdiff_t fmt_number(const char **pp, const char *e, fmt_state *st, int *flags,
                            const char *too_big) {
    const char *p = *pp;
    ptrdiff_t n = 0;
    if (p < e && *p == '*') {
        py_val v = next_arg(st);
        if (py_int_unwrap(v) == PY_NULL) {
            py_raise_msg(&py_type_TypeError, "* wants int");
        }
        n = py_bytes_arg_int(v);
        if (n < 0) {
            if (flags) {
                *flags |= F_LJUST;
                n = -n;
            } else {
                n = 0;
            }
        }
        *pp = p + 1;
        return n;
    }
    for (; p < e && *p >= '0' && *p <= '9'; p++) {
        if (n > (PTRDIFF_MAX - (*p - '0')) / 10) {
            py_raise_msg(&py_type_ValueError, too_big);
        }
        n = n * 10 + (*p - '0');
    }
    *pp = p;
    return n;
}

static bool is_mapping(py_val v) {
    const py_type *t = py_typeof(v);
    if (t == &py_type_tuple || py_isinstance(v, &py_type_bytes)) {
        return false;
    }
    return (t->flags & PY_TF_HEAP) ? py_type_lookup(t, PY_QSTR___getitem__) != PY_NULL
                                   : t->subscr != NULL;
}

void py_bytes_mod_format(py_vstr *out, const char *fmt, size_t n, py_val args) {
    fmt_state st = {args, -1, -2};
    if (py_is_obj(args) && args->type == &py_type_tuple) {
        st.n = (ptrdiff_t)((py_tuple *)args)->len;
        st.next = 0;
    }
    py_val dict = is_mapping(args) ? args : PY_NULL;
    const char *p = fmt, *e = fmt + n;
    while (p < e) {
        const char *pct = memchr(p, '%', (size_t)(e - p));
        if (pct == NULL) {
            py_vstr_add(out, p, (size_t)(e - p));
            break;
        }
        py_vstr_add(out, p, (size_t)(pct - p));
        p = pct + 1;
        if (p < e && *p == '%') {
            py_vstr_add_char(out, '%');
            p++;
            continue;
        }
        if (p < e && *p == '(') {
            if (dict == PY_NULL) {
                py_raise_msg(&py_type_TypeError, "format requires a mapping");
            }
            const char *k = ++p;
            for (int depth = 1; depth > 0; p++) {
                if (p >= e) {
                    py_raise_msg(&py_type_ValueError, "incomplete format key");
                }
                depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
            }
            st.args = py_subscr_load(dict, py_bytes_new(k, (size_t)(p - 1 - k)));
            st.n = -1;
            st.next = -2;
        }
        int flags = 0;
        for (; p < e; p++) {
            int f = *p == '-'   ? F_LJUST
                    : *p == '+' ? F_SIGN
                    : *p == ' ' ? F_BLANK
                    : *p == '#' ? F_ALT
                    : *p == '0' ? F_ZERO
                                : 0;
            if (!f) {
                break;
            }
            flags |= f;
        }
        ptrdiff_t width = fmt_number(&p, e, &st, &flags, "width too big");
        ptrdiff_t prec = -1;
        if (p < e && *p == '.') {
            p++;
            prec = fmt_number(&p, e, &st, NULL, "prec too big");
        }
        while (p < e && (*p == 'h' || *p == 'l' || *p == 'L')) {
            p++;
        }
        if (p >= e) {
            py_raise_msg(&py_type_ValueError, "incomplete format");
        }
        char c = *p++;
        py_val v = next_arg(&st);
        switch (c) {
        case 's':
        case 'b': fmt_bytes(out, v, flags, width, prec); break;
        case 'r':
        case 'a': {
            size_t len;
            const char *s = py_get_str(py_ascii(v), &len);
            put_field(out, s, prec >= 0 && (size_t)prec < len ? (size_t)prec : len, flags, width);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': fmt_int(out, v, c, flags, width, prec); break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': fmt_float(out, v, c, flags, width, prec); break;
        case 'c': {
            char ch;
            py_int_t i;
            bool ovf;
            if (py_bytes_is_bytes_like(v) && py_len(v) == 1) {
                size_t one;
                ch = (char)*py_bytes_arg_data(v, &one);
            } else if (py_bytes_as_index(v, &i, &ovf)) {
                if (ovf || i < 0 || i > 255) {
                    py_raise_msg(&py_type_OverflowError, "%c arg not in range(256)");
                }
                ch = (char)i;
            } else {
                py_raise_msg(&py_type_TypeError,
                             "%c requires an integer in range(256) or a single byte");
            }
            put_field(out, &ch, 1, flags, width);
            break;
        }
        default:
            if ((uint8_t)c >= 0x80) {
                // CPython formats the message with the byte as a signed char
                py_raise_msg(&py_type_OverflowError, "character argument not in range(0x110000)");
            }
            py_raise_fmt(&py_type_ValueError,
                         "unsupported format character '%c' (0x%x) at index %d", c,
                         (unsigned)(uint8_t)c, (int)(p - 1 - fmt));
        }
    }
    if (st.next < st.n && dict == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "not all arguments converted during bytes formatting");
    }
}

// ---- the type
// --------------------------------------------------------------------------------------
const py_type py_type_bytes = {
    .base = {&py_type_type},
    .name = PY_QSTR_bytes,
    .flags = PY_TF_BASETYPE,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary_op = bytes_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
    .buffer = bytes_buffer,
    .locals = (py_dict *)&py_bytes_locals,
    .base_type = &py_type_object,
};
