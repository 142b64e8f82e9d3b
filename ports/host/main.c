// ports/host/main.c: the `rtpy` host program: runs a script, -c code, -m module, or the REPL.
// It allocates the fixed heap and the Python stack once (no malloc by the interpreter after
// this), turns SIGINT into KeyboardInterrupt, and maps uncaught exceptions to exit codes as
// CPython does (1, or SystemExit's code).
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "modules/modules.h"
#include "ports/host/readline.h"
#include "py/bc.h"
#include "py/port.h"
#include "py/objexc.h"
#include "py/runtime.h"
#include "py/state.h"

#define DEFAULT_HEAP (16u << 20)
#define DEFAULT_PYSTACK (1u << 20)

static py_val keyboard_interrupt; // preallocated so the signal path never allocates
static bool opt_dis;              // -X dis: print the bytecode before running

static void on_sigint(int sig) {
    (void)sig;
    if (PY_TS && keyboard_interrupt) {
        PY_TS->pending_exc = keyboard_interrupt;
        PY_S->pending |= PY_PENDING_EXC;
    }
}

static size_t parse_size(const char *s) {
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end == 'k' || *end == 'K') {
        v <<= 10;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        v <<= 20;
        end++;
    }
    if (*end != 0 || v == 0) {
        return 0;
    }
    return (size_t)v;
}

static void usage(void) {
    fprintf(stderr,
            "usage: rtpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "  -c cmd         run the program passed as a string\n"
            "  -m mod         run a module as a script\n"
            "  -X heapsize=N  size of the Python heap (N bytes, or Nk / Nm; default 16m)\n"
            "  -X pystack=N   size of the Python call stack (default 1m)\n"
            "  -X dis         print the compiled bytecode before running\n"
            "  -h, --help     this text\n"
            "  -V, --version  the version\n");
}

// Returns the process exit code for an uncaught exception (printing its traceback).
static int handle_uncaught(py_val exc) {
    py_port_flush();
    if (py_exc_matches(exc, (py_val)&py_type_SystemExit)) {
        py_val code = py_exc_arg0(exc);
        if (code == PY_NULL || code == PY_NONE) {
            return 0;
        }
        py_int_t c;
        if (py_is_int(code) && py_get_int_maybe(code, &c)) {
            return (int)(c & 0xff);
        }
        py_print_val(&py_print_stderr, code, PY_PRINT_STR);
        py_port_write_err("\n", 1);
        return 1;
    }
    py_exc_print_traceback(&py_print_stderr, exc);
    return 1;
}

// Compiles and runs source text as __main__; returns the exit code.
static int run_source(const char *src, size_t len, qstr filename, int mode) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = py_compile(src, len, filename, mode);
        if (opt_dis) {
            py_code_dis(&py_print_stdout, (const py_code *)code);
        }
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
        return 0;
    }
    return handle_uncaught(nlr.exc);
}

