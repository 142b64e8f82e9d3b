// tools/freezer.c: freezes the Python modules under lib/ into the binary as bytecode.
//
// A host program built from py/ alone (with its own qstrs and ports/minimal/port.c). It
// compiles each module with our compiler, so a syntax error fails the build, and writes
//   OUT.c      every code object as const C data (bytecode, line and exception tables, names,
//              constants as static objects): in flash on a target, nothing copied to RAM on
//              import; the table py_frozen_modules of py/frozen.h points at them.
//   OUT_QSTR.h QDEF lines for the names and strings that are not C identifiers, for
//              tools/gen_qstr.py (identifiers appear as PY_QSTR_x in OUT.c itself).
// The output is symbolic (qstrs by name, small ints by value), so the one file serves every
// build: the 64-bit host and the 32-bit board. A module whose constants cannot be static
// data (an int beyond 30 bits, which a 32-bit build keeps on the heap) is kept as source and
// compiled on import. The source of every module is also written, under
// PY_CFG_FROZEN_SOURCE (tracebacks show source lines; the board leaves it out).
//
// usage: freezer OUT.c OUT_QSTR.h LIBDIR FILE.py...   (files outside LIBDIR go in at the top)
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/bc.h"
#include "py/frozen.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// The port is ports/minimal/port.c; the freezer itself has no frozen modules.
const py_frozen_module py_frozen_modules[1];
const unsigned py_frozen_count = 0;

// ---- qstrs ---------------------------------------------------------------------------------
typedef struct qdef {
    char name[24];
    char *text;
    size_t len;
} qdef;
static qdef *qdefs;
static size_t nqdefs, capqdefs;

static bool c_ident(const char *s, size_t n) {
    static const char *const reserved[] = {"NULL", "N_STATIC", "STATIC_SLOTS", "GEN_H"};
    if (n == 0 || n > 200 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
        if (strlen(reserved[i]) == n && memcmp(reserved[i], s, n) == 0) {
            return false;
        }
    }
    return true;
}

// The C expression for qstr q: PY_QSTR_<text> for identifiers, else a QDEF'd fz_<hash>.
static void qexpr(qstr q, char *buf, size_t cap) {
    size_t n;
    const char *s = py_qstr_data(q, &n);
    if (c_ident(s, n)) {
        snprintf(buf, cap, "PY_QSTR_%.*s", (int)n, s);
        return;
    }
    for (size_t i = 0; i < nqdefs; i++) {
        if (qdefs[i].len == n && memcmp(qdefs[i].text, s, n) == 0) {
            snprintf(buf, cap, "PY_QSTR_%s", qdefs[i].name);
            return;
        }
    }
    if (nqdefs == capqdefs) {
        capqdefs = capqdefs ? 2 * capqdefs : 64;
        qdefs = realloc(qdefs, capqdefs * sizeof(qdef));
    }
    qdef *d = &qdefs[nqdefs++];
    snprintf(d->name, sizeof(d->name), "frozen_q%u_", (unsigned)nqdefs);
    d->text = malloc(n + 1);
    memcpy(d->text, s, n);
    d->len = n;
    snprintf(buf, cap, "PY_QSTR_%s", d->name);
}

// A QDEF string for tools/gen_qstr.py, which reads it with Python's unicode_escape.
static void write_qdef_text(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    const char *end = s + n;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            uint32_t cp = py_utf8_decode(&s);
            fprintf(f, cp > 0xffff ? "\\U%08x" : "\\u%04x", (unsigned)cp);
            continue;
        }
        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
        } else if (c < 32 || c == 127) {
            fprintf(f, "\\x%02x", c);
        } else {
            fputc(c, f);
        }
        s++;
    }
    fputc('"', f);
}

// ---- objects ---------------------------------------------------------------------------------
typedef struct dumper {
    FILE *f;     // the module's definitions
    int n;       // symbols so far (file-wide, so modules' symbols never clash)
    bool ok;     // false: a constant cannot be static data
} dumper;

static void bytes_lines(FILE *f, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%s%u,", i % 20 == 0 ? "\n    " : "", p[i]);
    }
    fputc('\n', f);
}

static void c_string_lit(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c == '?' || c < 32 || c >= 127) {
            fprintf(f, "\\%03o", c);
        } else {
            fputc(c, f);
        }
        if (i % 80 == 79 && i + 1 < n) {
            fputs("\"\n    \"", f);
        }
    }
    fputc('"', f);
}

