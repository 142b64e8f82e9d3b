// ports/minimal/port.c: the smallest possible port: console to stdio, no files, no built-in
// modules, no threads. The language core must build and pass its tests with just this; the
// C unit tests (tests/unit) and the freezer (tools/freezer.c) run on it.
#include <stdio.h>
#include <stdlib.h>

#include "py/port.h"
#include "py/obj.h"

void py_port_write_out(const char *s, size_t n) { fwrite(s, 1, n, stdout); }
void py_port_write_err(const char *s, size_t n) { fwrite(s, 1, n, stderr); }
_Noreturn void py_port_fatal(const char *msg) {
    fprintf(stderr, "fatal: %s\n", msg);
    abort();
}
int py_port_stat(const char *path) {
    (void)path;
    return 0;
}
long py_port_read_file(const char *path, char *buf, size_t cap) {
    (void)path;
    (void)buf;
    (void)cap;
    return -1;
}
void py_port_pending(void) {}
uintptr_t py_port_stack_limit(void) { return 0; }
py_obj *py_port_builtin_module(uint32_t name) {
    (void)name;
    return NULL;
}

int32_t py_port_budget(int32_t executed) {
    (void)executed;
    return 1 << 20;
}
void py_port_gil_release(void) {}
void py_port_gil_acquire(void) {}