static int run_file(const char *path) {
    long n = py_port_read_file(path, NULL, 0);
    if (n < 0 || py_port_stat(path) != 1) {
        fprintf(stderr, "rtpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    char *src = malloc((size_t)n + 1); // the source lives outside the heap while compiling
    if (src == NULL) {
        fprintf(stderr, "rtpy: out of memory reading '%s'\n", path);
        return 1;
    }
    long m = py_port_read_file(path, src, (size_t)n);
    int rc = run_source(src, (size_t)(m < 0 ? 0 : m), py_qstr_from_str(path), PY_COMPILE_FILE);
    free(src);
    return rc;
}

static int run_stdin_script(void) {
    size_t cap = 4096, len = 0;
    char *src = malloc(cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            src = realloc(src, cap);
        }
        ssize_t r = read(0, src + len, cap - len);
        if (r <= 0) {
            break;
        }
        len += (size_t)r;
    }
    int rc = run_source(src, len, PY_QSTR_lt_stdin_gt, PY_COMPILE_FILE);
    free(src);
    return rc;
}

// The file of module `dotted` (a.b → DIR/a/b.py, or DIR/a/b/__main__.py for a package) in
// the first sys.path entry that has it.
static bool find_module_file(const char *dotted, char *out, size_t size) {
    char rel[1024];
    snprintf(rel, sizeof(rel), "%s", dotted);
    for (char *c = rel; *c; c++) {
        if (*c == '.') {
            *c = '/';
        }
    }
    size_t n;
    py_val *dirs;
    if (!py_get_items(PY_S->sys_path, &n, &dirs)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        size_t dl;
        const char *d = py_get_str(dirs[i], &dl);
        const char *sep = dl ? "/" : "";
        snprintf(out, size, "%.*s%s%s.py", (int)dl, d, sep, rel);
        if (py_port_stat(out) == 1) {
            return true;
        }
        snprintf(out, size, "%.*s%s%s/__main__.py", (int)dl, d, sep, rel);
        if (py_port_stat(out) == 1) {
            return true;
        }
    }
    return false;
}

// ---- REPL ------------------------------------------------------------------------------------------
// Whether the input so far needs more lines: an open bracket or triple-quoted string, a
// trailing backslash, or a compound statement (ended by an empty line).
static bool needs_more(const char *s, size_t len, bool *compound) {
    int depth = 0;
    char q = 0;
    bool triple = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (q) {
            if (c == '\\') {
                i++;
            } else if (c == q && (!triple || (i + 2 < len && s[i + 1] == q && s[i + 2] == q))) {
                if (triple) {
                    i += 2;
                }
                q = 0;
            }
            continue;
        }
        if (c == '#') {
            while (i < len && s[i] != '\n') {
                i++;
            }
        } else if (c == '\'' || c == '"') {
            q = c;
            triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
            if (triple) {
                i += 2;
            }
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }
    if (q || depth > 0) {
        return true;
    }
    size_t e = len;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n')) {
        e--;
    }
    if (e > 0 && s[e - 1] == '\\') {
        return true;
    }
    if (e > 0 && s[e - 1] == ':') {
        *compound = true;
    }
    // a decorator or a compound keyword on the first line starts a block, even when the
    // body follows on the same line (`while x: f()` waits for an empty line, as CPython)
    size_t k = 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t')) {
        k++;
    }
    static const char *const kws[] = {"if", "for", "while", "def", "class", "with", "try", "async"};
    if (k < len && s[k] == '@') {
        *compound = true;
    }
    for (size_t w = 0; w < sizeof(kws) / sizeof(kws[0]); w++) {
        size_t kl = strlen(kws[w]);
        if (len - k > kl && memcmp(s + k, kws[w], kl) == 0 && (s[k + kl] == ' ' || s[k + kl] == '(' ||
                                                                 s[k + kl] == ':')) {
            *compound = true;
        }
    }
    return *compound;
}

// Runs one REPL input; returns -1 to go on, or an exit code (SystemExit).
static int repl_exec(const char *src, size_t len) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = py_compile(src, len, PY_QSTR_lt_stdin_gt, PY_COMPILE_SINGLE);
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
        return -1;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_SystemExit)) {
        return handle_uncaught(nlr.exc);
    }
    py_port_flush();
    py_exc_print_traceback(&py_print_stderr, nlr.exc);
    return -1;
}

static int repl(void) {
    bool tty = isatty(0);
    if (tty) {
        printf("rtpy 0.1 (Python 3.11 language) on host\nUse Ctrl-D to exit, Ctrl-C to interrupt.\n");
        fflush(stdout);
    }
    char line[4096];
    size_t cap = 8192;
    char *src = malloc(cap);
    for (;;) {
        size_t len = 0;
        bool compound = false;
        const char *prompt = ">>> ";
        int n;
        for (;;) {
            py_port_flush();
            n = rl_readline(prompt, line, sizeof(line));
            if (n == RL_EOF || n == RL_INTERRUPT) {
                break;
            }
            if (tty) {
                rl_history_add(line);
            }
            if (compound && n == 0) {
                break; // an empty line ends a block
            }
            if (len + (size_t)n + 2 > cap) {
                cap = (len + (size_t)n + 2) * 2;
                src = realloc(src, cap);
            }
            memcpy(src + len, line, (size_t)n);
            len += (size_t)n;
            src[len++] = '\n';
            if (!needs_more(src, len, &compound)) {
                break;
            }
            prompt = "... ";
        }
        if (n == RL_EOF && len == 0) {
            if (tty) {
                printf("\n");
            }
            break;
        }
        if (n == RL_INTERRUPT) {
            continue;
        }
        PY_S->pending &= ~(uint32_t)PY_PENDING_EXC;
        PY_TS->pending_exc = PY_NULL;
        int rc = repl_exec(src, len);
        if (rc >= 0) {
            free(src);
            return rc;
        }
        if (n == RL_EOF) {
            break;
        }
    }
    free(src);
    return 0;
}

