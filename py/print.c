// py/print.c: printers, growable strings (py_vstr) and the core's printf.
// A py_vstr grows a str object in place: its allocation holds a py_str header followed by
// the bytes, so finishing it into a str or bytes needs no copy (only a shrink).
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "py/objint.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

static void write_out(void *ctx, const char *s, size_t n) {
    (void)ctx;
    py_port_write_out(s, n);
}
static void write_err(void *ctx, const char *s, size_t n) {
    (void)ctx;
    py_port_write_err(s, n);
}
const py_print py_print_stdout = {write_out, NULL};
const py_print py_print_stderr = {write_err, NULL};

void py_print_str(const py_print *p, const char *s) { p->write(p->ctx, s, strlen(s)); }
void py_print_char(const py_print *p, char c) { p->write(p->ctx, &c, 1); }

void py_print_fill(const py_print *p, const char *fill, size_t fill_len, size_t n) {
    char buf[32];
    if (fill_len == 1) {
        memset(buf, fill[0], sizeof(buf));
        while (n > 0) {
            size_t k = n < sizeof(buf) ? n : sizeof(buf);
            p->write(p->ctx, buf, k);
            n -= k;
        }
        return;
    }
    while (n-- > 0) {
        p->write(p->ctx, fill, fill_len);
    }
}

// ---- vstr ---------------------------------------------------------------------------------------
void py_vstr_init(py_vstr *v, size_t cap) {
    if (cap > UINT32_MAX - 64) {
        py_raise_memory_error();
    }
    // the capacity asked for, plus what is left over in the last GC block: a buffer sized
    // exactly is finished without a shrink
    size_t bytes =
        (sizeof(py_str) + cap + 1 + PY_CFG_GC_BLOCK - 1) & ~(size_t)(PY_CFG_GC_BLOCK - 1);
    v->obj = py_gc_alloc(bytes, PY_GC_LEAF);
    v->len = 0;
    v->cap = bytes - sizeof(py_str) - 1;
}

char *py_vstr_extend(py_vstr *v, size_t n) {
    if (v->len + n > v->cap) {
        size_t cap = v->cap * 2;
        if (cap < v->len + n) {
            cap = v->len + n;
        }
        if (cap > UINT32_MAX - 64) {
            py_raise_memory_error();
        }
        v->obj = py_gc_realloc(v->obj, sizeof(py_str) + cap + 1);
        v->cap = cap;
    }
    char *d = v->obj->data + v->len;
    v->len += n;
    return d;
}

void py_vstr_add(py_vstr *v, const char *s, size_t n) {
    if (n) {
        char *d = py_vstr_extend(v, n);
        memmove(d, s, n);
    }
}

void py_vstr_add_char(py_vstr *v, char c) {
    if (v->len < v->cap) {
        v->obj->data[v->len++] = c;
    } else {
        *py_vstr_extend(v, 1) = c;
    }
}

void py_vstr_add_utf8(py_vstr *v, uint32_t c) {
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xc0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xe0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    py_vstr_add(v, b, n);
}

static void vstr_write(void *ctx, const char *s, size_t n) { py_vstr_add((py_vstr *)ctx, s, n); }

void py_vstr_printer(py_vstr *v, py_print *p) {
    p->write = vstr_write;
    p->ctx = v;
}

static py_val vstr_finish(py_vstr *v, const py_type *type) {
    py_str *s = v->obj;
    py_gc_resize_in_place(s, sizeof(py_str) + v->len + 1);
    s->base.type = type;
    s->len = (uint32_t)v->len;
    s->data[v->len] = 0;
    s->hash = 0;
    s->charlen = type == &py_type_str ? (uint32_t)py_utf8_charlen(s->data, v->len) : (uint32_t)v->len;
    v->obj = NULL;
    return (py_val)s;
}

py_val py_vstr_to_str(py_vstr *v) { return vstr_finish(v, &py_type_str); }
py_val py_vstr_to_bytes(py_vstr *v) { return vstr_finish(v, &py_type_bytes); }

