// tests/unit/test_format.c: py/format.c against CPython 3.11's format().
// Vectors (tests/unit/data/format.txt, from gen_format_vectors.py) hold an int (sign, base and
// digits, as the object layer would pass them), a float (bits) or a str, a spec and either
// "=result" or "E:ValueError text". A few extra checks cover long outputs and the printer.
// Usage: test_format [DATA_DIR]. Ends with "N passed, N failed".
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/format.h"

static long passed, failed;
static int shown;

// A printer into a growable buffer, counting write calls.
typedef struct sbuf {
    char *s;
    size_t len, cap;
    long writes;
} sbuf;

static void sbuf_write(void *ctx, const char *s, size_t n) {
    sbuf *b = ctx;
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) abort();
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
    b->writes++;
}

static void sbuf_reset(sbuf *b) {
    b->len = 0;
    b->writes = 0;
    if (b->s) b->s[0] = 0;
}

static const char *sbuf_str(sbuf *b) {
    return b->s ? b->s : "";
}

static void check(const char *what, const char *kind, const char *value, const char *spec,
                  const char *got, const char *want) {
    if (strcmp(got, want) == 0) {
        passed++;
        return;
    }
    failed++;
    if (shown++ < 30) {
        printf("FAIL %s: %s %s spec '%s': got '%s', want '%s'\n", what, kind, value, spec, got,
               want);
    }
}

static size_t unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r == 't') {
            *w++ = '\t';
        } else if (*r == 'n') {
            *w++ = '\n';
        } else if (*r == 'x') {
            char hex[3] = {r[1], r[2], 0};
            *w++ = (char)strtol(hex, NULL, 16);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = 0;
    return (size_t)(w - s);
}

static int split_tabs(char *line, char **fields, int max) {
    int n = 0;
    line[strcspn(line, "\n")] = 0;
    while (n < max) {
        fields[n++] = line;
        char *t = strchr(line, '\t');
        if (!t) break;
        *t = 0;
        line = t + 1;
    }
    return n;
}

static void test_vectors(const char *dir) {
    char path[512];
    snprintf(path, sizeof path, "%s/format.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("FAIL cannot open %s\n", path);
        failed++;
        return;
    }
    static char line[16384];
    sbuf out = {0}, msg = {0};
    py_print po = {sbuf_write, &out}, pm = {sbuf_write, &msg};
    while (fgets(line, sizeof line, f)) {
        char *fd[6];
        int nf = split_tabs(line, fd, 6);
        sbuf_reset(&out);
        sbuf_reset(&msg);
        const char *err, *type_name, *want, *value;
        char *spec;
        size_t spec_len;
        py_fmt_spec fs;
        if (fd[0][0] == 'i' && nf == 6) {
            bool neg = fd[1][0] == '1';
            int base = atoi(fd[2]);
            size_t nd = unescape(fd[3]);
            spec = fd[4];
            spec_len = unescape(spec);
            want = fd[5];
            value = fd[3];
            type_name = "int";
            err = py_format_parse(spec, spec_len, &fs);
            if (!err) err = py_format_int(&po, neg, fd[3], nd, base, &fs);
        } else if (fd[0][0] == 'f' && nf == 4) {
            uint64_t b = strtoull(fd[1], NULL, 16);
            double d;
            memcpy(&d, &b, sizeof d);
            spec = fd[2];
            spec_len = unescape(spec);
            want = fd[3];
            value = fd[1];
            type_name = "float";
            err = py_format_parse(spec, spec_len, &fs);
            if (!err) err = py_format_float(&po, d, &fs);
        } else if (fd[0][0] == 's' && nf == 5) {
            size_t nchars = (size_t)atol(fd[1]);
            size_t nb = unescape(fd[2]);
            spec = fd[3];
            spec_len = unescape(spec);
            want = fd[4];
            value = fd[2];
            type_name = "str";
            err = py_format_parse(spec, spec_len, &fs);
            if (!err) err = py_format_str(&po, fd[2], nb, nchars, &fs);
        } else {
            continue;
        }
        unescape((char *)want);
        if (err) {
            sbuf_write(&msg, "E:", 2);
            py_format_errmsg(&pm, err, spec, spec_len, type_name);
            check("error", fd[0], value, spec, sbuf_str(&msg), want);
        } else {
            sbuf_write(&msg, "=", 1);
            sbuf_write(&msg, sbuf_str(&out), out.len);
            check("format", fd[0], value, spec, sbuf_str(&msg), want);
        }
    }
    fclose(f);
    free(out.s);
    free(msg.s);
}

