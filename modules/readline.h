// modules/readline.h: the REPL's line editor, for any console (a terminal on the host, a
// UART on a board). Bytes come from and go to the caller's callbacks; history lives in the
// Python heap (no static buffers), so it costs RAM only while there is room.
#ifndef MODULES_READLINE_H
#define MODULES_READLINE_H

#include <stdbool.h>
#include <stddef.h>

enum {
    RL_EOF = -1,       // Ctrl-D at an empty line, or the end of input
    RL_INTERRUPT = -2, // Ctrl-C
    RL_CTRL_A = -3,    // Ctrl-A at an empty line: the raw REPL
    RL_CTRL_B = -4,    // Ctrl-B at an empty line: the friendly REPL's banner
    RL_CTRL_E = -5,    // Ctrl-E at an empty line: paste mode
};

typedef struct mod_readline_io {
    int (*getc)(void);                      // the next byte, blocking; -1 at end of input
    void (*write)(const char *s, size_t n); // console output
} mod_readline_io;

// Reads a line into buf (NUL-terminated, without the newline); returns its length or one of
// the RL_ codes. With `editing` (a terminal): cursor keys, Home/End, Backspace/Delete,
// Ctrl-A/E/K/U, Tab indents, Up/Down walk the history. Without: plain bytes up to '\n'.
int mod_readline(const mod_readline_io *io, const char *prompt, char *buf, size_t size, bool editing);
// Adds a line to the history (the last MOD_RL_HISTORY lines; needs the interpreter lock).
void mod_readline_history_add(const char *line);

#endif // MODULES_READLINE_H
