// modules/modules.h: the C modules and what they need from the port beyond py/port.h.
#ifndef MODULES_MODULES_H
#define MODULES_MODULES_H

#include "py/obj.h"

#define RTPY_VERSION "0.1"

extern const py_module mod_sys_module, mod_gc_module, mod_builtins_module, mod_time_module,
    mod_thread_module, mod_rtos_module, mod_micropython_module, mod_machine_module;

// Indices of PY_S->module_roots (objects the modules keep alive).
enum {
    MOD_ROOT_THREADS,     // kthread: live Python threads
    MOD_ROOT_DEAD,        // kthread: ended threads whose stacks the kernel may still use
    MOD_ROOT_DISPATCH,    // kthread: the soft-interrupt dispatcher
    MOD_ROOT_MAIN,        // kthread: the main thread's record
    MOD_ROOT_ISR_PYSTACK, // kthread: hard handlers' Python stack
    MOD_ROOT_ISR_GC_ERROR, // kthread: the RuntimeError gc.collect raises in a hard handler
    MOD_ROOT_TIMERS,      // rtos: running timers
    MOD_ROOT_MACHINE,     // machine: registered handlers and devices
    MOD_ROOT_PORT,        // the port's own
    MOD_ROOT_REPL,        // readline: the history (a list of str)
    MOD_ROOT_RE,          // re: the cache of compiled patterns (a list)
    MOD_ROOT_ERRNO,       // errno: the errorcode dict
    MOD_ROOT_STRUCT,      // struct: the cache of compiled formats (an array)
    MOD_ROOT_BLUETOOTH,   // bluetooth: the BLE singleton (its irq handler)
};

// Nanoseconds since 1970-01-01 by the port's clock (time.time).
int64_t py_port_time_ns(void);
// Ctrl-C (or the character set by micropython.kbd_intr; -1 = off): the console driver raises
// KeyboardInterrupt in the main thread when it receives it while code runs.
extern int mod_micropython_kbd_intr_char;

// The name sys.platform reports ("linux" on the host, "rtpy" on boards).
const char *py_port_platform(void);
// Flushes buffered console output.
void py_port_flush(void);
// One line from standard input as a str ('' at end of input).
py_val py_port_readline_stdin(void);
// os.uname(): sysname, nodename, release, version, machine (strings the port keeps).
void mod_os_port_uname(const char *fields[5]);
// os.urandom(): fills buf with n random bytes; 0 or a negative errno (-ENODEV: no source).
int mod_os_port_urandom(void *buf, size_t n);
// The module table the ports use: returns the module for a name, or PY_NULL.
py_val mod_builtin_lookup(qstr name);

#endif // MODULES_MODULES_H
