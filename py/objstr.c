// py/objstr.c: the str type (UTF-8 inside, indexed by code point) and its core operations.
// A str value is either a qstr (interned, immediate) or a py_str object; every operation
// accepts both. Strings know their code-point count, so len() is O(1) and ASCII strings
// (charlen == len) index in O(1); others walk the UTF-8 bytes.
#include <string.h>

#include "py/objint.h"
#include "py/objstr.h"
#include "py/runtime.h"
#include "py/state.h"
#include "py/unicode.h"

// ---- UTF-8 helpers -------------------------------------------------------------------------
size_t py_utf8_charlen(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)s[i] & 0xc0) != 0x80;
    }
    return n;
}

bool py_utf8_valid(const char *s, size_t len) {
    const uint8_t *p = (const uint8_t *)s, *e = p + len;
    while (p < e) {
        uint8_t c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if ((c & 0xe0) == 0xc0) {
            n = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if ((size_t)(e - p) <= n) {
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((p[k] & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[k] & 0x3f);
        }
        // overlong forms and out-of-range values are invalid; surrogates are allowed
        // (CPython's str can hold them; they come from \ud800 escapes)
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
            return false;
        }
        p += n + 1;
    }
    return true;
}

uint32_t py_utf8_decode(const char **sp) {
    const uint8_t *s = (const uint8_t *)*sp;
    uint32_t c = *s++;
    if (c >= 0x80) {
        int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> n;
        while (n-- > 0) {
            c = (c << 6) | (*s++ & 0x3f);
        }
    }
    *sp = (const char *)s;
    return c;
}

const char *py_utf8_offset(const char *s, size_t len, size_t index) {
    const char *e = s + len;
    while (s < e && index > 0) {
        s++;
        while (s < e && ((uint8_t)*s & 0xc0) == 0x80) {
            s++;
        }
        index--;
    }
    return s;
}

// ---- construction ---------------------------------------------------------------------------------
py_val py_str_ascii_char(unsigned c) {
    uint16_t *slot = &PY_S->char_qstr[c & 127];
    if (*slot != 0) {
        return py_qstr_val(*slot);
    }
    char ch = (char)c;
    qstr q = py_qstr_from_strn(&ch, 1);
    if (q <= UINT16_MAX) {
        *slot = (uint16_t)q;
    }
    return py_qstr_val(q);
}

py_val py_str_new(const char *s, size_t len) {
    if (len == 1 && (uint8_t)s[0] < 0x80) {
        return py_str_ascii_char((uint8_t)s[0]);
    }
    if (len <= 16) {
        qstr q = py_qstr_find(s, len);
        if (q != PY_QSTR_NULL) {
            return py_qstr_val(q);
        }
    }
    py_str *o = py_new_leaf_var(py_str, len + 1, &py_type_str);
    memcpy(o->data, s, len);
    o->data[len] = 0;
    o->len = (uint32_t)len;
    o->charlen = (uint32_t)py_utf8_charlen(s, len);
    return (py_val)o;
}

py_val py_str_from_cstr(const char *s) { return py_str_new(s, strlen(s)); }

py_val py_str_new_uninit(size_t len, char **data) {
    if (len > UINT32_MAX - 64) {
        py_raise_memory_error();
    }
    py_str *o = py_new_leaf_var(py_str, len + 1, &py_type_str);
    o->len = (uint32_t)len;
    *data = o->data;
    return (py_val)o;
}

py_val py_str_finish(py_val s) {
    py_str *o = (py_str *)s;
    o->data[o->len] = 0;
    o->charlen = (uint32_t)py_utf8_charlen(o->data, o->len);
    return s;
}

size_t py_str_charlen(py_val s) {
    if (py_is_qstr(s)) {
        size_t len;
        const char *d = py_qstr_data(py_qstr_get(s), &len);
        return py_utf8_charlen(d, len);
    }
    return ((py_str *)s)->charlen;
}

qstr py_str_intern(py_val s) {
    if (py_is_qstr(s)) {
        return py_qstr_get(s);
    }
    size_t len;
    const char *d = py_get_str(s, &len);
    return py_qstr_from_strn(d, len);
}

static uint32_t str_hash(py_val s) {
    if (py_is_qstr(s)) {
        return py_qstr_hash(py_qstr_get(s));
    }
    py_str *o = (py_str *)s;
    if (o->hash == 0) {
        o->hash = py_qstr_hash_bytes(o->data, o->len);
    }
    return o->hash;
}

// ---- printing ----------------------------------------------------------------------------
void py_str_print_quoted(const py_print *p, const char *s, size_t len, bool is_bytes) {
    // CPython: single quotes unless the text has ' and no "
    bool has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (is_bytes) {
        py_print_char(p, 'b');
    }
    py_print_char(p, q);
    const char *e = s + len, *run = s;
    char buf[12];
    while (s < e) {
        uint8_t c = (uint8_t)*s;
        const char *esc = NULL;
        int n = 0;
        if (c == (uint8_t)q || c == '\\') {
            buf[0] = '\\';
            buf[1] = (char)c;
            n = 2;
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) {
            n = py_snprintf(buf, sizeof(buf), "\\x%02x", c);
        } else if (c >= 0x80) {
            // non-printable code points (C1 controls, some separators) are escaped as CPython
            const char *t = s;
            uint32_t cp = py_utf8_decode(&t);
            if (t > e) { // a truncated sequence (only in corrupt data): escape the byte
                t = s + 1;
                cp = 0xfffd;
            }
            if (!py_unicode_isprintable(cp) || cp == 0xfffd) {
                n = cp < 0x100 ? py_snprintf(buf, sizeof(buf), "\\x%02x", (unsigned)cp)
                    : cp < 0x10000 ? py_snprintf(buf, sizeof(buf), "\\u%04x", (unsigned)cp)
                                   : py_snprintf(buf, sizeof(buf), "\\U%08x", (unsigned)cp);
                py_print_strn(p, run, (size_t)(s - run));
                py_print_strn(p, buf, (size_t)n);
                s = t;
                run = s;
                continue;
            }
            s = t;
            continue;
        }
        if (esc || n) {
            py_print_strn(p, run, (size_t)(s - run));
            if (esc) {
                py_print_str(p, esc);
            } else {
                py_print_strn(p, buf, (size_t)n);
            }
            s++;
            run = s;
        } else {
            s++;
        }
    }
    py_print_strn(p, run, (size_t)(e - run));
    py_print_char(p, q);
}

static void str_print(const py_print *p, py_val self, int kind) {
    size_t len;
    const char *s = py_get_str(self, &len);
    if (kind == PY_PRINT_STR) {
        py_print_strn(p, s, len);
    } else {
        py_str_print_quoted(p, s, len, false);
    }
}

// ---- operators ----------------------------------------------------------------------------------
// The operators' hot paths see qstrs and exact strs; these handle them inline and leave
// subclass instances (and errors) to py_is_str / py_get_str.
static inline bool is_str(py_val v) {
    return py_is_qstr(v) || (py_is_obj(v) && v->type == &py_type_str) || py_is_str(v);
}

static inline const char *str_data(py_val v, size_t *len) {
    if (py_is_qstr(v)) {
        return py_qstr_data(py_qstr_get(v), len);
    }
    if (py_is_obj(v) && v->type == &py_type_str) {
        *len = ((py_str *)v)->len;
        return ((py_str *)v)->data;
    }
    return py_get_str(v, len);
}

static int str_cmp(const char *a, size_t al, const char *b, size_t bl) {
    // UTF-8 byte order is code point order
    int c = memcmp(a, b, al < bl ? al : bl);
    if (c != 0) {
        return c;
    }
    return al < bl ? -1 : al > bl ? 1 : 0;
}

bool py_str_equal(py_val a, py_val b) {
    if (a == b) {
        return true;
    }
    if (py_is_qstr(a) && py_is_qstr(b)) {
        return false;
    }
    size_t al, bl;
    const char *as = str_data(a, &al);
    const char *bs = str_data(b, &bl);
    if (al != bl) {
        return false;
    }
    if (!py_is_qstr(a) && !py_is_qstr(b) && ((py_str *)a)->hash && ((py_str *)b)->hash &&
        ((py_str *)a)->hash != ((py_str *)b)->hash) {
        return false;
    }
    return memcmp(as, bs, al) == 0;
}

py_val py_str_concat(py_val a, py_val b) {
    size_t al, bl;
    const char *as = str_data(a, &al);
    const char *bs = str_data(b, &bl);
    if (al == 0) {
        return b;
    }
    if (bl == 0) {
        return a;
    }
    char *d;
    py_val r = py_str_new_uninit(al + bl, &d);
    // py_str_new_uninit may have moved nothing: re-read the sources (they are not freed)
    memcpy(d, as, al);
    memcpy(d + al, bs, bl);
    py_str *o = (py_str *)r;
    o->data[al + bl] = 0;
    o->charlen = (uint32_t)(py_str_charlen(a) + py_str_charlen(b));
    return r;
}

static py_val str_repeat(py_val s, py_val n) {
    py_int_t k;
    if (!py_index_maybe(n, &k)) {
        return PY_NULL;
    }
    size_t len;
    const char *d = py_get_str(s, &len);
    if (k <= 0 || len == 0) {
        return py_qstr_val(PY_QSTR_);
    }
    if ((size_t)k > (UINT32_MAX - 64) / len) {
        py_raise_memory_error();
    }
    char *o;
    py_val r = py_str_new_uninit(len * (size_t)k, &o);
    for (py_int_t i = 0; i < k; i++) {
        memcpy(o + i * len, d, len);
    }
    ((py_str *)r)->data[len * (size_t)k] = 0;
    ((py_str *)r)->charlen = (uint32_t)(py_str_charlen(s) * (size_t)k);
    return r;
}

bool py_str_contains(py_val hay, py_val needle) {
    size_t hl, nl;
    const char *h = str_data(hay, &hl);
    const char *n = str_data(needle, &nl);
    if (nl == 1) { // c in "...": the usual character-class test
        return memchr(h, n[0], hl) != NULL;
    }
    return py_str_find_bytes(h, hl, n, nl, 0) >= 0;
}

// Byte index of the first occurrence at or after `from`, or -1.
ptrdiff_t py_str_find_bytes(const char *h, size_t hl, const char *n, size_t nl, size_t from) {
    if (nl == 0) {
        return from <= hl ? (ptrdiff_t)from : -1;
    }
    if (nl > hl) {
        return -1;
    }
    for (size_t i = from; i + nl <= hl; i++) {
        const char *p = memchr(h + i, n[0], hl - nl + 1 - i);
        if (p == NULL) {
            return -1;
        }
        i = (size_t)(p - h);
        if (memcmp(p, n, nl) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

static py_val str_binary_op(int op, py_val lhs, py_val rhs) {
    switch (op) {
    case PY_OP_ADD:
    case PY_OP_IADD:
        if (!is_str(rhs)) {
            if (op == PY_OP_ADD && !is_str(rhs)) {
                py_raise_fmt(&py_type_TypeError, "can only concatenate str (not \"%T\") to str", rhs);
            }
            return PY_NULL;
        }
        return py_str_concat(lhs, rhs);
    case PY_OP_MUL:
    case PY_OP_IMUL:
    case PY_OP_RMUL:
        return str_repeat(lhs, rhs);
    case PY_OP_MOD:
        return py_str_mod_format(lhs, rhs);
    case PY_OP_CONTAINS:
        if (!is_str(rhs)) {
            py_raise_fmt(&py_type_TypeError, "'in <string>' requires string as left operand, not %T", rhs);
        }
        return py_bool(py_str_contains(lhs, rhs));
    case PY_OP_EQ:
        if (!is_str(rhs)) {
            return PY_NULL;
        }
        return py_bool(py_str_equal(lhs, rhs));
    case PY_OP_NE:
        if (!is_str(rhs)) {
            return PY_NULL;
        }
        return py_bool(!py_str_equal(lhs, rhs));
    case PY_OP_LT:
    case PY_OP_GT:
    case PY_OP_LE:
    case PY_OP_GE: {
        if (!is_str(rhs)) {
            return PY_NULL;
        }
        size_t al, bl;
        const char *a = str_data(lhs, &al);
        const char *b = str_data(rhs, &bl);
        int c = str_cmp(a, al, b, bl);
        return py_bool(op == PY_OP_LT ? c < 0 : op == PY_OP_GT ? c > 0 : op == PY_OP_LE ? c <= 0 : c >= 0);
    }
    default:
        return PY_NULL;
    }
}

static py_val str_unary_op(int op, py_val self) {
    switch (op) {
    case PY_UOP_BOOL:
        if (py_is_qstr(self)) {
            return py_bool(py_qstr_get(self) != PY_QSTR_);
        }
        return py_bool(((py_str *)self)->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)py_str_charlen(self));
    case PY_UOP_HASH: return py_small((py_int_t)str_hash(self));
    default: return PY_NULL;
    }
}

// s[i] and s[a:b:c] by code point
py_val py_str_slice(py_val self, py_int_t start, py_int_t step, size_t n) {
    size_t len;
    const char *s = py_get_str(self, &len);
    size_t charlen = py_str_charlen(self);
    if (charlen == len) {
        // ASCII: bytes are characters
        if (step == 1) {
            return py_str_new(s + start, n);
        }
        char *d;
        py_val r = py_str_new_uninit(n, &d);
        for (size_t i = 0; i < n; i++) {
            d[i] = s[start + (py_int_t)i * step];
        }
        return py_str_finish(r);
    }
    if (step == 1) {
        const char *a = py_utf8_offset(s, len, (size_t)start);
        const char *b = py_utf8_offset(a, len - (size_t)(a - s), n);
        return py_str_new(a, (size_t)(b - a));
    }
    py_vstr v;
    py_vstr_init(&v, n);
    for (size_t i = 0; i < n; i++) {
        const char *a = py_utf8_offset(s, len, (size_t)(start + (py_int_t)i * step));
        const char *b = a;
        py_utf8_decode(&b);
        py_vstr_add(&v, a, (size_t)(b - a));
    }
    return py_vstr_to_str(&v);
}

static py_val str_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    if (py_is_small(index) && py_is_obj(self) && self->type == &py_type_str) {
        // s[i] of an exact ASCII str: byte i, without the generic index checks
        py_str *o = (py_str *)self;
        py_int_t i = py_small_get(index);
        if (o->len == o->charlen && i >= 0 && i < (py_int_t)o->len) {
            return py_str_ascii_char((uint8_t)o->data[i]);
        }
    }
    size_t charlen = py_str_charlen(self);
    if (py_is_obj(index) && index->type == &py_type_slice) {
        py_int_t start, stop, step;
        size_t n = py_slice_indices(index, charlen, &start, &stop, &step);
        return py_str_slice(self, start, step, n);
    }
    if (!py_is_small(index) && py_int_unwrap(index) == PY_NULL) {
        // CPython's wording for str differs from the other sequences'
        py_val idx = py_unary_op(PY_UOP_INDEX, index);
        if (idx == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "string indices must be integers, not '%T'", index);
        }
        index = idx;
    }
    size_t i = py_seq_index("string", charlen, index);
    size_t len;
    const char *d = py_get_str(self, &len);
    if (len == charlen) { // ASCII: the character is byte i
        return py_str_ascii_char((uint8_t)d[i]);
    }
    return py_str_slice(self, (py_int_t)i, 1, 1);
}

// ---- iteration ----------------------------------------------------------------------------------
typedef struct str_iter {
    py_obj base;
    py_val str;
    size_t pos; // byte offset
} str_iter;

static py_val str_iter_next(py_val self) {
    str_iter *it = (str_iter *)self;
    size_t len;
    const char *s = py_get_str(it->str, &len);
    if (it->pos >= len) {
        return PY_STOP;
    }
    const char *a = s + it->pos, *b = a;
    py_utf8_decode(&b);
    it->pos = (size_t)(b - s);
    return py_str_new(a, (size_t)(b - a));
}

static const py_type str_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_str_ascii_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = str_iter_next,
    .base_type = &py_type_object,
};

