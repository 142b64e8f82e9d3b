// tests/kernel/runner_posix.c: the host runner of the kernel tests (the only host-specific
// test code besides test_sim.c). For each case: k_init in virtual time, create the test thread,
// k_start; a virtual-time watchdog catches cases that never end, a deadlock hook reports
// cases that block forever, and a wall-clock alarm catches host hangs.
// Usage: <binary> [substring]   runs the cases whose "suite.case" name contains it.
// Prints one line per case and ends with "N passed, N failed"; exits 1 if any failed.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rtos/kernel.h"
#include "rtos/sim.h"
#include "tests/kernel/harness.h"
#include "tests/kernel/runner_posix.h"

extern const struct th_suite *const th_suites[];
extern const unsigned th_suite_count;

#define WATCHDOG_NS 100000000000000000ull // 1e8 s of virtual time (cases sleep ~2^33 ticks)
#define ALARM_S 60                        // wall-clock limit per case
#define ALARM_LONG_S 600                  // ... per TH_LONG case

_Static_assert(sizeof(struct k_sim_irq) <= sizeof(((struct th_irq *)0)->port),
               "th_irq.port too small");

static struct k_sim_irq watchdog;
static char current_name[160];

_Noreturn void th_port_abort_case(void) {
    k_stop(1);
}

void th_port_irq_init(struct th_irq *irq) {
    k_sim_irq_init((struct k_sim_irq *)(void *)irq->port, irq->fn, irq->arg);
}

void th_port_irq_after_us(struct th_irq *irq, uint32_t us) {
    k_sim_irq_after((struct k_sim_irq *)(void *)irq->port, (uint64_t)us * 1000u);
}

void th_port_print(const char *s) {
    fputs(s, stdout);
    fflush(stdout);
}

void th_posix_watchdog_cancel(void) {
    k_sim_irq_cancel(&watchdog);
}

static void print_line(const char *line, void *arg) {
    (void)arg;
    printf("       %s\n", line);
}

static void on_deadlock(void) {
    if (!th_case_failed() && !th_case_done()) {
        th_case_fail_msg("deadlock: every thread blocked forever");
        k_sim_report_threads(print_line, NULL);
    }
    // returning stops the kernel: k_start returns -EDEADLK
}

static void on_watchdog(void *arg) {
    (void)arg;
    th_case_fail_msg("virtual-time watchdog: the case never ended");
    k_sim_report_threads(print_line, NULL);
    k_stop(2);
}

static void on_alarm(int sig) {
    (void)sig;
    static const char msg[] = "\nFAIL (wall-clock timeout, host hang) in ";
    ssize_t r = write(1, msg, sizeof msg - 1);
    r = write(1, current_name, strlen(current_name));
    r = write(1, "\n", 1);
    (void)r;
    _exit(1);
}

int main(int argc, char **argv) {
    if (argc > 1 && strncmp(argv[1], "--demo", 6) == 0)
        return th_posix_demo ? th_posix_demo(argc, argv) : 2;
    const char *filter = argc > 1 ? argv[1] : NULL;
    int passed = 0, failed = 0;
    signal(SIGALRM, on_alarm);
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (unsigned s = 0; s < th_suite_count; s++) {
        const struct th_suite *suite = th_suites[s];
        for (unsigned i = 0; i < suite->count; i++) {
            const struct th_case *c = &suite->cases[i];
            snprintf(current_name, sizeof current_name, "%s.%s", suite->name, c->name);
            if (filter && !strstr(current_name, filter)) continue;
            struct k_config cfg;
            k_config_default(&cfg);
            if (c->flags & TH_TICK_WRAP) cfg.tick_start = 0u - TH_WRAP_MARGIN;
            if (c->flags & TH_REAL_TIME) cfg.time_mode = K_TIME_REAL;
            if (c->flags & TH_NO_SLICE) cfg.timeslice_ticks = 0;
            k_set_panic_hook(NULL);
            k_init(&cfg);
            k_sim_set_deadlock_hook(on_deadlock);
            k_sim_irq_init(&watchdog, on_watchdog, NULL);
            k_sim_irq_at(&watchdog, WATCHDOG_NS);
            th_case_begin(c);
            alarm(c->flags & TH_LONG ? ALARM_LONG_S : ALARM_S);
            int rc = k_start();
            alarm(0);
            if (th_case_end(c, suite->name, rc))
                passed++;
            else
                failed++;
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
