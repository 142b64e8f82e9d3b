// ports/mps2-an385/port.h: the firmware's console and device glue (port.c).
#ifndef PORTS_MPS2_AN385_PORT_H
#define PORTS_MPS2_AN385_PORT_H

#include <stdbool.h>
#include <stddef.h>

// Console (UART0): blocking read of one byte (releases the interpreter lock while it waits);
// output with \n sent as \r\n.
int mps2_console_getc(void);
void mps2_console_write(const char *s, size_t n);
// True while the REPL edits a line: then Ctrl-C is a key, not KeyboardInterrupt.
void mps2_console_line_mode(bool on);
// Per session (after py_init and mod_kthread_init): the receive wake-up and Ctrl-C.
void mps2_console_session_start(void);
// Before a soft reset: stop timers and pin interrupts whose callbacks belong to the session.
void mps2_quiet_devices(void);

#endif // PORTS_MPS2_AN385_PORT_H
