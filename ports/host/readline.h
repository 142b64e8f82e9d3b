// ports/host/readline.h: a small line editor for the interactive REPL on a terminal.
#ifndef PORTS_HOST_READLINE_H
#define PORTS_HOST_READLINE_H

#include <stdbool.h>
#include <stddef.h>

enum { RL_EOF = -1, RL_INTERRUPT = -2 };

// Reads a line with editing (arrows, home/end, backspace/delete, Ctrl-A/E/K/U, history with
// up/down) into buf (NUL-terminated, without the newline). Returns its length, RL_EOF on
// Ctrl-D at an empty line (or end of input), RL_INTERRUPT on Ctrl-C. Falls back to plain
// reading when stdin is not a terminal.
// getc returns the next input byte (blocking) or -1 at the end; the terminal is already in
// raw mode when `editing` is true (else plain lines are read).
int rl_readline(const char *prompt, char *buf, size_t size, int (*getc)(void), bool editing);
void rl_history_add(const char *line);

#endif // PORTS_HOST_READLINE_H
