// tests/kernel/runner_target.c: the target runner of the kernel tests (QEMU mps2-an385 and any
// board with drivers/timer.h and drivers/board.h). The test bodies are the host's; this file
// supplies th_port_* and main(). Each case gets a fresh kernel: k_init, the test thread,
// k_start, which returns when the case ends (k_stop, or its last thread exiting). th_irq is
// multiplexed on hardware timer TH_IRQ_TIMER (one-shot, reprogrammed for the earliest due
// interrupt); a watchdog on TH_WATCHDOG_TIMER stops a case that never ends.
// Cases that need the host simulation are reported as skipped, with the reason: the sim suite
// (not built here), cases flagged TH_HOST_ONLY, and the few listed in target_skips.
// Prints one line per case and ends with "N passed, N failed"; main's status is the exit code.
#include <stdio.h>
#include <string.h>

#include "drivers/board.h"
#include "drivers/timer.h"
#include "tests/kernel/harness.h"

extern const struct th_suite *const th_suites[];
extern const unsigned th_suite_count;
extern const struct th_suite th_suite_cortex_m; // tests/kernel/test_cortex_m.c

#define TH_IRQ_TIMER 0u
#define TH_WATCHDOG_TIMER 1u
#define WATCHDOG_US 10000000u // 10 s of (emulated) time per case

#ifndef TH_SIM_CASE_COUNT
#define TH_SIM_CASE_COUNT 0 // set by the build from tests/kernel/test_sim.c
#endif                      // TH_SIM_CASE_COUNT

// Cases whose checks only hold in the host's virtual time.
static const struct {
    const char *name;
    const char *why;
} target_skips[] = {
    {"timeout.long_timeout_beyond_2_31_ticks",
     "sleeps 2^32 ticks (49 days at 1 kHz): only virtual time jumps that far"},
    {"isr.wake_from_idle", "checks the interrupt's time to the nanosecond (virtual time)"},
    {"timer.periodic_no_drift_10000",
     "70 s of busy CPU time: minutes of emulation (timer.periodic_* cover re-arming)"},
};

static const char *skip_reason(const char *name, const struct th_case *c) {
    if (c->flags & TH_HOST_ONLY) return "host simulation only";
    for (size_t i = 0; i < sizeof target_skips / sizeof target_skips[0]; i++) {
        if (strcmp(name, target_skips[i].name) == 0) return target_skips[i].why;
    }
    return NULL;
}

// --- th_irq on a hardware timer ---------------------------------------------------------------

// th_irq.port: [0] next pending irq, [1] due time (ns, k_uptime_ns), [2] scheduled.
static struct th_irq *next_of(const struct th_irq *i) {
    return (struct th_irq *)(uintptr_t)i->port[0];
}
static void set_next(struct th_irq *i, struct th_irq *next) {
    i->port[0] = (uintptr_t)next;
}
#define IRQ_DUE(i) ((i)->port[1])
#define IRQ_SCHEDULED(i) ((i)->port[2])

static struct th_irq *pending; // by due time, then scheduling order

static void irq_timer_fn(unsigned id, void *arg);

// Interrupts locked. The timer fires at or after the earliest due time, never before.
static void reprogram(void) {
    if (!pending) {
        (void)drv_timer_stop(TH_IRQ_TIMER);
        return;
    }
    uint64_t now = k_uptime_ns();
    uint64_t due = IRQ_DUE(pending);
    uint64_t us = due > now ? (due - now + 999u) / 1000u : 1u;
    if (us == 0) us = 1;
    (void)drv_timer_start(TH_IRQ_TIMER, (uint32_t)us, DRV_TIMER_ONE_SHOT, irq_timer_fn, NULL);
}

static void unschedule(struct th_irq *irq) {
    if (pending == irq) {
        pending = next_of(irq);
    } else {
        for (struct th_irq *p = pending; p; p = next_of(p)) {
            if (next_of(p) == irq) {
                set_next(p, next_of(irq));
                break;
            }
        }
    }
    IRQ_SCHEDULED(irq) = 0;
}

static void irq_timer_fn(unsigned id, void *arg) {
    (void)id;
    (void)arg;
    uint64_t now = k_uptime_ns();
    while (pending && IRQ_DUE(pending) <= now) {
        struct th_irq *irq = pending;
        unschedule(irq);
        irq->fn(irq->arg);
    }
    unsigned key = k_irq_lock();
    reprogram();
    k_irq_unlock(key);
}