// sys.argv, sys.path[0] and __main__, as CPython sets them up. False if the heap is too small.
static bool setup_main(const char *script, const char *cmd, const char *module, int argc, char **argv, int first_arg) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) != 0) {
        return false;
    }
    keyboard_interrupt = py_exc_new(&py_type_KeyboardInterrupt, 0, NULL);
    // sys.argv and sys.path[0] as CPython: the script's directory, or '' for -c / REPL
    const char *argv0 = script ? script : cmd ? "-c" : module ? module : "";
    py_list_append(PY_S->sys_argv, py_str_from_cstr(argv0));
    for (int k = first_arg; k < argc; k++) {
        py_list_append(PY_S->sys_argv, py_str_from_cstr(argv[k]));
    }
    if (script) {
        const char *slash = strrchr(script, '/');
        py_list_append(PY_S->sys_path, slash ? py_str_new(script, (size_t)(slash - script)) : py_qstr_val(PY_QSTR_));
    } else {
        py_list_append(PY_S->sys_path, py_qstr_val(PY_QSTR_));
    }
    py_val main_mod = py_module_new(PY_QSTR___main__);
    PY_S->main_globals = ((py_module *)main_mod)->globals;
    py_dict_set_qstr(PY_S->main_globals, PY_QSTR___builtins__, (py_val)&mod_builtins_module);
    if (script) {
        py_dict_set_qstr(PY_S->main_globals, PY_QSTR___file__, py_str_from_cstr(script));
    }
    py_dict_set(PY_S->modules, py_qstr_val(PY_QSTR___main__), main_mod);
    py_nlr_pop();
    return true;
}

int main(int argc, char **argv) {
    size_t heap_size = DEFAULT_HEAP, pystack_size = DEFAULT_PYSTACK;
    const char *cmd = NULL, *module = NULL, *script = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0 && i + 1 < argc) {
            cmd = argv[++i];
            i++;
            break;
        } else if (strcmp(a, "-m") == 0 && i + 1 < argc) {
            module = argv[++i];
            i++;
            break;
        } else if (strcmp(a, "-X") == 0 && i + 1 < argc) {
            const char *x = argv[++i];
            if (strncmp(x, "heapsize=", 9) == 0) {
                heap_size = parse_size(x + 9);
                if (heap_size < 4096) {
                    fprintf(stderr, "rtpy: bad heap size '%s'\n", x + 9);
                    return 2;
                }
            } else if (strcmp(x, "dis") == 0) {
                opt_dis = true;
            } else if (strncmp(x, "pystack=", 8) == 0) {
                pystack_size = parse_size(x + 8);
                if (pystack_size < 1024) {
                    fprintf(stderr, "rtpy: bad Python stack size '%s'\n", x + 8);
                    return 2;
                }
            } else {
                fprintf(stderr, "rtpy: unknown option -X %s\n", x);
                return 2;
            }
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("rtpy 0.1 (Python 3.11)\n");
            return 0;
        } else if (strcmp(a, "-") == 0) {
            i++;
            break;
        } else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "rtpy: unknown option %s\n", a);
            usage();
            return 2;
        } else {
            script = a;
            i++;
            break;
        }
    }

    void *heap = malloc(heap_size);
    void *pystack = malloc(pystack_size);
    if (heap == NULL || pystack == NULL) {
        fprintf(stderr, "rtpy: cannot allocate the heap\n");
        return 1;
    }
    py_init(heap, heap_size, pystack, pystack_size);
    // C stack bounds: RecursionError instead of a crash when deep C recursion nears the end.
    char here;
    struct rlimit rl;
    size_t stack_size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (1u << 30)) {
        stack_size = rl.rlim_cur;
    }
    // the stack top is a little above this frame: main's caller frames hold no Python values
    py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 256, (uintptr_t)&here - stack_size + (64u << 10));

    if (!setup_main(script, cmd, module, argc, argv, i)) {
        fprintf(stderr, "rtpy: start-up failed (heap too small?)\n");
        return 1;
    }
    int rc;
    signal(SIGINT, on_sigint);

    if (cmd) {
        rc = run_source(cmd, strlen(cmd), PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
    } else if (module) {
        // -m: find the module's file on sys.path (a package runs its __main__.py) and run it
        // as __main__, as CPython does
        char path[4096];
        rc = 1;
        if (find_module_file(module, path, sizeof(path))) {
            py_list *argv_l = (py_list *)PY_S->sys_argv;
            argv_l->items[0] = py_str_from_cstr(path);
            py_dict_set_qstr(PY_S->main_globals, PY_QSTR___file__, py_str_from_cstr(path));
            rc = run_file(path);
        } else {
            fprintf(stderr, "%s: No module named %s\n", argv[0], module);
        }
    } else if (script) {
        rc = run_file(script);
    } else if (!isatty(0)) {
        rc = run_stdin_script();
    } else {
        rc = repl();
    }
    py_port_flush();
    free(heap);
    free(pystack);
    return rc;
}
