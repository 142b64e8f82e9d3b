// fuzz/fuzz_port.c: the port and the per-input set-up the fuzz targets share (fuzz/fuzz.h).
#include <stdio.h>
#include <stdlib.h>

#include "fuzz/fuzz.h"
#include "py/port.h"
#include "py/state.h"

#define HEAP (256u << 10)
#define PYSTACK (32u << 10)
#define STEP_LIMIT 20000 // pending checks per input

static char heap[HEAP] __attribute__((aligned(16)));
static char pystack[PYSTACK] __attribute__((aligned(16)));
static unsigned steps;

void py_port_write_out(const char *s, size_t n) {
    (void)s;
    (void)n;
}
void py_port_write_err(const char *s, size_t n) {
    (void)s;
    (void)n;
}
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
// Called at every backward jump and call (PY_PENDING_PORT stays set): the step budget.
void py_port_pending(void) {
    if (++steps > STEP_LIMIT) {
        steps = 0;
        py_raise_msg(&py_type_RuntimeError, "fuzz: step limit");
    }
}
uintptr_t py_port_stack_limit(void) { return 0; }
py_obj *py_port_builtin_module(uint32_t name) { return fuzz_builtin_module(name); }
int32_t py_port_budget(int32_t executed) {
    (void)executed;
    return 1 << 20;
}
void py_port_gil_release(void) {}
void py_port_gil_acquire(void) {}

void fuzz_start(size_t heap_size) {
    py_init(heap, heap_size < HEAP ? heap_size : HEAP, pystack, sizeof(pystack));
    char here;
    py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 64, (uintptr_t)&here - (256u << 10));
    PY_S->pending |= PY_PENDING_PORT;
    steps = 0;
}

py_dict *fuzz_globals(void) {
    py_dict *g = (py_dict *)py_dict_new(8);
    py_dict_set_qstr(g, PY_QSTR___name__, py_qstr_val(PY_QSTR___main__));
    return g;
}

void fuzz_exec(const char *src, size_t len, py_dict *g) {
    py_exec_code(py_compile(src, len, PY_QSTR_lt_string_gt, PY_COMPILE_FILE), g, g);
}

void fuzz_print_exc(py_val exc) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_exc_print_traceback(&py_print_stderr, exc);
        py_nlr_pop();
    }
}

void fuzz_finish(void) { py_deinit(); }

py_val fuzz_text(const uint8_t *d, size_t n) {
    if (py_utf8_valid((const char *)d, n)) {
        return py_str_new((const char *)d, n);
    }
    py_vstr v;
    py_vstr_init(&v, n);
    for (size_t i = 0; i < n; i++) {
        py_vstr_add_utf8(&v, d[i]);
    }
    return py_vstr_to_str(&v);
}
