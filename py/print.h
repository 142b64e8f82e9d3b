// py/print.h: the output sink every repr/str/format routine writes to.
// A printer is a write callback plus its context; the core has printers for the console and
// for growable heap strings (py_vstr). Formatting code never allocates on its own: it writes
// pieces through the printer, so it works the same for stdout and for building a str.
#ifndef PY_PRINT_H
#define PY_PRINT_H

#include <stddef.h>

typedef struct py_print {
    void (*write)(void *ctx, const char *s, size_t n);
    void *ctx;
} py_print;

static inline void py_print_strn(const py_print *p, const char *s, size_t n) {
    p->write(p->ctx, s, n);
}

void py_print_str(const py_print *p, const char *s);
void py_print_char(const py_print *p, char c);
// Writes `n` copies of the (possibly multi-byte UTF-8) fill character `fill` of `fill_len` bytes.
void py_print_fill(const py_print *p, const char *fill, size_t fill_len, size_t n);
// printf-style helper for the core's own messages: %d %i %u %x %X (with l, ll or z, and a
// width with optional 0 fill), %c %s %.*s %p %%, and %q (a qstr), %r / %S (repr / str of a
// value), %T (a value's type name). Not used for Python-level formatting. No libc printf.
void py_printf(const py_print *p, const char *fmt, ...);
// The same into buf (at most size - 1 characters and a NUL); returns the full length.
int py_snprintf(char *buf, size_t size, const char *fmt, ...);

#endif // PY_PRINT_H
