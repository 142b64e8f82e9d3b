// modules/repl.c: the REPL (see repl.h). Input is collected in the Python heap (a str being
// built), so a long paste costs heap, not a fixed buffer, and MemoryError just drops it.
#include <string.h>

#include "modules/modules.h"
#include "modules/readline.h"
#include "modules/repl.h"
#include "py/objexc.h"
#include "py/runtime.h"
#include "py/state.h"

#define LINE_MAX 512 // one edited line (longer pasted lines are cut; paste mode has no limit)

static bool raw_mode; // survives a soft reset, as in MicroPython

static const mod_repl_io *IO;

static void out(const char *s) { IO->write(s, strlen(s)); }

static void print_write(void *ctx, const char *s, size_t n) {
    (void)ctx;
    IO->write(s, n);
}

int mod_repl_exit_status(py_val exc) {
    if (!py_exc_matches(exc, (py_val)&py_type_SystemExit)) {
        return -1;
    }
    py_val code = py_exc_arg0(exc);
    if (code == PY_NULL || code == PY_NONE) {
        return 0;
    }
    py_int_t c;
    if (py_is_int(code) && py_get_int_maybe(code, &c)) {
        return (int)(c & 0xff);
    }
    py_print_val(&py_print_stderr, code, PY_PRINT_STR);
    py_print_str(&py_print_stderr, "\n");
    return 1;
}

// Does the input so far need more lines? Open brackets or strings, a trailing backslash, or a
// compound statement (which ends at an empty line, as in CPython).
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
    // a decorator or a compound keyword on the first line starts a block, even when the body
    // follows on the same line (`while x: f()` waits for an empty line, as CPython)
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
        if (len - k > kl && memcmp(s + k, kws[w], kl) == 0 &&
            (s[k + kl] == ' ' || s[k + kl] == '(' || s[k + kl] == ':')) {
            *compound = true;
        }
    }
    return *compound;
}

// Compiles and runs `src` in __main__. mode: PY_COMPILE_SINGLE (echo expression values) or
// FILE. Returns the exception it raised, or PY_NULL.
static py_val run_code(const char *src, size_t len, int mode) {
    PY_S->pending &= ~(uint32_t)PY_PENDING_EXC; // a Ctrl-C typed at the prompt is stale
    PY_TS->pending_exc = PY_NULL;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = py_compile(src, len, PY_QSTR_lt_stdin_gt, mode);
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
        return PY_NULL;
    }
    return nlr.exc;
}

// Prints an exception's traceback through `p`; returns -1, or the status if it is SystemExit.
static int report(py_val exc, const py_print *p) {
    if (exc == PY_NULL) {
        return -1;
    }
    int st = mod_repl_exit_status(exc);
    if (st < 0) {
        py_port_flush();
        py_exc_print_traceback(p, exc);
    }
    return st;
}

static int execute(const char *src, size_t len, int mode) {
    return report(run_code(src, len, mode), &py_print_stderr);
}

// The input being collected: a heap buffer. False (and nothing kept) when the heap is full.
typedef struct {
    char *buf;
    size_t len, cap;
} input;

static bool input_add(input *in, const char *s, size_t n) {
    if (in->len + n + 1 > in->cap) {
        size_t cap = (in->len + n + 1) * 2;
        char *b = py_gc_try_alloc(cap, PY_GC_LEAF);
        if (b == NULL) {
            out("\r\nMemoryError: input too long\r\n");
            return false;
        }
        py_memcpy(b, in->buf, in->len);
        py_gc_free(in->buf);
        in->buf = b;
        in->cap = cap;
    }
    memcpy(in->buf + in->len, s, n);
    in->len += n;
    in->buf[in->len] = 0;
    return true;
}

static void input_reset(input *in) { in->len = 0; }

