// tests/unit/check.h: the assertions and the runner of the standalone C unit tests (those
// that need no interpreter: flash, fs, crypto, image, bootutil). CHECK records a failure and
// goes on; check_run runs each test, names the failing ones and prints the closing
// "N passed, N failed" line the test suites end with.
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stddef.h>
#include <stdio.h>

static int failed, checks;

#define CHECK_MSG(c, ...)                                                                      \
    do {                                                                                       \
        checks++;                                                                              \
        if (!(c)) {                                                                            \
            printf("  check failed: %s (%s:%d): ", #c, __FILE__, __LINE__);                    \
            printf(__VA_ARGS__);                                                               \
            printf("\n");                                                                      \
            failed++;                                                                          \
        }                                                                                      \
    } while (0)
#define CHECK(c) CHECK_MSG(c, "%s", "")

typedef struct check_test {
    const char *name;
    void (*fn)(void);
} check_test;

// Runs the tests of `suite`; returns the exit status (1 if any check failed).
static inline int check_run(const char *suite, const check_test *tests, size_t n) {
    int passed = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        int before = failed;
        tests[i].fn();
        int ok = failed == before;
        printf("%s %s.%s\n", ok ? "ok  " : "FAIL", suite, tests[i].name);
        ok ? passed++ : bad++;
    }
    printf("%d passed, %d failed (%d checks)\n", passed, bad, checks);
    return bad != 0;
}

#endif // TESTS_UNIT_CHECK_H
