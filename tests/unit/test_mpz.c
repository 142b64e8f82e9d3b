// tests/unit/test_mpz.c: standalone tests of py/mpz.c (no interpreter).
// Checks every case of tests/unit/data/mpz_vectors.txt (made by CPython through
// gen_mpz_vectors.py), then random operands against identities and a reference schoolbook
// multiplication. Every output and scratch buffer gets exactly its documented size plus a
// guard zone that must stay intact, so the size bounds in py/mpz.h are tested too.
// usage: test_mpz [vectors-file]; prints "N passed, N failed", exits 1 on failure.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "py/mpz.h"

typedef py_mpz_dig dig;

static int n_pass, n_fail;
static const char *cur_case = "";

#define GUARD 8
#define GUARD_VAL 0xA5C3E10Fu

static void fail(const char *what) {
    n_fail++;
    if (n_fail <= 20) {
        printf("FAIL: %s (case: %.60s)\n", what, cur_case);
    }
}

static void check(bool ok, const char *what) {
    if (ok) {
        n_pass++;
    } else {
        fail(what);
    }
}

// ---- guarded buffers ---------------------------------------------------------------------
typedef struct {
    dig *p;
    size_t n;
} buf;

static buf balloc(size_t n) {
    buf b;
    b.n = n;
    b.p = malloc((n + GUARD) * sizeof(dig) + 1);
    for (size_t i = 0; i < n + GUARD; i++) {
        b.p[i] = GUARD_VAL ^ (dig)i; // garbage inside, a known pattern after
    }
    return b;
}

static bool bok(buf b) {
    for (size_t i = b.n; i < b.n + GUARD; i++) {
        if (b.p[i] != (GUARD_VAL ^ (dig)i)) {
            return false;
        }
    }
    return true;
}

static void bfree(buf *b) {
    if (!bok(*b)) {
        fail("buffer overrun");
    }
    free(b->p);
    b->p = NULL;
}

// ---- numbers from hex (independent of py_mpz_from_str) ---------------------------------
typedef struct {
    dig *d;
    size_t n;
    bool neg;
} num;

static int hexval(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    return (c | 0x20) - 'a' + 10;
}

static num parse_hex(const char *s) {
    num x = {NULL, 0, false};
    if (*s == '-') {
        x.neg = true;
        s++;
    }
    size_t len = strlen(s);
    size_t n = (len + 7) / 8;
    x.d = calloc(n + 1, sizeof(dig));
    for (size_t i = 0; i < len; i++) {
        size_t pos = len - 1 - i; // nibble index
        x.d[pos / 8] |= (dig)hexval(s[i]) << (4 * (pos % 8));
    }
    x.n = py_mpz_norm(x.d, n);
    return x;
}

static bool eq(const dig *a, size_t an, num b) {
    return an == b.n && (an == 0 || memcmp(a, b.d, an * sizeof(dig)) == 0);
}

