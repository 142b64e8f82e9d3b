// py/port.h: everything the language core needs from the platform, and nothing more.
// py/ reaches below itself only through these calls, so the core builds with a trivial
// single-threaded port (tests/unit) as well as on the kernel (host simulation, Cortex-M).
// Every function here is implemented by the port; none may raise a Python exception.
#ifndef PY_PORT_H
#define PY_PORT_H

#include <stddef.h>
#include <stdint.h>

// Console output (stdout / stderr of the host; the UART on a board). Blocking, never fails.
void py_port_write_out(const char *s, size_t n);
void py_port_write_err(const char *s, size_t n);

// Unrecoverable internal error (a broken invariant, not a Python error): report and stop.
_Noreturn void py_port_fatal(const char *msg);

// Files, used by import and by the compiler front end. `path` is NUL-terminated.
// py_port_stat: 0 = absent, 1 = regular file, 2 = directory.
int py_port_stat(const char *path);
// Reads up to `cap` bytes of the file into `buf`; returns the file's full size (which may be
// larger than cap: call again with a bigger buffer) or -1 if it cannot be read.
long py_port_read_file(const char *path, char *buf, size_t cap);

// Called by the VM when PY_S->pending has PY_PENDING_PORT set (thread switch requests, soft
// interrupt dispatch). May raise (e.g. KeyboardInterrupt); the ports use it for the
// interpreter lock hand-off.
void py_port_pending(void);

// Called when the VM's bytecode budget runs out (PY_CFG_VM_BUDGET): `executed` bytecodes
// ran since the last call. Returns the next budget (> 0). The host's virtual time charges
// their cost here and returns the number of bytecodes until the next scheduled event, so
// events happen at exact bytecode boundaries. May raise; may switch threads.
int32_t py_port_budget(int32_t executed);

// The interpreter lock: a thread releases it around blocking calls (see py_blocking_call)
// and takes it back before touching Python objects again. No-ops for single-threaded ports.
void py_port_gil_release(void);
void py_port_gil_acquire(void);

// The built-in (C) module called `name`, or PY_NULL: the port decides which modules it
// links in (see modules/). Returned objects are modules (py_type_module or a module type).
struct py_obj *py_port_builtin_module(uint32_t name);

// Lowest address the current thread's C stack may grow down to (the core keeps
// PY_CFG_C_STACK_MARGIN bytes above it free and raises RecursionError instead).
uintptr_t py_port_stack_limit(void);

#endif // PY_PORT_H
