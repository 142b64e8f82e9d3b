// ports/cross/main.c: rtpy-cross, the compiler to precompiled modules (.rpyc files).
//
//     rtpy-cross [-o OUT] [-s NAME] FILE.py
//
// compiles FILE.py with the same py/ compiler as rtpy and writes the code object tree to OUT
// (default: FILE.rpyc beside it) in the word-size and byte-order independent format of
// py/persist.h, which rtpy imports on the host and on the board alike (docs/cross.md).
// NAME is the file name the code keeps for tracebacks (default: FILE.py as given).
// A syntax error prints the error as rtpy would and exits with 1; bad usage exits with 2.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/persist.h"
#include "py/runtime.h"
#include "py/state.h"

static void usage(void) {
    fprintf(stderr, "usage: rtpy-cross [-o OUT.rpyc] [-s NAME] FILE.py\n"
                    "       rtpy-cross --version\n"
                    "  -o OUT   the output file (default: FILE with .py replaced by " PY_PERSIST_EXT ")\n"
                    "  -s NAME  the source file name kept for tracebacks (default: FILE as given)\n");
    exit(2);
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    if (buf == NULL || ferror(f)) {
        perror(path);
        exit(1);
    }
    fclose(f);
    *len = n;
    return buf;
}

// Compiles src and writes the .rpyc; returns the exit status. A function of its own, called
// from main: the collector scans the C stack from main's `here` down, and main's own locals
// may lie above it.
static __attribute__((noinline)) int compile_to(const char *src, size_t len, const char *name,
                                                const char *out) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = py_compile(src, len, py_qstr_from_str(name), PY_COMPILE_FILE);
        py_vstr v;
        py_vstr_init(&v, 4096);
        py_persist_save(&v, (const py_code *)code);
        py_nlr_pop();
        FILE *f = fopen(out, "wb");
        if (f == NULL || fwrite(py_vstr_data(&v), 1, v.len, f) != v.len || fclose(f) != 0) {
            perror(out);
            remove(out);
            return 1;
        }
        return 0;
    }
    py_exc_print_traceback(&py_print_stderr, nlr.exc);
    return 1;
}

int main(int argc, char **argv) {
    const char *in = NULL, *out = NULL, *name = NULL;
    bool version = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
            name = argv[++i];
        } else if (strcmp(argv[i], "--version") == 0) {
            version = true;
        } else if (argv[i][0] == '-' && argv[i][1] != 0) {
            usage();
        } else if (in == NULL) {
            in = argv[i];
        } else {
            usage();
        }
    }
    // the program is a host tool: a generous heap, allocated once as in rtpy
    static char heap[32u << 20] __attribute__((aligned(16)));
    static char pystack[256u << 10] __attribute__((aligned(16)));
    py_init(heap, sizeof(heap), pystack, sizeof(pystack));
    char here;
    py_thread_set_stack(PY_TS, &here, (uintptr_t)&here - (4u << 20));
    if (version) {
        printf("rtpy-cross: " PY_PERSIST_EXT " format %d, bytecode %08x\n", PY_PERSIST_FORMAT_VERSION,
               (unsigned)py_persist_bc_signature());
        return 0;
    }
    if (in == NULL) {
        usage();
    }
    char *outbuf = NULL;
    if (out == NULL) {
        size_t n = strlen(in);
        outbuf = malloc(n + sizeof(PY_PERSIST_EXT));
        memcpy(outbuf, in, n + 1);
        if (n > 3 && strcmp(in + n - 3, ".py") == 0) {
            outbuf[n - 3] = 0;
        }
        strcat(outbuf, PY_PERSIST_EXT);
        out = outbuf;
    }
    size_t len;
    char *src = read_all(in, &len);
    int rc = compile_to(src, len, name ? name : in, out);
    free(src);
    free(outbuf);
    return rc;
}