// ---- short strings ------------------------------------------------------------------------------
static void sbuild_write(void *ctx, const char *s, size_t n) {
    py_sbuild *b = ctx;
    if (b->v.obj == NULL) {
        if (b->len + n <= sizeof(b->buf)) {
            memcpy(b->buf + b->len, s, n);
            b->len += n;
            return;
        }
        py_vstr_init(&b->v, b->len + n + sizeof(b->buf)); // (py_vstr_init checks the size)
        py_vstr_add(&b->v, b->buf, b->len);
    }
    py_vstr_add(&b->v, s, n);
}

void py_sbuild_init(py_sbuild *b, py_print *p) {
    b->len = 0;
    b->v.obj = NULL;
    p->write = sbuild_write;
    p->ctx = b;
}

py_val py_sbuild_to_str(py_sbuild *b) {
    if (b->v.obj != NULL) {
        return py_vstr_to_str(&b->v);
    }
    char *d;
    py_val s = py_str_new_uninit(b->len, &d);
    memcpy(d, b->buf, b->len);
    return py_str_finish(s);
}

// ---- printf ------------------------------------------------------------------------------------
// Our own: no libc printf in the firmware (newlib's is large and lacks %zu in its nano form).

// Writes v in `base` (lower or upper case digits), at least `width` wide, padded with `pad`.
static void print_uint(const py_print *p, unsigned long long v, unsigned base, bool upper, bool neg,
                       int width, char pad) {
    char buf[24];
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t n = 0;
    do {
        buf[sizeof(buf) - ++n] = digits[v % base];
        v /= base;
    } while (v);
    int len = (int)n + neg;
    if (neg && pad == '0') {
        p->write(p->ctx, "-", 1);
    }
    for (; width > len; width--) {
        p->write(p->ctx, &pad, 1);
    }
    if (neg && pad != '0') {
        p->write(p->ctx, "-", 1);
    }
    p->write(p->ctx, buf + sizeof(buf) - n, n);
}

void py_vprintf(const py_print *p, const char *fmt, va_list ap) {
    for (const char *s = fmt; *s; s++) {
        if (*s != '%') {
            const char *e = s;
            while (*e && *e != '%') {
                e++;
            }
            p->write(p->ctx, s, (size_t)(e - s));
            s = e - 1;
            continue;
        }
        s++;
        char pad = ' ';
        int width = 0;
        if (*s == '0') {
            pad = '0';
            s++;
        }
        while (*s >= '0' && *s <= '9') {
            width = width * 10 + (*s++ - '0');
        }
        int size = 0; // 0: int, 1: long, 2: long long, 3: size_t
        if (*s == 'z') {
            size = 3;
            s++;
        } else if (*s == 'l') {
            size = 1;
            s++;
            if (*s == 'l') {
                size = 2;
                s++;
            }
        }
        switch (*s) {
        case 'd':
        case 'i': {
            long long v = size == 0   ? va_arg(ap, int)
                          : size == 1 ? va_arg(ap, long)
                          : size == 2 ? va_arg(ap, long long)
                                      : (long long)va_arg(ap, ptrdiff_t);
            print_uint(p, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 10, false, v < 0,
                       width, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            unsigned long long v = size == 0   ? va_arg(ap, unsigned)
                                   : size == 1 ? va_arg(ap, unsigned long)
                                   : size == 2 ? va_arg(ap, unsigned long long)
                                               : va_arg(ap, size_t);
            print_uint(p, v, *s == 'u' ? 10 : 16, *s == 'X', false, width, pad);
            break;
        }
        case 'p':
            p->write(p->ctx, "0x", 2);
            print_uint(p, (uintptr_t)va_arg(ap, void *), 16, false, false, 0, ' ');
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            p->write(p->ctx, &c, 1);
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            p->write(p->ctx, str, strlen(str));
            break;
        }
        case '.':
            // %.*s
            if (s[1] == '*' && s[2] == 's') {
                int len = va_arg(ap, int);
                const char *str = va_arg(ap, const char *);
                p->write(p->ctx, str, (size_t)len);
                s += 2;
            }
            break;
        case 'q': {
            size_t len;
            const char *str = py_qstr_data(va_arg(ap, qstr), &len);
            p->write(p->ctx, str, len);
            break;
        }
        case 'r':
            py_print_val(p, va_arg(ap, py_val), PY_PRINT_REPR);
            break;
        case 'S':
            py_print_val(p, va_arg(ap, py_val), PY_PRINT_STR);
            break;
        case 'T':
            py_print_str(p, py_type_name(va_arg(ap, py_val)));
            break;
        case '%':
            p->write(p->ctx, "%", 1);
            break;
        default:
            p->write(p->ctx, s - 1, 2);
            break;
        }
    }
}

