// modules/mod_binascii.c: the binascii module's hex, base64 and CRC-32 functions, as
// CPython 3.11's: hexlify/b2a_hex (with sep and bytes_per_sep), unhexlify/a2b_hex,
// b2a_base64 (newline=), a2b_base64 (strict_mode=, else skipping non-alphabet characters as
// CPython does), crc32, and binascii.Error (a ValueError) and binascii.Incomplete.
// The a2b_* functions take bytes-like objects or ASCII str. CRC-32 is the reflected
// polynomial 0xEDB88320 (ISO-HDLC, zlib's) with a 16-entry table: 64 bytes of flash.
// Non-goals: uu, quoted-printable, crc_hqx.
#include <string.h>

#include "modules/modules.h"
#include "py/objbytes.h"
#include "py/objexc.h"
#include "py/objint.h"
#include "py/runtime.h"

#define EXC_SLOTS                                                                                  \
    .base = {&py_type_type}, .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,                    \
    .print = py_exc_print, .make_new = py_exc_make_new, .attr = py_exc_attr,                       \
    .locals = (py_dict *)&py_exc_locals

const py_type mod_binascii_Error = {EXC_SLOTS, .name = PY_QSTR_Error,
                                    .base_type = &py_type_ValueError};
const py_type mod_binascii_Incomplete = {EXC_SLOTS, .name = PY_QSTR_Incomplete,
                                         .base_type = &py_type_Exception};

static _Noreturn void error(const char *msg) {
    py_raise_msg(&mod_binascii_Error, msg);
}

// The data of an a2b_* argument: bytes-like, or a str of ASCII characters.
static const uint8_t *ascii_data(py_val v, size_t *len) {
    if (py_is_str(v)) {
        const char *s = py_get_str(v, len);
        for (size_t i = 0; i < *len; i++) {
            if (s[i] & 0x80) {
                py_raise_msg(&py_type_ValueError,
                             "string argument should contain only ASCII characters");
            }
        }
        return (const uint8_t *)s;
    }
    py_buffer b;
    if (!py_get_buffer_maybe(v, &b, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError,
                     "argument should be bytes, buffer or ASCII string, not '%T'", v);
    }
    *len = b.len;
    return b.buf;
}

// ---- hex ----------------------------------------------------------------------------------------
static py_val binascii_hexlify(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_data, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_sep, 0, PY_NULL},
        {PY_QSTR_bytes_per_sep, 0, PY_NULL},
    };
    py_val a[3];
    py_arg_parse("hexlify", n_args, n_kw, args, 0, spec, 3, a);
    py_buffer b;
    py_get_buffer(a[0], &b, PY_BUFFER_READ);
    py_val s = py_bytes_hex(b.buf, b.len, a[1], a[2]);
    size_t len;
    const char *d = py_get_str(s, &len);
    return py_bytes_new(d, len);
}
static PY_FN_OBJ_KW(binascii_hexlify_obj, hexlify, binascii_hexlify);
static PY_FN_OBJ_KW(binascii_b2a_hex_obj, b2a_hex, binascii_hexlify);

static int hex_value(uint8_t c) {
    unsigned v = py_mpz_digit_value((char)c);
    return v < 16 ? (int)v : -1;
}

static py_val binascii_unhexlify(py_val data) {
    size_t len;
    const uint8_t *s = ascii_data(data, &len);
    if (len % 2) {
        error("Odd-length string");
    }
    py_vstr v;
    py_vstr_init(&v, len / 2);
    char *out = py_vstr_extend(&v, len / 2);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
        if (hi < 0 || lo < 0) {
            error("Non-hexadecimal digit found");
        }
        out[i / 2] = (char)(hi << 4 | lo);
    }
    return py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_1(binascii_unhexlify_obj, unhexlify, binascii_unhexlify);
static PY_FN_OBJ_1(binascii_a2b_hex_obj, a2b_hex, binascii_unhexlify);