// ---- random numbers ------------------------------------------------------------------------
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd32(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

// n digits, normalised, with a mix of patterns that stress carries.
static void rnd_num(dig *d, size_t n) {
    int kind = rnd32() % 4;
    for (size_t i = 0; i < n; i++) {
        d[i] = kind == 0 ? 0xFFFFFFFFu : kind == 1 ? (rnd32() & 1 ? 0xFFFFFFFFu : 0) : rnd32();
    }
    if (n > 0 && d[n - 1] == 0) {
        d[n - 1] = 1;
    }
}

// reference schoolbook product
static void ref_mul(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    memset(r, 0, (an + bn) * sizeof(dig));
    for (size_t i = 0; i < an; i++) {
        uint64_t c = 0;
        for (size_t j = 0; j < bn; j++) {
            c += (uint64_t)a[i] * b[j] + r[i + j];
            r[i + j] = (dig)c;
            c >>= 32;
        }
        r[i + bn] = (dig)c;
    }
}

// ---- operations with guarded buffers -----------------------------------------------------
static size_t do_mul(buf *out, const dig *a, size_t an, const dig *b, size_t bn) {
    *out = balloc(an + bn);
    buf s = balloc(py_mpz_mul_scratch(an, bn));
    size_t n = py_mpz_mul(out->p, a, an, b, bn, s.p);
    bfree(&s);
    return n;
}

static size_t do_sqr(buf *out, const dig *a, size_t an) {
    *out = balloc(2 * an);
    buf s = balloc(py_mpz_mul_scratch(an, an));
    size_t n = py_mpz_sqr(out->p, a, an, s.p);
    bfree(&s);
    return n;
}

static void do_divmod(buf *q, size_t *qn, buf *r, size_t *rn, const dig *a, size_t an, const dig *b,
                      size_t bn) {
    *q = balloc(an >= bn ? an - bn + 1 : 1);
    *r = balloc(bn);
    buf s = balloc(py_mpz_divmod_scratch(an, bn));
    py_mpz_divmod(q->p, qn, r->p, rn, a, an, b, bn, s.p);
    bfree(&s);
}

static size_t do_tostr(char **out, const dig *a, size_t an, int base) {
    size_t cap = py_mpz_str_len_bound(an, base);
    *out = malloc(cap + 16);
    memset(*out, 'G', cap + 16);
    buf s = balloc(py_mpz_to_str_scratch(an, base));
    size_t n = py_mpz_to_str(*out, a, an, base, false, s.p);
    bfree(&s);
    for (size_t i = cap; i < cap + 16; i++) {
        if ((*out)[i] != 'G') {
            fail("to_str overran its bound");
            break;
        }
    }
    return n;
}

static size_t do_fromstr(buf *out, const char *s, size_t len, int base) {
    *out = balloc(py_mpz_from_str_bound(len, base));
    buf sc = balloc(py_mpz_from_str_scratch(len, base));
    size_t n = py_mpz_from_str(out->p, s, len, base, sc.p);
    bfree(&sc);
    return n;
}

// ---- the vectors ----------------------------------------------------------------------------
#define MAX_TOK 6

static void run_case(char **tok, int nt) {
    const char *op = tok[0];
    buf r, q;
    size_t rn, qn;
    if (strcmp(op, "add") == 0 || strcmp(op, "sub") == 0) {
        num a = parse_hex(tok[1]), b = parse_hex(tok[2]), e = parse_hex(tok[3]);
        bool add = op[0] == 'a';
        r = balloc((a.n > b.n ? a.n : b.n) + add);
        rn = add ? py_mpz_add(r.p, a.d, a.n, b.d, b.n) : py_mpz_sub(r.p, a.d, a.n, b.d, b.n);
        check(eq(r.p, rn, e), op);
        bfree(&r);
        // in place: r = a
        dig *t = calloc((a.n > b.n ? a.n : b.n) + 2, sizeof(dig));
        memcpy(t, a.d, a.n * sizeof(dig));
        rn = add ? py_mpz_add(t, t, a.n, b.d, b.n) : py_mpz_sub(t, t, a.n, b.d, b.n);
        check(eq(t, rn, e), "in-place add/sub");
        free(t);
        free(a.d), free(b.d), free(e.d);
    } else if (strcmp(op, "mul") == 0) {
        num a = parse_hex(tok[1]), b = parse_hex(tok[2]), e = parse_hex(tok[3]);
        rn = do_mul(&r, a.d, a.n, b.d, b.n);
        check(eq(r.p, rn, e), "mul");
        bfree(&r);
        free(a.d), free(b.d), free(e.d);
    } else if (strcmp(op, "sqr") == 0) {
        num a = parse_hex(tok[1]), e = parse_hex(tok[2]);
        rn = do_sqr(&r, a.d, a.n);
        check(eq(r.p, rn, e), "sqr");
        bfree(&r);
        free(a.d), free(e.d);
    } else if (strcmp(op, "divmod") == 0) {
        num a = parse_hex(tok[1]), b = parse_hex(tok[2]);
        num eq_ = parse_hex(tok[3]), er = parse_hex(tok[4]);
        do_divmod(&q, &qn, &r, &rn, a.d, a.n, b.d, b.n);
        check(eq(q.p, qn, eq_), "divmod quotient");
        check(eq(r.p, rn, er), "divmod remainder");
        bfree(&q);
        bfree(&r);
        if (b.n == 1) {
            dig *t = calloc(a.n + 1, sizeof(dig));
            dig rem = py_mpz_divmod_1(t, &qn, a.d, a.n, b.d[0]);
            check(eq(t, qn, eq_) && rem == (er.n ? er.d[0] : 0), "divmod_1");
            free(t);
        }
        free(a.d), free(b.d), free(eq_.d), free(er.d);
    } else if (strcmp(op, "shl") == 0 || strcmp(op, "shr") == 0) {
        num a = parse_hex(tok[1]), e = parse_hex(tok[3]);
        size_t s = (size_t)strtoul(tok[2], NULL, 10);
        if (op[2] == 'l') {
            r = balloc(a.n + s / 32 + 1);
            rn = py_mpz_shl(r.p, a.d, a.n, s);
        } else {
            size_t ds = s / 32;
            r = balloc(a.n > ds ? a.n - ds : 0);
            rn = py_mpz_shr(r.p, a.d, a.n, s);
            // the low-bits predicate agrees with a shift back
            bool lost = py_mpz_low_bits_nonzero(a.d, a.n, s);
            dig *t = calloc(a.n + s / 32 + 2, sizeof(dig));
            size_t tn = py_mpz_shl(t, r.p, rn, s);
            check(lost == !eq(t, tn, a), "low_bits_nonzero");
            free(t);
        }
        check(eq(r.p, rn, e), op);
        bfree(&r);
        free(a.d), free(e.d);
    } else if (strcmp(op, "and") == 0 || strcmp(op, "or") == 0 || strcmp(op, "xor") == 0) {
        num a = parse_hex(tok[1]), b = parse_hex(tok[2]), e = parse_hex(tok[3]);
        int bop = op[0] == 'a' ? PY_MPZ_AND : op[0] == 'o' ? PY_MPZ_OR : PY_MPZ_XOR;
        r = balloc((a.n > b.n ? a.n : b.n) + 1);
        bool neg;
        rn = py_mpz_bitwise(r.p, &neg, bop, a.d, a.n, a.neg, b.d, b.n, b.neg);
        check(eq(r.p, rn, e) && (rn == 0 ? true : neg == e.neg), op);
        bfree(&r);
        free(a.d), free(b.d), free(e.d);
    } else if (strcmp(op, "powmod") == 0) {
        num b = parse_hex(tok[1]), e = parse_hex(tok[2]), m = parse_hex(tok[3]);
        num x = parse_hex(tok[4]);
        r = balloc(m.n);
        buf s = balloc(py_mpz_powmod_scratch(m.n));
        rn = py_mpz_powmod(r.p, b.d, b.n, e.d, e.n, m.d, m.n, s.p);
        check(eq(r.p, rn, x), "powmod");
        bfree(&s);
        bfree(&r);
        free(b.d), free(e.d), free(m.d), free(x.d);
    } else if (strcmp(op, "tostr") == 0) {
        int base = atoi(tok[1]);
        num a = parse_hex(tok[2]);
        char *out;
        size_t n = do_tostr(&out, a.d, a.n, base);
        check(n == strlen(tok[3]) && memcmp(out, tok[3], n) == 0, "to_str");
        free(out);
        free(a.d);
    } else if (strcmp(op, "fromstr") == 0) {
        int base = atoi(tok[1]);
        num e = parse_hex(tok[3]);
        rn = do_fromstr(&r, tok[2], strlen(tok[2]), base);
        check(eq(r.p, rn, e), "from_str");
        bfree(&r);
        free(e.d);
    } else {
        (void)nt;
        fail("unknown op in vector file");
    }
}

static void run_vectors(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("FAIL: cannot open %s\n", path);
        n_fail++;
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n') {
            line[--len] = 0;
        }
        cur_case = line;
        char *tok[MAX_TOK];
        int nt = 0;
        for (char *p = strtok(line, " "); p && nt < MAX_TOK; p = strtok(NULL, " ")) {
            tok[nt++] = p;
        }
        if (nt >= 3) {
            run_case(tok, nt);
        }
    }
    free(line);
    fclose(f);
    cur_case = "";
}

