// modules/repl.h: the interactive prompt, shared by every port: the friendly REPL (>>> and
// ... prompts, line editing), MicroPython's paste mode (Ctrl-E) and raw REPL (Ctrl-A) with its
// raw-paste mode: the protocol host tools such as pyboard.py and mpremote speak, byte for byte
// as MicroPython documents it (repl.c has the sequences).
#ifndef MODULES_REPL_H
#define MODULES_REPL_H

#include <stdbool.h>
#include <stddef.h>

#include "py/obj.h"

typedef struct mod_repl_io {
    int (*getc)(void);                      // the next input byte, blocking; -1 at the end
    void (*write)(const char *s, size_t n); // console output (the same stream Python prints to)
    void (*line_mode)(bool on);             // optional: true while a line is being edited
                                            // (Ctrl-C is then a key, not KeyboardInterrupt)
    bool terminal;                          // a person at a terminal: editing, banner, history
    const char *banner;                     // printed on start and on Ctrl-B
    bool soft_reset; // the port soft-resets when mod_repl_run returns (a board); without it
                     // the raw REPL's soft reset, which tools ask for, is done in place:
                     // __main__ is emptied, MOD_REPL_SOFT_REBOOT printed, the raw REPL goes on
} mod_repl_io;

// The line a soft reset prints before the banner, MicroPython's: tools wait for "soft
// reboot\r\n" (pyboard.py, mpremote) and mpremote's mount looks for "MPY: soft reboot".
#define MOD_REPL_SOFT_REBOOT "MPY: soft reboot\r\n"

enum {
    MOD_REPL_EXIT = -1,       // Ctrl-D or end of input at the friendly prompt
    MOD_REPL_SOFT_RESET = -2, // Ctrl-D at the raw prompt
};

// Runs the REPL until it ends. Returns MOD_REPL_EXIT, MOD_REPL_SOFT_RESET, or the status of a
// SystemExit raised at the prompt (0..255). A board (io->soft_reset) soft-resets on every one
// of them, printing MOD_REPL_SOFT_REBOOT; the host exits (its raw REPL never returns for a
// soft reset: see soft_reset). After a soft reset the raw REPL resumes where it was (as
// MicroPython's).
int mod_repl_run(const mod_repl_io *io);

// The exit status for an uncaught SystemExit (printing a non-int code to stderr), or -1 if
// exc is another exception (the caller prints its traceback).
int mod_repl_exit_status(py_val exc);

#endif // MODULES_REPL_H