static py_val str_getiter(py_val self) {
    str_iter *it = py_new(str_iter, &str_iter_type);
    it->str = self;
    return (py_val)it;
}

// ---- str() ----------------------------------------------------------------------------------------
static py_val str_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_object, 0, PY_NULL},
        {PY_QSTR_encoding, 0, PY_NULL},
        {PY_QSTR_errors, 0, PY_NULL},
    };
    if (n_args == 1 && n_kw == 0) { // str(x): the common shape, without the argument parser
        return py_str_of(args[0]);
    }
    py_val a[3];
    py_arg_parse("str", n_args, n_kw, args, 0, spec, 3, a);
    (void)type;
    if (a[0] == PY_NULL) {
        return py_qstr_val(PY_QSTR_);
    }
    if (a[1] == PY_NULL && a[2] == PY_NULL) {
        return py_str_of(a[0]);
    }
    py_buffer buf;
    if (!py_get_buffer_maybe(a[0], &buf, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "decoding to str: need a bytes-like object, %T found", a[0]);
    }
    return py_bytes_decode(buf.buf, buf.len, a[1], a[2]);
}

const py_type py_type_str = {
    .base = {&py_type_type},
    .name = PY_QSTR_str,
    .flags = PY_TF_BASETYPE,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .locals = (py_dict *)&py_str_locals_dict,
    .base_type = &py_type_object,
};