static void dump_code(dumper *d, const py_code *c, char *sym, size_t cap);

// The C expression for constant v, defining what it needs first.
static void val_expr(dumper *d, py_val v, char *buf, size_t cap) {
    if (v == PY_NONE || v == PY_TRUE || v == PY_FALSE || v == PY_ELLIPSIS) {
        snprintf(buf, cap, "%s", v == PY_NONE ? "PY_NONE" : v == PY_TRUE ? "PY_TRUE" : v == PY_FALSE ? "PY_FALSE" : "PY_ELLIPSIS");
        return;
    }
    if (py_is_small(v)) {
        long long i = (long long)py_small_get(v);
        if (i < -(1ll << 30) || i >= (1ll << 30)) { // a heap int on a 32-bit build
            d->ok = false;
        }
        snprintf(buf, cap, "py_small_const(%lld)", i);
        return;
    }
    char q[256];
    if (py_is_qstr(v)) {
        qexpr(py_qstr_get(v), q, sizeof(q));
        snprintf(buf, cap, "py_qstr_val_const(%s)", q);
        return;
    }
    const py_type *t = py_typeof(v);
    int id = d->n++;
    if (t == &py_type_str) { // interned: a str constant is immutable, and the text is in flash
        size_t n;
        const char *s = py_get_str(v, &n);
        qexpr(py_qstr_from_strn(s, n), q, sizeof(q));
        snprintf(buf, cap, "py_qstr_val_const(%s)", q);
    } else if (t == &py_type_bytes) {
        const py_str *b = (const py_str *)v;
        fprintf(d->f, "static const py_str fz%d = {{&py_type_bytes}, %uu, %u, %u, ", id,
                (unsigned)py_qstr_hash_bytes(b->data, b->len), (unsigned)b->len, (unsigned)b->len);
        c_string_lit(d->f, b->data, b->len);
        fprintf(d->f, "};\n");
        snprintf(buf, cap, "(py_val)&fz%d", id);
    } else if (t == &py_type_float) {
        double x = ((const py_float *)v)->value;
        if (isnan(x)) {
            fprintf(d->f, "static const py_float fz%d = {{&py_type_float}, __builtin_nan(\"\")};\n", id);
        } else if (isinf(x)) {
            fprintf(d->f, "static const py_float fz%d = {{&py_type_float}, %s__builtin_inf()};\n", id, x < 0 ? "-" : "");
        } else {
            fprintf(d->f, "static const py_float fz%d = {{&py_type_float}, %.17g};\n", id, x);
        }
        snprintf(buf, cap, "(py_val)&fz%d", id);
    } else if (t == &py_type_tuple) {
        const py_tuple *tu = (const py_tuple *)v;
        char **items = calloc(tu->len + 1, sizeof(char *));
        for (size_t i = 0; i < tu->len; i++) {
            items[i] = malloc(300);
            val_expr(d, tu->items[i], items[i], 300);
        }
        fprintf(d->f, "static const py_tuple fz%d = {{&py_type_tuple}, %u, {", id, (unsigned)tu->len);
        for (size_t i = 0; i < tu->len; i++) {
            fprintf(d->f, "%s%s", i ? ", " : "", items[i]);
            free(items[i]);
        }
        fprintf(d->f, "}};\n");
        free(items);
        snprintf(buf, cap, "(py_val)&fz%d", id);
    } else if (t == &py_type_code) {
        char sym[24];
        dump_code(d, (const py_code *)v, sym, sizeof(sym));
        snprintf(buf, cap, "(py_val)&%s", sym);
    } else { // a big int (on this host), complex ...: not static data
        d->ok = false;
        snprintf(buf, cap, "PY_NULL");
    }
}

static void qstr_array(dumper *d, const char *sym, const qstr *qs, size_t n) {
    char q[256];
    fprintf(d->f, "static const qstr %s[] = {", sym);
    for (size_t i = 0; i < n; i++) {
        qexpr(qs[i], q, sizeof(q));
        fprintf(d->f, "%s%s", i % 4 == 0 ? "\n    " : " ", q);
        fputc(',', d->f);
    }
    fprintf(d->f, "\n};\n");
}

