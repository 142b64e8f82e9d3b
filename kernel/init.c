// kernel/init.c: the kernel state (kern_k), start-up (k_init, k_start), stop, panic and the
// idle thread. k_init may be called again after k_start returned (the host test runner gives
// every test a fresh kernel); nothing here allocates.
// The idle thread is not on the ready queue: the scheduler picks it when the bitmap is empty.
// It calls the idle hook, then arch_idle() (WFI on hardware; on the host, the virtual clock
// jumps to the next event there, and deadlocks are detected).
#include <string.h>

#include "kernel/internal/sched.h"
#include "kernel/internal/thread.h"
#include "kernel/internal/timeout.h"
#include "kernel/internal/workq.h"

struct kern_state kern_k = {
    .tick_hz = K_CFG_TICK_HZ,
    .ns_per_tick = 1000000000u / K_CFG_TICK_HZ,
};

static K_STACK_DEFINE(idle_stack, K_CFG_IDLE_STACK_SIZE);

void k_config_default(struct k_config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->tick_hz = K_CFG_TICK_HZ;
    cfg->timeslice_ticks = K_CFG_TIMESLICE_TICKS;
    cfg->tick_start = 0;
    cfg->idle_hook = NULL;
    cfg->time_mode = K_TIME_VIRTUAL;
    cfg->sim_call_cost_ns = K_CFG_SIM_CALL_COST_NS;
}

// Lowest of all, never queued (picked when nothing else is ready), never blocked: there must
// always be something to run. The hook runs once per round, i.e. once per idle period.
static void idle_entry(void *arg) {
    (void)arg;
    for (;;) {
        if (kern_k.idle_hook) kern_k.idle_hook();
        arch_idle();
    }
}

void k_init(const struct k_config *cfg) {
    struct k_config def;
    if (!cfg) {
        k_config_default(&def);
        cfg = &def;
    }
    arch_init(cfg); // first: the host port discards leftovers listed in the old state
    // The panic hook is a board setting made once, possibly before k_init: it survives.
    k_panic_hook_t panic_hook = kern_k.panic_hook;
    memset(&kern_k, 0, sizeof kern_k);
    kern_k.panic_hook = panic_hook;
    kern_k.tick_hz = cfg->tick_hz ? cfg->tick_hz : K_CFG_TICK_HZ;
    if (kern_k.tick_hz > 1000000000u) kern_k.tick_hz = 1000000000u;
    kern_k.ns_per_tick = 1000000000u / kern_k.tick_hz; // tick_hz should divide 1e9
    kern_k.slice_ticks = cfg->timeslice_ticks;
    kern_k.tick = cfg->tick_start;
    kern_k.idle_hook = cfg->idle_hook;
    kern_dlist_init(&kern_k.threads);
    kern_timeout_init();
    kern_sched_init();
    int err = kern_thread_create(&kern_k.idle, idle_stack, sizeof idle_stack, idle_entry, NULL,
                                 K_PRIO_NONE, "idle", true);
    KERN_ASSERT(err == 0);
    kern_workq_start_system();
}

int k_start(void) {
    if (kern_k.running || !kern_k.threads.next) return -EPERM;
    if (!kern_k.app_threads) return 0;
    // The first "switch" has no outgoing thread: the trace shows it as from NULL.
    unsigned key = arch_irq_lock();
    struct k_thread *first = kern_sched_pick();
    kern_k.current = first;
    kern_k.running = true;
    first->run_since = arch_clock_ns();
    kern_k.switches++;
    if (K_CFG_TRACE && kern_k.switch_hook) kern_k.switch_hook(NULL, first, kern_k.switch_arg);
    arch_irq_unlock(key);
    int rc = arch_start(first);
    kern_k.running = false;
    return rc;
}

_Noreturn void k_stop(int code) {
    arch_stop(code);
}

bool k_is_running(void) {
    return kern_k.running;
}

void k_set_panic_hook(k_panic_hook_t fn) {
    kern_k.panic_hook = fn;
}

// Interrupts stay masked: nothing else runs on a broken system. The hook normally resets or
// stops; if it panics in turn, that second panic goes straight to the port.
_Noreturn void k_panic(int reason) {
    (void)arch_irq_lock();
    if (kern_k.panic_hook && kern_k.panicking++ == 0)
        kern_k.panic_hook(reason, kern_k.running ? kern_k.current : NULL);
    kern_k.panicking = 0;
    arch_panic(reason);
}