void th_port_irq_init(struct th_irq *irq) {
    unsigned key = k_irq_lock();
    if (IRQ_SCHEDULED(irq)) unschedule(irq);
    set_next(irq, NULL);
    IRQ_SCHEDULED(irq) = 0;
    k_irq_unlock(key);
}

void th_port_irq_after_us(struct th_irq *irq, uint32_t us) {
    unsigned key = k_irq_lock();
    if (IRQ_SCHEDULED(irq)) unschedule(irq);
    IRQ_DUE(irq) = k_uptime_ns() + (uint64_t)us * 1000u;
    if (!pending || IRQ_DUE(irq) < IRQ_DUE(pending)) {
        set_next(irq, pending);
        pending = irq;
    } else {
        struct th_irq *p = pending;
        while (next_of(p) && IRQ_DUE(next_of(p)) <= IRQ_DUE(irq))
            p = next_of(p);
        set_next(irq, next_of(p));
        set_next(p, irq);
    }
    IRQ_SCHEDULED(irq) = 1;
    reprogram();
    k_irq_unlock(key);
}

static void irq_reset_all(void) {
    (void)drv_timer_stop(TH_IRQ_TIMER);
    while (pending)
        unschedule(pending);
}

// --- the rest of the port ---------------------------------------------------------------------

_Noreturn void th_port_abort_case(void) {
    k_stop(1);
}

void th_port_print(const char *s) {
    board_console_write(s, strlen(s));
}

static void on_watchdog(unsigned id, void *arg) {
    (void)id;
    (void)arg;
    th_case_fail_msg("watchdog: the case did not end within 10 s");
    k_stop(2);
}

static int passed, failed, skipped;

static void run_case(const struct th_suite *suite, const struct th_case *c) {
    char name[160];
    snprintf(name, sizeof name, "%s.%s", suite->name, c->name);
#ifdef TH_FILTER
    if (!strstr(name, TH_FILTER)) return;
#endif // TH_FILTER
    const char *why = skip_reason(name, c);
    if (why) {
        char line[300];
        snprintf(line, sizeof line, "skip %s: %s\n", name, why);
        th_port_print(line);
        skipped++;
        return;
    }
    struct k_config cfg;
    k_config_default(&cfg);
    if (c->flags & TH_TICK_WRAP) cfg.tick_start = 0u - TH_WRAP_MARGIN;
    if (c->flags & TH_NO_SLICE) cfg.timeslice_ticks = 0;
    k_set_panic_hook(NULL);
    k_init(&cfg);
    th_case_begin(c);
    (void)drv_timer_start(TH_WATCHDOG_TIMER, WATCHDOG_US, DRV_TIMER_ONE_SHOT, on_watchdog, NULL);
    int rc = k_start();
    (void)drv_timer_stop(TH_WATCHDOG_TIMER);
    irq_reset_all();
    if (th_case_end(c, suite->name, rc))
        passed++;
    else
        failed++;
}

int main(void) {
    th_port_print("rtpy kernel tests on the target\n");
    for (unsigned s = 0; s < th_suite_count; s++) {
        const struct th_suite *suite = th_suites[s];
        for (unsigned i = 0; i < suite->count; i++)
            run_case(suite, &suite->cases[i]);
    }
    for (unsigned i = 0; i < th_suite_cortex_m.count; i++) // the port's own cases
        run_case(&th_suite_cortex_m, &th_suite_cortex_m.cases[i]);
    char line[160];
    if (TH_SIM_CASE_COUNT) {
        snprintf(line, sizeof line,
                 "skip sim.* (%d cases): the host simulation's own suite, not built here\n",
                 TH_SIM_CASE_COUNT);
        th_port_print(line);
        skipped += TH_SIM_CASE_COUNT;
    }
    snprintf(line, sizeof line, "skipped: %d\n%d passed, %d failed\n", skipped, passed, failed);
    th_port_print(line);
    return failed ? 1 : 0;
}

// The sim suite (tests/kernel/test_sim.c) is host-only and not built for the target: an empty
// stand-in keeps suites.c unchanged; main() reports its cases as skipped.
const struct th_suite th_suite_sim = {"sim", NULL, 0};
