// tests/unit/test_dtoa.c: py/dtoa.c against CPython's answers and against glibc.
// The vectors in tests/unit/data (from gen_format_vectors.py) pin repr(), float() and
// format() to CPython 3.11; a further few million random cases check round trips, shortest
// and closest digits and fixed-precision rounding against glibc's exact printf/strtod.
// Usage: test_dtoa [DATA_DIR] [--bench]. Ends with "N passed, N failed".
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "py/dtoa.h"

static long passed, failed;
static int shown;

#define MAX_SHOWN 25

static void fail(const char *what, const char *input, const char *got, const char *want) {
    failed++;
    if (shown++ < MAX_SHOWN) printf("FAIL %s: %s: got '%s', want '%s'\n", what, input, got, want);
}

static void check_str(const char *what, const char *input, const char *got, const char *want) {
    if (strcmp(got, want) == 0) {
        passed++;
    } else {
        fail(what, input, got, want);
    }
}

static uint64_t bits_of(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static double from_bits(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

// Undoes the generator's escapes (\\ \t \n \xNN) in place; returns the new length.
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

// Splits a line at tabs into at most max fields; returns the count.
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

static FILE *open_data(const char *dir, const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("FAIL cannot open %s\n", path);
        failed++;
    }
    return f;
}

// ---- vectors from CPython ----

static void test_repr_vectors(const char *dir) {
    FILE *f = open_data(dir, "dtoa_repr.txt");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *want = strchr(line, ' ');
        if (!want) continue;
        *want++ = 0;
        double d = from_bits(strtoull(line, NULL, 16));
        char buf[PY_DTOA_REPR_SIZE];
        size_t n = py_dtoa_repr(d, buf);
        check_str("repr", line, buf, want);
        if (n != strlen(buf)) fail("repr length", line, buf, want);
        // The same through py_dtoa_format with no type and no precision, and with 'r'.
        char buf2[64];
        py_dtoa_format(d, 0, -1, 0, buf2, sizeof buf2);
        check_str("format ''", line, buf2, want);
        py_dtoa_format(d, 'r', -1, 0, buf2, sizeof buf2);
        check_str("format 'r'", line, buf2, want);
        // And back: parse(repr(x)) == x, bit for bit (nan: any nan).
        double back = 0;
        if (py_dtoa_parse(want, strlen(want), &back) != 0) {
            fail("parse(repr)", line, "error", want);
        } else if (isnan(d) ? !isnan(back) : bits_of(back) != bits_of(d)) {
            char got[40];
            snprintf(got, sizeof got, "%016llx", (unsigned long long)bits_of(back));
            fail("parse(repr)", want, got, line);
        } else {
            passed++;
        }
    }
    fclose(f);
}

static void test_parse_vectors(const char *dir) {
    FILE *f = open_data(dir, "dtoa_parse.txt");
    if (!f) return;
    static char line[8192];
    while (fgets(line, sizeof line, f)) {
        char *fields[2];
        if (split_tabs(line, fields, 2) != 2) continue;
        const char *want = fields[1];
        size_t len = unescape(fields[0]);
        double d = 0;
        int rc = py_dtoa_parse(fields[0], len, &d);
        char got[40];
        if (rc != 0) {
            snprintf(got, sizeof got, "ERR");
        } else {
            snprintf(got, sizeof got, "%016llx", (unsigned long long)bits_of(d));
        }
        check_str("parse", fields[0], got, want);
    }
    fclose(f);
}

static void test_format_vectors(const char *dir) {
    FILE *f = open_data(dir, "dtoa_format.txt");
    if (!f) return;
    static char line[8192], buf[4096];
    while (fgets(line, sizeof line, f)) {
        char *fd[5];
        if (split_tabs(line, fd, 5) != 5) continue;
        double d = from_bits(strtoull(fd[0], NULL, 16));
        char type = strcmp(fd[1], "none") == 0 ? 0 : fd[1][0];
        int prec = atoi(fd[2]), fl = atoi(fd[3]);
        int flags = (fl & 1 ? PY_DTOA_ALT : 0) | (fl & 2 ? PY_DTOA_NO_NEG_0 : 0);
        char input[96];
        snprintf(input, sizeof input, "%s %s prec %d flags %d", fd[0], fd[1], prec, fl);
        size_t n = py_dtoa_format(d, type, prec, flags, buf, sizeof buf);
        check_str("format", input, buf, fd[4]);
        if (n != strlen(fd[4])) fail("format length", input, buf, fd[4]);
        // Too small a buffer: the needed length, and nothing but an empty string written.
        char small[4] = "xyz";
        size_t n2 = py_dtoa_format(d, type, prec, flags, small, n < 4 ? n : 4);
        if (n2 != n || small[0] != 0) fail("format short buffer", input, small, "");
        if (py_dtoa_format(d, type, prec, flags, NULL, 0) != n) {
            fail("format NULL", input, "?", fd[4]);
        }
    }
    fclose(f);
}