// ---- random identities ---------------------------------------------------------------------
static void random_mul(void) {
    cur_case = "random mul/sqr vs schoolbook";
    static const size_t sizes[] = {1, 2, 3, 39, 40, 41, 79, 80, 81, 100, 160, 161, 333, 700};
    size_t ns = sizeof(sizes) / sizeof(sizes[0]);
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = 0; j < ns; j++) {
            size_t an = sizes[i], bn = sizes[j];
            dig *a = malloc(an * sizeof(dig)), *b = malloc(bn * sizeof(dig));
            dig *e = malloc((an + bn) * sizeof(dig));
            rnd_num(a, an);
            rnd_num(b, bn);
            ref_mul(e, a, an, b, bn);
            buf r;
            size_t rn = do_mul(&r, a, an, b, bn);
            check(rn == py_mpz_norm(e, an + bn) && memcmp(r.p, e, rn * sizeof(dig)) == 0,
                  "mul vs reference");
            bfree(&r);
            if (i == j) {
                memcpy(b, a, an * sizeof(dig));
                ref_mul(e, a, an, a, an);
                rn = do_sqr(&r, a, an);
                check(rn == py_mpz_norm(e, 2 * an) && memcmp(r.p, e, rn * sizeof(dig)) == 0,
                      "sqr vs reference");
                bfree(&r);
            }
            free(a), free(b), free(e);
        }
    }
}

