// py/objbytes.c: bytes (immutable, the py_str layout), bytearray and memoryview.
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

py_val py_bytes_new(const void *s, size_t len) {
    py_str *o = py_new_leaf_var(py_str, len + 1, &py_type_bytes);
    memcpy(o->data, s, len);
    o->data[len] = 0;
    o->len = (uint32_t)len;
    o->charlen = (uint32_t)len;
    return (py_val)o;
}

py_val py_bytes_decode(const void *data, size_t len, py_val encoding, py_val errors) {
    (void)encoding;
    (void)errors;
    if (!py_utf8_valid(data, len)) {
        py_raise_msg(&py_type_UnicodeDecodeError, "'utf-8' codec can't decode bytes");
    }
    return py_str_new(data, len);
}

static void bytes_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_str *s = (py_str *)self;
    py_str_print_quoted(p, s->data, s->len, true);
}

static py_val bytes_binary_op(int op, py_val lhs, py_val rhs) {
    py_str *a = (py_str *)lhs;
    py_buffer b;
    switch (op) {
    case PY_OP_EQ:
    case PY_OP_NE:
        if (!py_is_obj(rhs) || rhs->type != &py_type_bytes) {
            return PY_NULL;
        }
        return py_bool((a->len == ((py_str *)rhs)->len && memcmp(a->data, ((py_str *)rhs)->data, a->len) == 0) ==
                       (op == PY_OP_EQ));
    case PY_OP_ADD:
        if (!py_get_buffer_maybe(rhs, &b, PY_BUFFER_READ)) {
            return PY_NULL;
        }
        {
            py_vstr v;
            py_vstr_init(&v, a->len + b.len);
            py_vstr_add(&v, a->data, a->len);
            py_vstr_add(&v, b.buf, b.len);
            return py_vstr_to_bytes(&v);
        }
    default:
        return PY_NULL;
    }
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

static py_val bytes_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    py_str *s = (py_str *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        py_int_t start, stop, step;
        size_t n = py_slice_indices(index, s->len, &start, &stop, &step);
        py_vstr v;
        py_vstr_init(&v, n);
        for (size_t i = 0; i < n; i++) {
            py_vstr_add_char(&v, s->data[start + (py_int_t)i * step]);
        }
        return py_vstr_to_bytes(&v);
    }
    return py_small((uint8_t)s->data[py_seq_index("index", s->len, index)]);
}

typedef struct bytes_iter {
    py_obj base;
    py_val b;
    size_t i;
} bytes_iter;

static py_val bytes_iter_next(py_val self) {
    bytes_iter *it = (bytes_iter *)self;
    py_buffer buf;
    py_get_buffer(it->b, &buf, PY_BUFFER_READ);
    if (it->i >= buf.len) {
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

static py_val bytes_getiter(py_val self) {
    bytes_iter *it = py_new(bytes_iter, &bytes_iter_type);
    it->b = self;
    return (py_val)it;
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

static void bytes_from(py_vstr *v, size_t n_args, const py_val *args) {
    if (n_args == 0) {
        return;
    }
    py_val x = args[0];
    if (py_is_str(x)) {
        if (n_args < 2) {
            py_raise_msg(&py_type_TypeError, "string argument without an encoding");
        }
        size_t len;
        const char *s = py_get_str(x, &len);
        py_vstr_add(v, s, len);
        return;
    }
    py_int_t n;
    if (py_is_int(x) && py_get_int_maybe(x, &n)) {
        if (n < 0) {
            py_raise_msg(&py_type_ValueError, "negative count");
        }
        memset(py_vstr_extend(v, (size_t)n), 0, (size_t)n);
        return;
    }
    py_buffer buf;
    if (py_get_buffer_maybe(x, &buf, PY_BUFFER_READ)) {
        py_vstr_add(v, buf.buf, buf.len);
        return;
    }
    py_val it = py_getiter(x);
    for (py_val item; (item = py_iternext(it)) != PY_STOP;) {
        py_int_t b = py_get_int(item);
        if (b < 0 || b > 255) {
            py_raise_msg(&py_type_ValueError, "bytes must be in range(0, 256)");
        }
        py_vstr_add_char(v, (char)b);
    }
}

static py_val bytes_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    (void)n_kw;
    py_vstr v;
    py_vstr_init(&v, 16);
    bytes_from(&v, n_args, args);
    return py_vstr_to_bytes(&v);
}

static py_val bytes_decode(size_t n_args, const py_val *args) {
    py_buffer buf;
    py_get_buffer(args[0], &buf, PY_BUFFER_READ);
    return py_bytes_decode(buf.buf, buf.len, n_args > 1 ? args[1] : PY_NULL, n_args > 2 ? args[2] : PY_NULL);
}
static PY_FN_OBJ_VAR(bytes_decode_obj, decode, 1, 3, bytes_decode);

static const py_dict_entry bytes_locals_table[] = {
    PY_ROM_ENTRY(decode, &bytes_decode_obj),
};
static PY_ROM_DICT(bytes_locals, bytes_locals_table);

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
    .locals = (py_dict *)&bytes_locals,
    .base_type = &py_type_object,
};

// ---- bytearray ----------------------------------------------------------------------------------
py_val py_bytearray_new(const void *s, size_t len) {
    py_bytearray *b = py_new(py_bytearray, &py_type_bytearray);
    b->data = py_gc_alloc(len ? len : 1, PY_GC_LEAF);
    memcpy(b->data, s, len);
    b->len = len;
    b->cap = len ? len : 1;
    return (py_val)b;
}

static bool bytearray_buffer(py_val self, py_buffer *buf, int flags) {
    (void)flags;
    py_bytearray *b = (py_bytearray *)self;
    buf->buf = b->data;
    buf->len = b->len;
    buf->typecode = 'B';
    return true;
}

static py_val bytearray_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    (void)n_kw;
    py_vstr v;
    py_vstr_init(&v, 16);
    bytes_from(&v, n_args, args);
    return py_bytearray_new(py_vstr_data(&v), v.len);
}

static void bytearray_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_bytearray *b = (py_bytearray *)self;
    py_print_str(p, "bytearray(");
    py_str_print_quoted(p, (const char *)b->data, b->len, true);
    py_print_str(p, ")");
}

static py_val bytearray_unary_op(int op, py_val self) {
    py_bytearray *b = (py_bytearray *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(b->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)b->len);
    default: return PY_NULL;
    }
}

const py_type py_type_bytearray = {
    .base = {&py_type_type},
    .name = PY_QSTR_bytearray,
    .flags = PY_TF_BASETYPE,
    .print = bytearray_print,
    .make_new = bytearray_make_new,
    .unary_op = bytearray_unary_op,
    .getiter = bytes_getiter,
    .buffer = bytearray_buffer,
    .base_type = &py_type_object,
};

const py_type py_type_memoryview = {
    .base = {&py_type_type},
    .name = PY_QSTR_memoryview,
    .base_type = &py_type_object,
};