// ---- random checks against glibc ----

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng(void) { // splitmix64
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static double random_double(void) {
    for (;;) {
        uint64_t b = rng();
        switch (b & 3) {
        case 0: b &= ~(UINT64_C(0x7ff) << 52); break; // subnormal (or zero)
        case 1:
            b = (b & ~(UINT64_C(0x7ff) << 52)) |
                ((uint64_t)(1023 + (int)(b >> 56) % 64 - 32) << 52);
            break;
        default: break;
        }
        double d = from_bits(b);
        if (isfinite(d)) return d;
    }
}

// Digits and decimal exponent of a repr, for comparing with printf's %.*e.
static int repr_digits(const char *r, char *dig, int *exp10) {
    int n = 0, point = -1, lead = 1, lead_zeros = 0;
    const char *p = r;
    if (*p == '-') p++;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.') {
            point = n + lead_zeros;
            continue;
        }
        if (lead && *p == '0') {
            lead_zeros++;
            continue;
        }
        lead = 0;
        dig[n++] = *p;
    }
    if (point < 0) point = n + lead_zeros;
    int e = *p == 'e' ? atoi(p + 1) : 0;
    while (n > 1 && dig[n - 1] == '0')
        n--;
    dig[n] = 0;
    *exp10 = point - lead_zeros - 1 + e;
    return n;
}

static void test_random_repr(long count) {
    for (long i = 0; i < count; i++) {
        double d = random_double();
        if (d == 0) continue;
        char buf[PY_DTOA_REPR_SIZE], tmp[64], label[40];
        py_dtoa_repr(d, buf);
        snprintf(label, sizeof label, "%016llx", (unsigned long long)bits_of(d));
        double back;
        if (py_dtoa_parse(buf, strlen(buf), &back) != 0 || bits_of(back) != bits_of(d)) {
            fail("random round trip", label, buf, "same double");
            continue;
        }
        if (strtod(buf, NULL) != d) {
            fail("random strtod(repr)", label, buf, "same double");
            continue;
        }
        // Shortest: one digit fewer never reads back as d. Closest: glibc's correctly
        // rounded n-digit string has our digits.
        char dig[32];
        int e10, n = repr_digits(buf, dig, &e10);
        if (n > 1) {
            snprintf(tmp, sizeof tmp, "%.*e", n - 2, d);
            if (strtod(tmp, NULL) == d) {
                fail("random shortest", label, buf, tmp);
                continue;
            }
        }
        snprintf(tmp, sizeof tmp, "%.*e", n - 1, fabs(d));
        char dig2[32];
        int e2, n2 = repr_digits(tmp, dig2, &e2);
        (void)n2;
        if (strcmp(dig, dig2) != 0 || e10 != e2) {
            fail("random closest", label, buf, tmp);
            continue;
        }
        passed++;
    }
}

static void test_random_fixed(long count) {
    static char want[2048], got[2048];
    for (long i = 0; i < count; i++) {
        double d = random_double();
        int prec = (int)(rng() % 30);
        if (i % 100 == 0) prec = (int)(rng() % 700);
        static const char types[] = "eEfFgG";
        char type = types[rng() % 6];
        int alt = rng() % 4 == 0;
        char fmt[16];
        // The oracle gets the lowercase type (newlib lacks %F), uppercased afterwards.
        snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", type | 0x20);
        if ((type == 'f' || type == 'F') && fabs(d) > 1e200) prec %= 40;
        int wn = snprintf(want, sizeof want, fmt, prec, d);
        if (wn < 0 || wn >= (int)sizeof want) continue;
        for (int k = 0; type < 'a' && k < wn; k++) {
            if (want[k] == 'e') want[k] = 'E';
        }
        size_t n = py_dtoa_format(d, type, prec, alt ? PY_DTOA_ALT : 0, got, sizeof got);
        char label[64];
        snprintf(label, sizeof label, "%016llx %s prec %d", (unsigned long long)bits_of(d), fmt,
                 prec);
        if (n != (size_t)wn) {
            fail("random fixed length", label, got, want);
        } else {
            check_str("random fixed", label, got, want);
        }
    }
}

static void test_random_parse(long count) {
    char s[128];
    for (long i = 0; i < count; i++) {
        // Random digit strings with 1..40 digits and a random exponent, some near the limits.
        int nd = 1 + (int)(rng() % 40), e = (int)(rng() % 700) - 360, k = 0;
        if (rng() % 2) s[k++] = '-';
        for (int j = 0; j < nd; j++) {
            s[k++] = (char)('0' + rng() % 10);
            if (j == 0 && nd > 1) s[k++] = '.';
        }
        k += snprintf(s + k, sizeof s - (size_t)k, "e%d", e);
        double d, want = strtod(s, NULL);
        if (py_dtoa_parse(s, (size_t)k, &d) != 0 || bits_of(d) != bits_of(want)) {
            char a[40], b[40];
            snprintf(a, sizeof a, "%.17g", d);
            snprintf(b, sizeof b, "%.17g", want);
            fail("random parse", s, a, b);
        } else {
            passed++;
        }
    }
}

