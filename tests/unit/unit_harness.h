// tests/unit/unit_harness.h: a tiny assertion harness for the C unit tests of py/.
// Each test is a function; CHECK records a failure and continues; the runner prints the
// closing line "N passed, N failed" and returns non-zero on any failure.
#ifndef TESTS_UNIT_UNIT_HARNESS_H
#define TESTS_UNIT_UNIT_HARNESS_H

#include <stdio.h>

extern int uh_failed_checks;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            printf("  check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);                 \
            uh_failed_checks++;                                                                \
        }                                                                                      \
    } while (0)

typedef struct uh_test {
    const char *name;
    void (*fn)(void);
} uh_test;

// Runs the tests, each on a freshly initialised interpreter; returns the exit status.
int uh_run(const char *suite, const uh_test *tests, size_t n);

#endif
