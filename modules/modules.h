// modules/modules.h: the C modules and what they need from the port beyond py/port.h.
#ifndef MODULES_MODULES_H
#define MODULES_MODULES_H

#include "py/obj.h"

extern const py_module mod_sys_module, mod_gc_module, mod_builtins_module;

// The name sys.platform reports ("linux" on the host, "rtpy" on boards).
const char *py_port_platform(void);
// Flushes buffered console output.
void py_port_flush(void);
// One line from standard input as a str ('' at end of input).
py_val py_port_readline_stdin(void);
// The module table the ports use: returns the module for a name, or PY_NULL.
py_val mod_builtin_lookup(qstr name);

#endif // MODULES_MODULES_H