static void random_divmod(void) {
    cur_case = "random divmod: q b + r == a, r < b";
    for (int iter = 0; iter < 300; iter++) {
        size_t an = 1 + rnd32() % 120, bn = 1 + rnd32() % 60;
        dig *a = malloc(an * sizeof(dig)), *b = malloc(bn * sizeof(dig));
        rnd_num(a, an);
        rnd_num(b, bn);
        buf q, r;
        size_t qn, rn;
        do_divmod(&q, &qn, &r, &rn, a, an, b, bn);
        bool ok = py_mpz_cmp(r.p, rn, b, bn) < 0;
        dig *t = calloc(an + bn + 2, sizeof(dig));
        buf s = balloc(py_mpz_mul_scratch(qn, bn));
        size_t tn = py_mpz_mul(t, q.p, qn, b, bn, s.p);
        bfree(&s);
        tn = py_mpz_add(t, t, tn, r.p, rn);
        ok = ok && py_mpz_cmp(t, tn, a, an) == 0;
        check(ok, "divmod identity");
        bfree(&q);
        bfree(&r);
        free(t), free(a), free(b);
    }
}

static void random_conv(void) {
    cur_case = "random to_str/from_str round trip";
    for (int base = 2; base <= 36; base++) {
        for (int iter = 0; iter < 12; iter++) {
            size_t an = rnd32() % (iter < 6 ? 40 : 400);
            dig *a = malloc((an + 1) * sizeof(dig));
            rnd_num(a, an);
            char *s;
            size_t n = do_tostr(&s, a, an, base);
            buf r;
            size_t rn = do_fromstr(&r, s, n, base);
            check(rn == an && memcmp(r.p, a, an * sizeof(dig)) == 0 &&
                      (an == 0 ? n == 1 : s[0] != '0'),
                  "round trip");
            // upper-case letters parse the same
            for (size_t i = 0; i < n; i++) {
                s[i] = (char)(s[i] >= 'a' ? s[i] - 32 : s[i]);
            }
            bfree(&r);
            rn = do_fromstr(&r, s, n, base);
            check(rn == an && memcmp(r.p, a, an * sizeof(dig)) == 0, "upper-case parse");
            bfree(&r);
            free(s), free(a);
        }
    }
}

static void random_shift_bits(void) {
    cur_case = "random shifts, popcount, bit_length";
    for (int iter = 0; iter < 300; iter++) {
        size_t an = 1 + rnd32() % 50, s = rnd32() % 2000;
        dig *a = malloc(an * sizeof(dig));
        rnd_num(a, an);
        dig *t = calloc(an + s / 32 + 1, sizeof(dig));
        size_t tn = py_mpz_shl(t, a, an, s);
        check(py_mpz_bit_length(t, tn) == py_mpz_bit_length(a, an) + s, "bit_length after shl");
        check(py_mpz_popcount(t, tn) == py_mpz_popcount(a, an), "popcount after shl");
        check(!py_mpz_low_bits_nonzero(t, tn, s), "low bits of shl");
        tn = py_mpz_shr(t, t, tn, s);
        check(py_mpz_cmp(t, tn, a, an) == 0, "shl then shr");
        free(t), free(a);
    }
}

static double seconds(clock_t t0) {
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

// str(3**100000) and int('9' * 20000) must be far below a second (CPython-like speed).
static void timing(void) {
    cur_case = "timing";
    size_t an = 5000;
    dig *a = malloc(an * sizeof(dig));
    rnd_num(a, an);
    clock_t t0 = clock();
    char *s;
    size_t n = do_tostr(&s, a, an, 10);
    double t_str = seconds(t0);
    t0 = clock();
    buf r;
    size_t rn = do_fromstr(&r, s, n, 10);
    double t_parse = seconds(t0);
    check(rn == an && memcmp(r.p, a, an * sizeof(dig)) == 0, "48 000-digit round trip");
    bfree(&r);
    printf("5000-digit (48k decimal digits) number: to_str %.3f s, from_str %.3f s\n", t_str,
           t_parse);
    check(t_str < 2.0 && t_parse < 2.0, "conversion speed");
    free(s), free(a);
}

int main(int argc, char **argv) {
    run_vectors(argc > 1 ? argv[1] : "tests/unit/data/mpz_vectors.txt");
    random_mul();
    random_divmod();
    random_conv();
    random_shift_bits();
    timing();
    printf("%d passed, %d failed\n", n_pass, n_fail);
    return n_fail != 0;
}