// A printer into a fixed buffer: keeps what fits (always NUL-terminated), counts it all.
typedef struct {
    char *buf;
    size_t cap, len;
} buf_ctx;

static void buf_write(void *ctx, const char *s, size_t n) {
    buf_ctx *b = ctx;
    for (size_t i = 0; i < n; i++, b->len++) {
        if (b->len + 1 < b->cap) {
            b->buf[b->len] = s[i];
        }
    }
}

int py_snprintf(char *buf, size_t size, const char *fmt, ...) {
    buf_ctx b = {buf, size, 0};
    py_print p = {buf_write, &b};
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(&p, fmt, ap);
    va_end(ap);
    if (size) {
        buf[b.len < size ? b.len : size - 1] = 0;
    }
    return (int)b.len;
}

void py_printf(const py_print *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(p, fmt, ap);
    va_end(ap);
}

// ---- repr / str ----------------------------------------------------------------------------
bool py_repr_enter(py_val obj) {
    py_thread_state *ts = PY_TS;
    uint32_t n = ts->repr_depth < 16 ? ts->repr_depth : 16;
    for (uint32_t i = 0; i < n; i++) {
        if (ts->repr_stack[i] == obj) {
            return false;
        }
    }
    if (ts->repr_depth < 16) {
        ts->repr_stack[ts->repr_depth] = obj;
    }
    ts->repr_depth++;
    return true;
}

void py_repr_leave(py_val obj) {
    (void)obj;
    py_thread_state *ts = PY_TS;
    if (ts->repr_depth > 0) {
        ts->repr_depth--;
    }
}

void py_print_val(const py_print *p, py_val v, int kind) {
    py_stack_check();
    const py_type *t = py_typeof(v);
    if (t->print) {
        t->print(p, v, kind);
        return;
    }
    py_printf(p, "<%q object at %p>", py_type_qname(t), (void *)v);
}

static py_val to_str(py_val v, int kind) {
    if (PY_TS->repr_depth && PY_TS->frame == NULL) {
        PY_TS->repr_depth = 0;
    }
    if (kind == PY_PRINT_STR && py_is_str(v) && (py_is_qstr(v) || v->type == &py_type_str)) {
        return v;
    }
    if (py_is_small(v)) { // str(i) and repr(i): the most common conversion, without a printer
        return py_int_small_to_str(py_small_get(v));
    }
    py_sbuild sb;
    py_print p;
    py_sbuild_init(&sb, &p);
    py_print_val(&p, v, kind);
    return py_sbuild_to_str(&sb);
}

py_val py_repr(py_val v) { return to_str(v, PY_PRINT_REPR); }
py_val py_str_of(py_val v) { return to_str(v, PY_PRINT_STR); }

py_val py_ascii(py_val v) {
    py_val r = py_repr(v);
    size_t len;
    const char *s = py_get_str(r, &len);
    bool ascii = true;
    for (size_t i = 0; i < len; i++) {
        if ((uint8_t)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        return r;
    }
    py_vstr out;
    py_vstr_init(&out, len + 16);
    const char *e = s + len;
    while (s < e) {
        if ((uint8_t)*s < 0x80) {
            py_vstr_add_char(&out, *s++);
            continue;
        }
        uint32_t c = py_utf8_decode(&s);
        char buf[12];
        int n = c < 0x100 ? py_snprintf(buf, sizeof(buf), "\\x%02x", (unsigned)c)
                : c < 0x10000 ? py_snprintf(buf, sizeof(buf), "\\u%04x", (unsigned)c)
                              : py_snprintf(buf, sizeof(buf), "\\U%08x", (unsigned)c);
        py_vstr_add(&out, buf, (size_t)n);
    }
    return py_vstr_to_str(&out);
}
