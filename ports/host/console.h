// ports/host/console.h: the host's console input as a device: a reader thread turns bytes
// from stdin into simulated receive interrupts; Python threads block on it through the
// kernel, so waiting for a key never stops the other threads (or virtual time).
#ifndef PORTS_HOST_CONSOLE_H
#define PORTS_HOST_CONSOLE_H

#include <stdbool.h>

// Sets up the console (after k_init). raw: put a terminal in raw mode and start the reader
// thread at once (the REPL); otherwise the reader starts at the first getc or readable.
void host_console_start(bool raw);
// Restores the terminal (at exit).
void host_console_stop(void);
// The next input byte, blocking (releases the interpreter lock); -1 at end of input.
int host_console_getc(void);
// True when host_console_getc would not block (a byte or the end of input is there). Any
// thread; does not block (in virtual time it sleeps 0.2 ms of real time when nothing is there).
bool host_console_readable(void);
// True while the REPL edits a line: then Ctrl-C is a key, not KeyboardInterrupt.
void host_console_line_mode(bool on);

#endif
