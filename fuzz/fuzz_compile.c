// fuzz/fuzz_compile.c: libFuzzer target: compile and run arbitrary input with a small heap
// and a step limit. Every input must end in a Python exception or normal completion;
// a crash, a sanitizer report, a hang or a fatal error is a bug. Output is discarded.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define HEAP (128u << 10)
#define PYSTACK (32u << 10)
#define STEP_LIMIT 20000 // backward jumps and calls per input

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
py_obj *py_port_builtin_module(uint32_t name) {
    (void)name;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    py_init(heap, sizeof(heap), pystack, sizeof(pystack));
    char here;
    py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 64, (uintptr_t)&here - (256u << 10));
    PY_S->pending |= PY_PENDING_PORT;
    steps = 0;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_dict *g = (py_dict *)py_dict_new(4);
        py_dict_set_qstr(g, PY_QSTR___name__, py_qstr_val(PY_QSTR___main__));
        py_val code = py_compile((const char *)data, size, PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
        py_exec_code(code, g, g);
        py_nlr_pop();
    } else {
        // Printing the exception exercises repr/str of whatever was raised.
        py_nlr nlr2;
        if (py_nlr_push(&nlr2) == 0) {
            py_exc_print_traceback(&py_print_stderr, nlr.exc);
            py_nlr_pop();
        }
    }
    py_deinit();
    return 0;
}

int32_t py_port_budget(int32_t executed) {
    (void)executed;
    return 1 << 20;
}
void py_port_gil_release(void) {}
void py_port_gil_acquire(void) {}