static void dump_code(dumper *d, const py_code *c, char *sym, size_t cap) {
    int id = d->n++;
    snprintf(sym, cap, "fz%d", id);
    // constants first: they define their own objects
    char **consts = calloc(c->nconsts + 1u, sizeof(char *));
    for (size_t i = 0; i < c->nconsts; i++) {
        consts[i] = malloc(300);
        val_expr(d, c->consts[i], consts[i], 300);
    }
    fprintf(d->f, "static const uint8_t fz%d_code[] = {", id);
    bytes_lines(d->f, c->code, c->codelen);
    fprintf(d->f, "};\n");
    if (c->linetablen) {
        fprintf(d->f, "static const uint8_t fz%d_lines[] = {", id);
        bytes_lines(d->f, c->linetab, c->linetablen);
        fprintf(d->f, "};\n");
    }
    if (c->nexc) {
        fprintf(d->f, "static const py_exc_entry fz%d_exc[] = {\n", id);
        for (size_t i = 0; i < c->nexc; i++) {
            const py_exc_entry *e = &c->exctab[i];
            fprintf(d->f, "    {%u, %u, %u, %u},\n", e->start, e->end, e->handler, e->depth);
        }
        fprintf(d->f, "};\n");
    }
    char name[48];
    if (c->nnames) {
        snprintf(name, sizeof(name), "fz%d_names", id);
        qstr_array(d, name, c->names, c->nnames);
    }
    if (c->nlocals) {
        snprintf(name, sizeof(name), "fz%d_vars", id);
        qstr_array(d, name, c->varnames, c->nlocals);
    }
    if (c->nconsts) {
        fprintf(d->f, "static const py_val fz%d_consts[] = {", id);
        for (size_t i = 0; i < c->nconsts; i++) {
            fprintf(d->f, "\n    %s,", consts[i]);
            free(consts[i]);
        }
        fprintf(d->f, "\n};\n");
    }
    free(consts);
    char qn[256], qq[256], qf[256];
    qexpr(c->name, qn, sizeof(qn));
    qexpr(c->qualname, qq, sizeof(qq));
    qexpr(c->filename, qf, sizeof(qf));
    fprintf(d->f,
            "static const py_code fz%d = {\n"
            "    .base = {&py_type_code}, .flags = %u, .argcount = %u, .posonlycount = %u,\n"
            "    .kwonlycount = %u, .nlocals = %u, .ncells = %u, .nfree = %u, .stacksize = %u,\n"
            "    .nexc = %u, .nconsts = %u, .nnames = %u, .name = %s, .qualname = %s,\n"
            "    .filename = %s, .firstline = %u, .codelen = %u, .linetablen = %u,\n",
            id, c->flags, c->argcount, c->posonlycount, c->kwonlycount, c->nlocals, c->ncells,
            c->nfree, c->stacksize, c->nexc, c->nconsts, c->nnames, qn, qq, qf,
            (unsigned)c->firstline, (unsigned)c->codelen, (unsigned)c->linetablen);
    fprintf(d->f, "    .code = fz%d_code,\n", id);
    if (c->linetablen) {
        fprintf(d->f, "    .linetab = fz%d_lines,\n", id);
    }
    if (c->nexc) {
        fprintf(d->f, "    .exctab = fz%d_exc,\n", id);
    }
    if (c->nnames) {
        fprintf(d->f, "    .names = fz%d_names,\n", id);
    }
    if (c->nlocals) {
        fprintf(d->f, "    .varnames = fz%d_vars,\n", id);
    }
    if (c->nconsts) {
        fprintf(d->f, "    .consts = fz%d_consts,\n", id);
    }
    fprintf(d->f, "};\n");
}

// ---- files ---------------------------------------------------------------------------------
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(1);
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

