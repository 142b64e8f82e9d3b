// tests/unit/unit_harness.c: runs C unit tests against a fresh interpreter each.
#include <stdlib.h>
#include <string.h>

#include "py/runtime.h"
#include "py/state.h"
#include "tests/unit/unit_harness.h"

int uh_failed_checks;

#define HEAP (256u << 10)
#define PYSTACK (64u << 10)

// Runs one test in a fresh interpreter; false if a check failed or an exception escaped.
static bool run_one(const uh_test *t) {
    int before = uh_failed_checks;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        t->fn();
        py_nlr_pop();
    } else {
        printf("  uncaught exception: ");
        py_exc_print_traceback(&py_print_stdout, nlr.exc);
        uh_failed_checks++;
    }
    return uh_failed_checks == before;
}

int uh_run(const char *suite, const uh_test *tests, size_t n) {
    static char heap[HEAP] __attribute__((aligned(16)));
    static char pystack[PYSTACK] __attribute__((aligned(16)));
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        py_init(heap, sizeof(heap), pystack, sizeof(pystack));
        char here;
        py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 64, (uintptr_t)&here - (1u << 20));
        bool ok = run_one(&tests[i]);
        printf("%s %s.%s\n", ok ? "ok  " : "FAIL", suite, tests[i].name);
        ok ? passed++ : failed++;
        py_deinit();
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