// ---- base64 ------------------------------------------------------------------------------------
static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static py_val binascii_b2a_base64(size_t n_args, size_t n_kw, const py_val *args) {
    // PY_QSTR_newline is "\n" (py/qstrdefs.h): find the identifier's qstr, interned by the
    // caller's code if it passed newline=
    const py_arg_spec spec[] = {
        {PY_QSTR_data, PY_ARG_REQUIRED, PY_NULL},
        {(uint16_t)py_qstr_find("newline", 7), PY_ARG_KW_ONLY, PY_TRUE},
    };
    py_val a[2];
    py_arg_parse("b2a_base64", n_args, n_kw, args, 0, spec, 2, a);
    py_buffer b;
    py_get_buffer(a[0], &b, PY_BUFFER_READ);
    bool newline = py_is_true(a[1]);
    size_t n = b.len;
    if (n > ((size_t)-1 / 2) / 4 * 3) {
        py_raise_memory_error();
    }
    size_t outlen = (n + 2) / 3 * 4 + newline;
    py_vstr v;
    py_vstr_init(&v, outlen);
    char *out = py_vstr_extend(&v, outlen);
    const uint8_t *p = b.buf; // read after the allocation (which may collect, not move)
    for (size_t i = 0; i < n; i += 3) {
        uint32_t w = (uint32_t)p[i] << 16;
        if (i + 1 < n) {
            w |= (uint32_t)p[i + 1] << 8;
        }
        if (i + 2 < n) {
            w |= p[i + 2];
        }
        *out++ = b64_alphabet[w >> 18];
        *out++ = b64_alphabet[(w >> 12) & 63];
        *out++ = i + 1 < n ? b64_alphabet[(w >> 6) & 63] : '=';
        *out++ = i + 2 < n ? b64_alphabet[w & 63] : '=';
    }
    if (newline) {
        *out = '\n';
    }
    return py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_KW(binascii_b2a_base64_obj, b2a_base64, binascii_b2a_base64);

// Decoding as CPython: characters outside the alphabet are skipped (strict_mode: an error);
// '=' ends the data once it completes a quantum (after 2 or 3 data characters); a partial
// quantum at the end is an error.
static py_val binascii_a2b_base64(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_data, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_strict_mode, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[2];
    py_arg_parse("a2b_base64", n_args, n_kw, args, 0, spec, 2, a);
    bool strict = py_is_true(a[1]);
    size_t len;
    ascii_data(a[0], &len);
    py_vstr v;
    py_vstr_init(&v, len / 4 * 3 + 3);
    const uint8_t *s = ascii_data(a[0], &len); // again: the allocation may have collected
    int quad = 0, pads = 0;
    unsigned left = 0;
    bool padding = false;
    size_t ndata = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c == '=') {
            if (strict && i == 0) {
                error("Leading padding not allowed");
            }
            padding = true;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < len) {
                    error("Excess data after padding");
                }
                return py_vstr_to_bytes(&v);
            }
            continue;
        }
        int d = b64_value(c);
        if (d < 0) {
            if (strict) {
                error("Only base64 data is allowed");
            }
            continue;
        }
        if (strict && padding) {
            error("Discontinuous padding not allowed");
        }
        pads = 0;
        ndata++;
        switch (quad) {
        case 0: left = (unsigned)d; break;
        case 1:
            py_vstr_add_char(&v, (char)(left << 2 | (unsigned)d >> 4));
            left = (unsigned)d & 0xf;
            break;
        case 2:
            py_vstr_add_char(&v, (char)(left << 4 | (unsigned)d >> 2));
            left = (unsigned)d & 3;
            break;
        default: py_vstr_add_char(&v, (char)(left << 6 | (unsigned)d)); break;
        }
        quad = (quad + 1) & 3;
    }
    if (quad == 1) {
        py_raise_fmt(
            &mod_binascii_Error,
            "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more "
            "than a multiple of 4",
            ndata);
    }
    if (quad != 0) {
        error("Incorrect padding");
    }
    return py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_KW(binascii_a2b_base64_obj, a2b_base64, binascii_a2b_base64);

// ---- CRC-32
// --------------------------------------------------------------------------------------
static const uint32_t crc_nibble[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

static py_val binascii_crc32(size_t n_args, const py_val *args) {
    py_buffer b;
    py_get_buffer(args[0], &b, PY_BUFFER_READ);
    uint32_t crc = 0;
    if (n_args > 1) {
        py_val start = py_int_unwrap(args[1]);
        if (start == PY_NULL) {
            const py_type *t = py_typeof(args[1]);
            start = t->unary_op ? t->unary_op(PY_UOP_INDEX, args[1]) : PY_NULL;
            if (start == PY_NULL) {
                py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                             args[1]);
            }
        }
        // the start value modulo 2**32 (any int, negative ones too)
        uint8_t le[4];
        py_int_to_bytes(py_binary_op(PY_OP_AND, start, py_int_from_ull(0xffffffffu)), le, 4, false,
                        false);
        crc =
            (uint32_t)le[0] | (uint32_t)le[1] << 8 | (uint32_t)le[2] << 16 | (uint32_t)le[3] << 24;
        py_get_buffer(args[0], &b, PY_BUFFER_READ); // __index__ may have changed it
    }
    crc = ~crc;
    const uint8_t *p = b.buf;
    for (size_t i = 0; i < b.len; i++) {
        crc ^= p[i];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
    }
    return py_int_from_ull(~crc);
}
static PY_FN_OBJ_VAR(binascii_crc32_obj, crc32, 1, 2, binascii_crc32);

static const py_dict_entry binascii_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_binascii)),
    PY_ROM_ENTRY(Error, &mod_binascii_Error),
    PY_ROM_ENTRY(Incomplete, &mod_binascii_Incomplete),
    PY_ROM_ENTRY(hexlify, &binascii_hexlify_obj),
    PY_ROM_ENTRY(b2a_hex, &binascii_b2a_hex_obj),
    PY_ROM_ENTRY(unhexlify, &binascii_unhexlify_obj),
    PY_ROM_ENTRY(a2b_hex, &binascii_a2b_hex_obj),
    PY_ROM_ENTRY(b2a_base64, &binascii_b2a_base64_obj),
    PY_ROM_ENTRY(a2b_base64, &binascii_a2b_base64_obj),
    PY_ROM_ENTRY(crc32, &binascii_crc32_obj),
};
static PY_ROM_DICT(binascii_globals, binascii_table);

const py_module mod_binascii_module = {{&py_type_module}, (py_dict *)&binascii_globals};
