// fuzz/fuzz_compile.c: libFuzzer target: compile and run arbitrary input with a small heap
// and a step limit. Every input must end in a Python exception or normal completion;
// a crash, a sanitizer report, a hang or a fatal error is a bug. Output is discarded.
#include "fuzz/fuzz.h"

py_obj *fuzz_builtin_module(uint32_t name) {
    (void)name;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_start(128u << 10);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        fuzz_exec((const char *)data, size, fuzz_globals());
        py_nlr_pop();
    } else {
        fuzz_print_exc(nlr.exc); // exercises repr/str of whatever was raised
    }
    fuzz_finish();
    return 0;
}