// ---- special cases not covered by vectors ----

static void check_true(const char *what, int ok) {
    if (ok) {
        passed++;
    } else {
        fail(what, "-", "false", "true");
    }
}

static void test_misc(void) {
    static char big[4096];
    // The buffer contract at exactly the boundary: "1.5" needs 4 bytes with its NUL.
    char b4[4];
    size_t n = py_dtoa_format(1.5, 'f', 1, 0, b4, 4);
    check_true("fits exactly", n == 3 && strcmp(b4, "1.5") == 0);
    n = py_dtoa_format(1.5, 'f', 1, 0, b4, 3);
    check_true("one byte short", n == 3 && b4[0] == 0);
    // Huge precision through a buffer.
    n = py_dtoa_format(0.1, 'f', 3000, 0, big, sizeof big);
    check_true("0.1 .3000f", n == 3002 && strncmp(big,
                                                  "0.1000000000000000055511151231257827021181"
                                                  "583404541015625000",
                                                  60) == 0);
    // Parse: input not NUL-terminated, very long inputs, signs.
    double d;
    check_true("parse len", py_dtoa_parse("1.25xyz", 4, &d) == 0 && d == 1.25);
    memset(big, '0', sizeof big); // "0.000...01e9" with 4091 zeros: 1e-4083 -> 0.0
    big[1] = '.';
    memcpy(big + sizeof big - 3, "1e9", 3);
    check_true("long zeros", py_dtoa_parse(big, sizeof big, &d) == 0 && d == 0 && !signbit(d));
    memset(big, '9', sizeof big); // 9.999... -> 10.0
    big[1] = '.';
    check_true("long nines", py_dtoa_parse(big, sizeof big, &d) == 0 && d == 10.0);
    check_true("-0", py_dtoa_parse("-0.0e-5", 7, &d) == 0 && d == 0 && signbit(d));
    check_true("-nan", py_dtoa_parse("-nan", 4, &d) == 0 && isnan(d) && signbit(d));
}

// ---- speed ----

static double now(void) {
    return (double)clock() / CLOCKS_PER_SEC; // plain C, so the test also builds with newlib
}

// The naive shortest repr: %.{1..17}g until strtod gives the double back.
static size_t naive_repr(double d, char *buf) {
    int n = 0;
    for (int p = 1; p <= 17; p++) {
        n = snprintf(buf, 32, "%.*g", p, d);
        if (strtod(buf, NULL) == d) break;
    }
    return (size_t)n;
}

static void bench(void) {
    enum { N = 1000000 };
    static double xs[N], nice[N];
    for (int i = 0; i < N; i++) {
        xs[i] = random_double();
        nice[i] = (double)(rng() % 100000) / 100.0;
    }
    char buf[64];
    size_t sink = 0;
    const double *sets[2] = {xs, nice};
    const char *names[2] = {"random bits", "2-decimal values"};
    for (int s = 0; s < 2; s++) {
        double t0 = now();
        for (int i = 0; i < N; i++)
            sink += py_dtoa_repr(sets[s][i], buf);
        double t1 = now();
        for (int i = 0; i < N; i++)
            sink += naive_repr(sets[s][i], buf);
        double t2 = now();
        for (int i = 0; i < N; i++)
            sink += (size_t)snprintf(buf, sizeof buf, "%.17g", sets[s][i]);
        double t3 = now();
        double t4 = now();
        for (int i = 0; i < N; i++) {
            size_t n = py_dtoa_repr(sets[s][i], buf);
            double d;
            py_dtoa_parse(buf, n, &d);
            sink += d != sets[s][i];
        }
        double t5 = now();
        for (int i = 0; i < N; i++) {
            size_t n = py_dtoa_repr(sets[s][i], buf);
            (void)n;
            sink += strtod(buf, NULL) != sets[s][i];
        }
        double t6 = now();
        printf("bench %s: py_dtoa_repr %.0f ns, naive %%.Ng loop %.0f ns, one %%.17g %.0f ns, "
               "py_dtoa_parse(repr) %.0f ns, strtod(repr) %.0f ns\n",
               names[s], (t1 - t0) * 1e9 / N, (t2 - t1) * 1e9 / N, (t3 - t2) * 1e9 / N,
               ((t5 - t4) - (t1 - t0)) * 1e9 / N, ((t6 - t5) - (t1 - t0)) * 1e9 / N);
    }
    if (sink == 42) printf("\n");
}

int main(int argc, char **argv) {
    const char *dir = "tests/unit/data";
    int do_bench = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bench") == 0) {
            do_bench = 1;
        } else {
            dir = argv[i];
        }
    }
    test_repr_vectors(dir);
    test_parse_vectors(dir);
    test_format_vectors(dir);
    test_misc();
    test_random_repr(1000000);
    test_random_fixed(300000);
    test_random_parse(300000);
    if (do_bench) bench();
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed != 0;
}
