// modules/mod_bluetooth_uuid.c: bluetooth.UUID as MicroPython has it: UUID(0x180D) (16-bit),
// UUID('6e400001-b5a3-f393-e0a9-e50e24dcca9e') (128-bit, dashes anywhere) or UUID(bytes) (2 or
// 16 bytes, little-endian as on the wire). Immutable and hashable; == compares the size and the
// bytes (a 16-bit UUID differs from its 128-bit form, as in MicroPython); the buffer protocol
// gives the wire bytes. Not supported: 32-bit UUIDs (ValueError).
#include <string.h>

#include "modules/mod_bluetooth.h"
#include "py/runtime.h"

py_val mod_bluetooth_uuid_new(const struct att_uuid *u) {
    mod_bluetooth_uuid *o = py_new(mod_bluetooth_uuid, &mod_bluetooth_uuid_type);
    o->u = *u;
    return (py_val)o;
}

static int hexval(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

void mod_bluetooth_uuid_get(py_val v, struct att_uuid *out) {
    if (py_typeof(v) == &mod_bluetooth_uuid_type) {
        *out = ((mod_bluetooth_uuid *)v)->u;
        return;
    }
    memset(out, 0, sizeof *out);
    if (py_is_int(v)) {
        py_int_t i = py_get_int(v);
        if (i < 0 || i > 0xFFFF) {
            py_raise_msg(&py_type_ValueError, "invalid UUID");
        }
        *out = att_uuid16((uint16_t)i);
        return;
    }
    if (py_is_str(v)) {
        size_t n;
        const char *s = py_get_str(v, &n);
        unsigned digits = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '-') {
                continue;
            }
            int h = hexval(s[i]);
            if (h < 0 || digits >= 32) {
                py_raise_msg(&py_type_ValueError, "invalid UUID");
            }
            // text order is big-endian: the first digit is the top nibble of byte 15
            unsigned byte = 15u - digits / 2u;
            out->b[byte] |= (uint8_t)(digits % 2u ? h : h << 4);
            digits++;
        }
        if (digits != 32) {
            py_raise_msg(&py_type_ValueError, "invalid UUID");
        }
        out->len = 16;
        return;
    }
    py_buffer b;
    if (py_get_buffer_maybe(v, &b, PY_BUFFER_READ)) {
        if (b.len != 2 && b.len != 16) {
            py_raise_msg(&py_type_ValueError, "invalid UUID");
        }
        out->len = (uint8_t)b.len;
        memcpy(out->b, b.buf, b.len);
        return;
    }
    py_raise_msg(&py_type_TypeError, "invalid UUID");
}

static py_val uuid_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    py_arg_check_no_kw("UUID", n_kw);
    py_arg_check_count("UUID", n_args, 1, 1);
    struct att_uuid u;
    mod_bluetooth_uuid_get(args[0], &u);
    return mod_bluetooth_uuid_new(&u);
}

static void uuid_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    const struct att_uuid *u = &((mod_bluetooth_uuid *)self)->u;
    if (u->len == 2) {
        py_printf(p, "UUID(0x%04x)", (unsigned)att_get16(u->b));
        return;
    }
    py_printf(p, "UUID('");
    for (int i = 15; i >= 0; i--) {
        py_printf(p, "%02x", u->b[i]);
        if (i == 12 || i == 10 || i == 8 || i == 6) {
            py_printf(p, "-");
        }
    }
    py_printf(p, "')");
}

static py_val uuid_unary_op(int op, py_val self) {
    const struct att_uuid *u = &((mod_bluetooth_uuid *)self)->u;
    if (op == PY_UOP_HASH) {
        uint32_t h = 2166136261u; // FNV-1a over the size and the bytes
        h = (h ^ u->len) * 16777619u;
        for (unsigned i = 0; i < u->len; i++) {
            h = (h ^ u->b[i]) * 16777619u;
        }
        return py_small((py_int_t)(h >> 2));
    }
    return PY_NULL;
}

static py_val uuid_binary_op(int op, py_val lhs, py_val rhs) {
    if ((op != PY_OP_EQ && op != PY_OP_NE) || py_typeof(rhs) != &mod_bluetooth_uuid_type) {
        return PY_NULL;
    }
    const struct att_uuid *a = &((mod_bluetooth_uuid *)lhs)->u,
                          *b = &((mod_bluetooth_uuid *)rhs)->u;
    bool eq = a->len == b->len && !memcmp(a->b, b->b, a->len);
    return py_bool(op == PY_OP_EQ ? eq : !eq);
}

static bool uuid_buffer(py_val self, py_buffer *buf, int flags) {
    if (flags & PY_BUFFER_WRITE) {
        return false;
    }
    mod_bluetooth_uuid *o = (mod_bluetooth_uuid *)self;
    buf->buf = o->u.b;
    buf->len = o->u.len;
    buf->typecode = 'B';
    return true;
}

const py_type mod_bluetooth_uuid_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_UUID,
    .print = uuid_print,
    .make_new = uuid_make_new,
    .unary_op = uuid_unary_op,
    .binary_op = uuid_binary_op,
    .buffer = uuid_buffer,
    .base_type = &py_type_object,
};