// Writes `text` to `path` unless the file already holds it (keeps its timestamp: no rebuild).
static void write_if_changed(const char *path, const char *text, size_t n) {
    size_t old_len;
    FILE *f = fopen(path, "rb");
    if (f) {
        fclose(f);
        char *old = read_all(path, &old_len);
        bool same = old_len == n && memcmp(old, text, n) == 0;
        free(old);
        if (same) {
            return;
        }
    }
    f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: freezer OUT.c OUT_QSTR.h LIBDIR FILE.py...\n");
        return 2;
    }
    static char heap[16u << 20] __attribute__((aligned(16)));
    static char pystack[256u << 10] __attribute__((aligned(16)));
    py_init(heap, sizeof(heap), pystack, sizeof(pystack));
    char here;
    py_thread_set_stack(PY_TS, &here, (uintptr_t)&here - (4u << 20));

    const char *root = argv[3];
    size_t rootlen = strlen(root);
    int nfiles = argc - 4;
    char **files = argv + 4;
    qsort(files, (size_t)nfiles, sizeof(char *), cmp_str);

    char *body, *table;
    size_t body_len, table_len;
    FILE *out = open_memstream(&body, &body_len);
    FILE *tab = open_memstream(&table, &table_len);
    fprintf(out, "// Generated by tools/freezer.c from %s/: do not edit.\n"
                 "#include \"py/bc.h\"\n#include \"py/frozen.h\"\n\n"
                 "#ifndef PY_CFG_FROZEN_SOURCE\n#define PY_CFG_FROZEN_SOURCE 1\n#endif\n\n", root);
    dumper d = {0};
    int failed = 0;
    for (int i = 0; i < nfiles; i++) {
        const char *rel = files[i];
        if (strncmp(rel, root, rootlen) == 0 && rel[rootlen] == '/') {
            rel += rootlen + 1;
        } else if (strrchr(rel, '/')) { // a file from elsewhere (a board's main.py): top level
            rel = strrchr(rel, '/') + 1;
        }
        size_t len;
        char *src = read_all(files[i], &len);
        char fname[512];
        snprintf(fname, sizeof(fname), ".frozen/%s", rel);
        py_nlr nlr;
        py_val code = PY_NULL;
        if (py_nlr_push(&nlr) == 0) {
            code = py_compile(src, len, py_qstr_from_str(fname), PY_COMPILE_FILE);
            py_nlr_pop();
        } else {
            fprintf(stderr, "freezer: %s does not compile:\n", files[i]);
            py_exc_print_traceback(&py_print_stderr, nlr.exc);
            failed = 1;
            free(src);
            continue;
        }
        // the module's objects go to their own buffer: dropped if one cannot be static
        char *defs;
        size_t defs_len;
        d.f = open_memstream(&defs, &defs_len);
        d.ok = true;
        char sym[24];
        dump_code(&d, (const py_code *)code, sym, sizeof(sym));
        fclose(d.f);
        fprintf(out, "// %s\n#if PY_CFG_FROZEN_SOURCE\nstatic const char fz_src%d[] =\n    ", rel, i);
        c_string_lit(out, src, len);
        fprintf(out, ";\n#endif\n");
        if (d.ok) {
            fwrite(defs, 1, defs_len, out);
        } else {
            fprintf(stderr, "freezer: %s: a constant cannot be static data, frozen as source\n", rel);
        }
        fprintf(out, "\n");
        free(defs);
        fprintf(tab, "    {\"%s\", %s%d%s, %u, %s%s},\n", rel, d.ok ? "PY_FROZEN_SRC(fz_src" : "fz_src", i,
                d.ok ? ")" : "", (unsigned)len, d.ok ? "&" : "NULL", d.ok ? sym : "");
        if (!d.ok) { // its source is needed: keep it in every build
            fprintf(out, "#if !PY_CFG_FROZEN_SOURCE\nstatic const char fz_src%d[] =\n    ", i);
            c_string_lit(out, src, len);
            fprintf(out, ";\n#endif\n\n");
        }
        free(src);
    }
    if (failed) {
        return 1;
    }
    fclose(tab);
    fprintf(out, "#if PY_CFG_FROZEN_SOURCE\n#define PY_FROZEN_SRC(s) s\n#else\n#define PY_FROZEN_SRC(s) NULL\n#endif\n");
    fprintf(out, "const py_frozen_module py_frozen_modules[] = {\n%s", table);
    if (nfiles == 0) {
        fprintf(out, "    {0, 0, 0, 0},\n");
    }
    fprintf(out, "};\nconst unsigned py_frozen_count = %d;\n", nfiles);
    fclose(out);
    write_if_changed(argv[1], body, body_len);

    char *qd;
    size_t qd_len;
    FILE *q = open_memstream(&qd, &qd_len);
    fprintf(q, "// Generated by tools/freezer.c: the qstrs of the frozen modules that are not C\n"
               "// identifiers, for tools/gen_qstr.py.\n");
    for (size_t i = 0; i < nqdefs; i++) {
        fprintf(q, "QDEF(%s, ", qdefs[i].name);
        write_qdef_text(q, qdefs[i].text, qdefs[i].len);
        fprintf(q, ")\n");
    }
    fclose(q);
    write_if_changed(argv[2], qd, qd_len);
    return 0;
}