// Long outputs go out in bounded chunks, and widths count code points.
static void test_long_and_utf8(void) {
    sbuf out = {0};
    py_print po = {sbuf_write, &out};
    py_fmt_spec fs;
    char want[64];

    const char *spec = "\xf0\x9f\x98\x80^100001,.2f"; // U+1F600 fill
    if (py_format_parse(spec, strlen(spec), &fs) || py_format_float(&po, -1234567.891, &fs)) {
        check("long", "f", "-1234567.891", spec, "error", "ok");
    } else {
        // 100001 code points: 13 for "-1,234,567.89", the rest 4-byte fills.
        size_t fills = 100001 - 13;
        size_t left = fills / 2;
        int ok = out.len == fills * 4 + 13 && memcmp(out.s + left * 4, "-1,234,567.89", 13) == 0;
        check("long", "f", "-1234567.891", spec, ok ? "ok" : "bad", "ok");
        check("chunked", "f", "-1234567.891", spec, out.writes > 10 ? "ok" : "one write", "ok");
    }

    sbuf_reset(&out);
    spec = "0=50000,";
    if (py_format_parse(spec, strlen(spec), &fs) || py_format_int(&po, true, "1234", 4, 10, &fs)) {
        check("long int", "i", "-1234", spec, "error", "ok");
    } else {
        snprintf(want, sizeof want, "%zu", (size_t)50000);
        int ok = out.len == 50000 && out.s[0] == '-' && strcmp(out.s + out.len - 5, "1,234") == 0;
        check("long int", "i", "-1234", spec, ok ? "ok" : "bad", "ok");
    }

    sbuf_reset(&out);
    spec = ".2000e";
    if (py_format_parse(spec, strlen(spec), &fs) || py_format_float(&po, 0.1, &fs)) {
        check("long e", "f", "0.1", spec, "error", "ok");
    } else {
        int ok = out.len == 2006 && strcmp(out.s + out.len - 4, "e-01") == 0 &&
                 strncmp(out.s, "1.000000000000000055511151231257827", 35) == 0;
        check("long e", "f", "0.1", spec, ok ? "ok" : "bad", "ok");
    }

    // Strings: precision and width in code points.
    sbuf_reset(&out);
    const char *s = "h\xc3\xa9llo\xe2\x82\xac"; // "héllo€", 6 code points, 9 bytes
    spec = "*^10.5";
    if (py_format_parse(spec, strlen(spec), &fs) || py_format_str(&po, s, 9, 6, &fs)) {
        check("utf8", "s", s, spec, "error", "ok");
    } else {
        check("utf8", "s", s, spec, sbuf_str(&out), "**h\xc3\xa9llo***");
    }

    // The error expander on its own.
    sbuf_reset(&out);
    py_format_errmsg(&po, PY_FMT_ERR_UNKNOWN, "\xe2\x82\xac", 3, "int");
    check("errmsg", "-", "U+20AC", "\xe2\x82\xac", sbuf_str(&out),
          "Unknown format code '\\x20ac' for object of type 'int'");
    sbuf_reset(&out);
    py_format_errmsg(&po, "100% static", "x", 1, "int");
    check("errmsg", "-", "static", "x", sbuf_str(&out), "100% static");
    free(out.s);
}

int main(int argc, char **argv) {
    test_vectors(argc > 1 ? argv[1] : "tests/unit/data");
    test_long_and_utf8();
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed != 0;
}
