// modules/repl.c: the REPL (see repl.h). Input is collected in the Python heap (a buffer that
// grows), so a long paste costs heap, not a fixed buffer, and only while it is read; input the
// heap cannot hold is read to its end and answered "MemoryError: input too long" in the mode's
// framing (a tool still finds its markers), and the REPL goes on.
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

// The input being collected: a heap buffer that grows with it (a 50 KiB script sent by a tool
// costs heap while it is read, nothing after: see input_release).
typedef struct {
    char *buf;
    size_t len, cap;
} input;

// Appends; false (the input unchanged) when the heap cannot hold it. The caller reports it in
// whatever framing its mode has, so nothing is printed here.
static bool input_add(input *in, const char *s, size_t n) {
    if (in->len + n + 1 > in->cap) {
        size_t need = in->len + n + 1;
        size_t cap = need * 2;
        char *b = py_gc_try_alloc(cap, PY_GC_LEAF);
        if (b == NULL) { // a nearly full heap may still fit what is needed now
            cap = need + 64;
            b = py_gc_try_alloc(cap, PY_GC_LEAF);
        }
        if (b == NULL) {
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

// Empties the input and gives a large buffer back to the heap (the program about to run may
// want it; the compiled code does not refer to its source).
static void input_release(input *in) {
    in->len = 0;
    if (in->cap > 2 * LINE_MAX) {
        py_gc_free(in->buf);
        in->buf = NULL;
        in->cap = 0;
    }
}

static const char too_long[] = "MemoryError: input too long\r\n";

// Compiles and runs the input as a file, giving its buffer back once compiled.
static py_val run_input(input *in) {
    PY_S->pending &= ~(uint32_t)PY_PENDING_EXC; // a Ctrl-C typed before is stale
    PY_TS->pending_exc = PY_NULL;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        const char *src = in->buf ? in->buf : "";
        py_val code = py_compile(src, in->len, PY_QSTR_lt_stdin_gt, PY_COMPILE_FILE);
        input_release(in);
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
        return PY_NULL;
    }
    input_release(in);
    return nlr.exc;
}

static void keys(bool on) { // Ctrl-C is a key (true) or KeyboardInterrupt (false)
    if (IO->line_mode) {
        IO->line_mode(on);
    }
}

// ---- raw REPL -------------------------------------------------------------------------------
// MicroPython's protocol for tools (pyboard.py, mpremote), byte for byte:
//   Ctrl-A (friendly REPL)   "\r\n" "raw REPL; CTRL-B to exit\r\n>"
//   code, Ctrl-D             "OK", the output, "\x04", the error text (a traceback), "\x04", ">"
//   Ctrl-D at an empty       "OK\r\n", then a soft reset: "MPY: soft reboot\r\n" (the port's
//     buffer, or SystemExit  line, or ours when the port does not reset), the banner again
//   Ctrl-C                   the buffer is dropped, silently
//   Ctrl-B                   "\r\n", the friendly REPL's banner and prompt
//   Ctrl-A                   starts over: "raw REPL; CTRL-B to exit\r\n>" with no "\r\n" first
//                            (a host asking an old device for raw paste reads "ra" and knows)
//   "\x05A\x01"              raw-paste mode (below); "\x05", another byte, "\x01": "R\x00" (not
//                            supported) and an empty buffer, nothing else (the host falls back)
// The tools wait for "raw REPL; CTRL-B to exit\r\n", "soft reboot\r\n" (pyboard.py, mpremote),
// and "MPY: soft reboot" (mpremote's mount, to mount again after Ctrl-D): hence that wording.
//
// Raw-paste mode: after "\x05A\x01" we send "R\x01", the window size increment (16 bits, little
// endian) and "\x01" (a first grant: the host may send two windows at once). The host never has
// more than the window it was granted in flight; we send "\x01" each time we have taken another
// window's worth. The host ends with "\x04", we answer "\x04" (all received), then run it: the
// output, "\x04", the error text, "\x04", ">" (no "OK"). We send "\x04" early when the heap cannot
// hold the script: the host answers "\x04" and stops; the error text says MemoryError. Ctrl-C
// from the host ends it too (KeyboardInterrupt, nothing runs). Unlike MicroPython we compile
// once it has all arrived, from the heap buffer: simpler, and the same bytes on the wire.
// The window: two in flight (256 bytes) fit a board's console buffer (the MPS2 UART's 255-byte
// ring and its receive register), so a UART without flow control loses nothing.
#define RAW_PASTE_WINDOW 128

// The raw REPL's soft reset on a port that does not reset (the host, whose program keeps
// running): __main__ starts empty again; imported modules and threads stay.
static void reset_in_place(void) {
    py_dict *g = PY_S->main_globals;
    py_val name = py_dict_get_qstr(g, PY_QSTR___name__);
    py_val builtins = py_dict_get_qstr(g, PY_QSTR___builtins__);
    py_dict_clear(g);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) { // the dict keeps room for these: cannot fail, but be safe
        if (name != PY_NULL) {
            py_dict_set_qstr(g, PY_QSTR___name__, name);
        }
        if (builtins != PY_NULL) {
            py_dict_set_qstr(g, PY_QSTR___builtins__, builtins);
        }
        py_nlr_pop();
    }
    py_gc_collect();
    out(MOD_REPL_SOFT_REBOOT);
}

// Runs what was received; "\x04" error text "\x04" after its output. Returns the SystemExit
// status, or -1.
static int raw_run(input *in) {
    static const py_print err = {print_write, NULL};
    keys(false);
    py_val exc = run_input(in);
    keys(true);
    py_port_flush(); // what the program printed comes before the marker
    out("\x04");
    int st = report(exc, &err);
    out("\x04");
    return st;
}

// What ends a transfer that ran nothing: the error section only.
static void raw_fail(const char *why) {
    out("\x04");
    out(why);
    out("\x04");
}

#define RAW_GONE (-100) // raw_paste: the input ended (raw_run's -1 means "no SystemExit")

// Raw-paste mode, "R\x01" on. Returns as raw_run, or RAW_GONE at the end of input.
static int raw_paste(input *in) {
    static const unsigned char hello[] = {'R', 1, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8, 1};
    IO->write((const char *)hello, sizeof(hello));
    input_reset(in);
    bool lost = false;  // the heap could not hold it: the rest is read and dropped
    unsigned taken = 0; // bytes taken since the last grant
    int c;
    for (;;) {
        c = IO->getc();
        if (c < 0) {
            return RAW_GONE;
        }
        if (c == 4 || c == 3) {
            break;
        }
        if (lost) {
            continue;
        }
        char ch = (char)c;
        if (!input_add(in, &ch, 1)) {
            lost = true;
            out("\x04"); // stop sending: the host answers with its own \x04
            continue;
        }
        if (++taken == RAW_PASTE_WINDOW) {
            IO->write("\x01", 1);
            taken = 0;
        }
    }
    if (!lost) {
        out("\x04"); // all of it received
    }
    if (lost || c == 3) {
        input_release(in);
        raw_fail(lost ? too_long : "KeyboardInterrupt\r\n");
        return -1;
    }
    return raw_run(in);
}

static int raw_repl(input *in) {
    bool banner = true;
    keys(true); // bytes from a tool, Ctrl-C among them, until the code runs
    for (;;) {
        if (banner) {
            out("raw REPL; CTRL-B to exit\r\n");
            banner = false;
        }
        out(">");
        input_reset(in);
        bool lost = false; // the heap is full: read up to Ctrl-D, then say so
        int st = -1;
        for (;;) {
            int c = IO->getc();
            if (c < 0) {
                keys(false);
                return MOD_REPL_EXIT;
            }
            if (c == 1) {
                if (in->len == 2 && in->buf[0] == 5) { // "\x05?\x01": raw paste
                    if (in->buf[1] == 'A') {
                        st = raw_paste(in);
                        if (st == RAW_GONE) {
                            keys(false);
                            return MOD_REPL_EXIT;
                        }
                        break;
                    }
                    IO->write("R\x00", 2);
                    input_reset(in);
                    continue;
                }
                banner = true; // start over
                break;
            }
            if (c == 2) { // Ctrl-B: the friendly REPL
                raw_mode = false;
                keys(false);
                input_release(in);
                out("\r\n");
                return 0;
            }
            if (c == 3) { // Ctrl-C: drop the buffer
                input_reset(in);
                lost = false;
                continue;
            }
            if (c == 4) {
                out("OK");
                if (lost) {
                    input_release(in);
                    raw_fail(too_long);
                    break;
                }
                if (in->len == 0) {
                    out("\r\n");
                    st = MOD_REPL_SOFT_RESET;
                    break;
                }
                st = raw_run(in);
                break;
            }
            char ch = (char)c;
            if (!lost && !input_add(in, &ch, 1)) {
                lost = true;
            }
        }
        if (st >= 0 || st == MOD_REPL_SOFT_RESET) { // SystemExit or Ctrl-D: a soft reset
            if (IO->soft_reset) {
                keys(false);
                input_release(in);
                return st >= 0 ? st : MOD_REPL_SOFT_RESET;
            }
            reset_in_place();
            banner = true;
        }
    }
}

// ---- paste mode -----------------------------------------------------------------------------
// Ctrl-E: "paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "; lines are echoed, each
// newline answered "\r\n=== " (no auto-indent); Ctrl-D: "\r\n" and the text runs as a file,
// Ctrl-C: "\r\n" and it is dropped.
static int paste_mode(input *in) {
    out("paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    input_reset(in);
    bool lost = false, cr = false;
    keys(true);
    for (;;) {
        int c = IO->getc();
        if (c < 0 || c == 4) {
            keys(false);
            out("\r\n");
            if (lost) {
                input_release(in);
                out(too_long);
                return -1;
            }
            return report(run_input(in), &py_print_stderr);
        }
        if (c == 3) {
            keys(false);
            input_release(in);
            out("\r\n");
            return -1;
        }
        if (c == '\n' && cr) { // a terminal's "\r\n" is one newline
            cr = false;
            continue;
        }
        cr = c == '\r';
        char ch = cr ? '\n' : (char)c;
        if (!lost && !input_add(in, &ch, 1)) {
            lost = true;
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
                out(too_long);
                n = RL_INTERRUPT; // dropped, as a Ctrl-C would
                break;
            }
            if (!needs_more(in.buf, in.len, &compound)) {
                break;
            }
            prompt = "... ";
        }
        if (n == RL_CTRL_A) { // the editor has ended the line with "\r\n": the raw banner follows
            raw_mode = true;
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
