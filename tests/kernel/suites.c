// tests/kernel/suites.c: the suites of the kernel unit-test binary, in the order they run.
// A target build would leave out th_suite_sim (host simulation only).
#include "tests/kernel/harness.h"

extern const struct th_suite th_suite_thread, th_suite_sched, th_suite_mutex, th_suite_sem,
    th_suite_queue, th_suite_event, th_suite_timer, th_suite_workq, th_suite_timeout, th_suite_isr,
    th_suite_sim;

const struct th_suite *const th_suites[] = {
    &th_suite_thread,  &th_suite_sched, &th_suite_mutex, &th_suite_sem,
    &th_suite_queue,   &th_suite_event, &th_suite_timer, &th_suite_workq,
    &th_suite_timeout, &th_suite_isr,   &th_suite_sim,
};
const unsigned th_suite_count = sizeof th_suites / sizeof th_suites[0];
