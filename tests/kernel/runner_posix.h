// tests/kernel/runner_posix.h: host-only extras of the test runner, for host-only cases
// (tests/kernel/test_sim.c) that exercise the simulation itself.
#ifndef TESTS_KERNEL_RUNNER_POSIX_H
#define TESTS_KERNEL_RUNNER_POSIX_H

// Unschedules the runner's virtual-time watchdog, so that "nothing scheduled" (deadlock
// detection) can be observed. The case must then end by itself.
void th_posix_watchdog_cancel(void);

// Demo programs run in a child process by host-only cases ("<binary> --demo-NAME ...").
// Defined by test_sim.c; binaries without it (the stress test) have no demos.
int th_posix_demo(int argc, char **argv) __attribute__((weak));

#endif // TESTS_KERNEL_RUNNER_POSIX_H