// ---- raw REPL -------------------------------------------------------------------------------
// Ctrl-A enters it: "raw REPL; CTRL-B to exit\r\n>". The host sends code and Ctrl-D; we answer
// "OK", run it, and end its output with \x04, its error text with \x04, then prompt ">".
// Ctrl-D at an empty prompt soft-resets; Ctrl-B returns to the friendly REPL; Ctrl-C clears.
static int raw_repl(input *in) {
    static const py_print err = {print_write, NULL};
    bool banner = true;
    for (;;) {
        if (banner) {
            out("raw REPL; CTRL-B to exit\r\n");
            banner = false;
        }
        out(">");
        input_reset(in);
        for (;;) {
            int c = IO->getc();
            if (c < 0) {
                return MOD_REPL_EXIT;
            }
            if (c == 1) { // Ctrl-A again: start over
                out("\r\n");
                banner = true;
                break;
            }
            if (c == 2) { // Ctrl-B: the friendly REPL
                raw_mode = false;
                out("\r\n");
                return 0;
            }
            if (c == 3) { // Ctrl-C: drop the buffer
                input_reset(in);
                continue;
            }
            if (c == 4) {
                if (in->len == 0) {
                    out("\r\n");
                    return MOD_REPL_SOFT_RESET;
                }
                out("OK");
                py_val exc = run_code(in->buf, in->len, PY_COMPILE_FILE);
                py_port_flush(); // what the program printed comes before the marker
                out("\x04");
                int st = report(exc, &err);
                out("\x04");
                if (st >= 0) {
                    return st;
                }
                break;
            }
            char ch = (char)c;
            if (!input_add(in, &ch, 1)) {
                input_reset(in);
            }
        }
    }
}

// ---- paste mode -----------------------------------------------------------------------------
static int paste_mode(input *in) {
    out("paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    input_reset(in);
    for (;;) {
        int c = IO->getc();
        if (c < 0 || c == 4) {
            out("\r\n");
            return execute(in->buf ? in->buf : "", in->len, PY_COMPILE_FILE);
        }
        if (c == 3) {
            out("\r\n");
            return -1;
        }
        char ch = c == '\r' ? '\n' : (char)c;
        if (!input_add(in, &ch, 1)) {
            input_reset(in);
        }
        IO->write(ch == '\n' ? "\r\n=== " : &ch, ch == '\n' ? 6 : 1);
    }
}

// ---- the friendly REPL ------------------------------------------------------------------------
int mod_repl_run(const mod_repl_io *io) {
    IO = io;
    const mod_readline_io rio = {io->getc, io->write};
    input in = {NULL, 0, 0};
    char *line = py_gc_try_alloc(LINE_MAX, PY_GC_LEAF);
    if (line == NULL) {
        out("rtpy: no memory for the REPL\r\n");
        return MOD_REPL_EXIT;
    }
    if (io->terminal && !raw_mode && io->banner) {
        out(io->banner);
    }
    for (;;) {
        if (raw_mode) {
            int r = raw_repl(&in);
            if (r != 0) {
                return r;
            }
            if (io->banner) {
                out(io->banner);
            }
            continue;
        }
        input_reset(&in);
        bool compound = false;
        const char *prompt = ">>> ";
        int n;
        for (;;) {
            if (io->line_mode) {
                io->line_mode(true);
            }
            n = mod_readline(&rio, prompt, line, LINE_MAX, io->terminal);
            if (io->line_mode) {
                io->line_mode(false);
            }
            if (n < 0) {
                break;
            }
            if (io->terminal) {
                mod_readline_history_add(line);
            }
            if (compound && n == 0) {
                break; // an empty line ends a block
            }
            if (!input_add(&in, line, (size_t)n) || !input_add(&in, "\n", 1)) {
                n = RL_INTERRUPT;
                break;
            }
            if (!needs_more(in.buf, in.len, &compound)) {
                break;
            }
            prompt = "... ";
        }
        if (n == RL_CTRL_A) {
            raw_mode = true;
            out("\r\n");
            continue;
        }
        if (n == RL_CTRL_B) {
            if (io->banner) {
                out(io->banner);
            }
            continue;
        }
        if (n == RL_CTRL_E) {
            int st = paste_mode(&in);
            if (st >= 0) {
                return st;
            }
            continue;
        }
        if (n == RL_INTERRUPT) {
            if (io->terminal) {
                out("KeyboardInterrupt\r\n");
            }
            continue;
        }
        if (n == RL_EOF && in.len == 0) {
            return MOD_REPL_EXIT;
        }
        int st = execute(in.buf, in.len, PY_COMPILE_SINGLE);
        if (st >= 0) {
            return st;
        }
        if (n == RL_EOF) {
            return MOD_REPL_EXIT;
        }
    }
}
