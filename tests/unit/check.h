// tests/unit/check.h: the assertions and the runner of the standalone C unit tests (those
// that need no interpreter: flash, fs, crypto, image, bootutil, ble). CHECK records a failure
// and goes on; check_run runs each test, names the failing ones and prints the closing
// "N passed, N failed" line the test suites end with. Also what they share to read their data:
// whole files, hex, PEM, vector files.
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed, checks;

#define CHECK_MSG(c, ...)                                                                      \
    do {                                                                                       \
        checks++;                                                                              \
        if (!(c)) {                                                                            \
            printf("  check failed: %s (%s:%d): ", #c, __FILE__, __LINE__);                    \
            printf(__VA_ARGS__);                                                               \
            printf("\n");                                                                      \
            failed++;                                                                          \
        }                                                                                      \
    } while (0)
#define CHECK(c) CHECK_MSG(c, "%s", "")

typedef struct check_test {
    const char *name;
    void (*fn)(void);
} check_test;

// Runs the tests of `suite`; returns the exit status (1 if any check failed).
static inline int check_run(const char *suite, const check_test *tests, size_t n) {
    int passed = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        int before = failed;
        tests[i].fn();
        int ok = failed == before;
        printf("%s %s.%s\n", ok ? "ok  " : "FAIL", suite, tests[i].name);
        ok ? passed++ : bad++;
    }
    printf("%d passed, %d failed (%d checks)\n", passed, bad, checks);
    return bad != 0;
}

// ---- test data ---------------------------------------------------------------------------------

typedef struct check_blob {
    uint8_t *p; // NUL-terminated (text files read as strings)
    size_t n;
} check_blob;

// A whole file of the test's own data: exits with status 2 if it cannot be read (a broken
// checkout, not a failure of the code under test).
static inline check_blob check_load(const char *path) {
    check_blob b = {NULL, 0};
    FILE *f = fopen(path, "rb");
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        b.p = malloc((size_t)n + 1);
    }
    if (!b.p || fread(b.p, 1, (size_t)n, f) != (size_t)n) {
        printf("cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    b.p[n] = 0;
    b.n = (size_t)n;
    return b;
}

// Hex into bytes, spaces allowed between pairs (as specifications print it), "-" for none:
// the byte count, or -1 if malformed or longer than cap.
static inline long check_unhex(uint8_t *out, size_t cap, const char *s) {
    if (strcmp(s, "-") == 0) {
        return 0;
    }
    size_t n = 0;
    for (; *s; s++) {
        if (*s == ' ') {
            continue;
        }
        unsigned v;
        if (n == cap || s[1] == 0 || s[1] == ' ' || sscanf(s, "%2x", &v) != 1) {
            return -1;
        }
        out[n++] = (uint8_t)v;
        s++;
    }
    return (long)n;
}

// The DER inside a PEM text (the base64 between its BEGIN and END lines): its length, or -1.
static inline long check_pem_der(const char *pem, uint8_t *out, size_t cap) {
    const char *p = strstr(pem, "-----\n");
    const char *end = strstr(pem, "\n-----END");
    if (p == NULL || end == NULL) {
        return -1;
    }
    static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint32_t acc = 0;
    int bits = 0;
    size_t n = 0;
    for (p += 6; p < end; p++) {
        if (*p == '\n' || *p == '=') {
            continue;
        }
        const char *q = strchr(al, *p);
        if (q == NULL) {
            return -1;
        }
        acc = acc << 6 | (uint32_t)(q - al);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (n == cap) {
                return -1;
            }
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
    return (long)n;
}

// Calls fn(fields, count, index) for each line of a vector file, split at spaces (at most 8
// fields; '#' lines and blank lines skipped; every line must end with a newline). Returns the
// lines given to fn, or -1 (a failed check) if the file cannot be opened.
static inline int check_vectors(const char *path, void (*fn)(char **f, int nf, int index)) {
    FILE *fp = fopen(path, "r");
    CHECK_MSG(fp != NULL, "cannot open %s", path);
    if (fp == NULL) {
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int index = 0;
    while ((len = getline(&line, &cap, fp)) > 0) {
        CHECK(line[len - 1] == '\n');
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        char *f[8];
        int nf = 0;
        for (char *t = strtok(line, " \n"); t != NULL && nf < 8; t = strtok(NULL, " \n")) {
            f[nf++] = t;
        }
        if (nf > 0) {
            fn(f, nf, index++);
        }
    }
    free(line);
    fclose(fp);
    return index;
}

#endif // TESTS_UNIT_CHECK_H
