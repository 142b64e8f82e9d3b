// kernel/arch/posix/posix_sim.c: time in the host simulation.
// Virtual time (default) is a 64-bit nanosecond clock that moves only when a thread charges
// CPU time (k_sim_consume, the per-call cost, k_busy_wait_us) or when every thread is blocked
// and the idle thread jumps it to the next event. Events are the periodic tick interrupt and
// scheduled simulated interrupts; each is delivered at its exact virtual time, ticks first on
// ties, interrupts in scheduling order. Runs of ticks with nothing for the kernel to do are
// announced as one batch (kern_clock_ticks_to_next_event), so long sleeps cost O(1).
// Real time follows CLOCK_MONOTONIC; events are delivered at the same delivery points, and the
// idle thread sleeps on the host until the next one (or a k_sim_irq_raise_async).
// Invariant: only the thread holding the baton touches this state (async posts excepted).
#include <stdio.h>
#include <stdlib.h>

#include "kernel/arch/posix/posix.h"
#include "kernel/internal/init.h"

#define S arch_posix_s

static uint64_t wall_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t s = (int64_t)ts.tv_sec - (int64_t)S.wall0.tv_sec;
    int64_t ns = (int64_t)ts.tv_nsec - (int64_t)S.wall0.tv_nsec;
    return (uint64_t)(s * 1000000000 + ns);
}

// Real time: the clock is the wall clock, read at delivery points (and never going back).
static void sync_wall(void) {
    if (!S.virtual_time) {
        uint64_t w = wall_ns();
        if (w > S.now) S.now = w;
    }
}

void arch_posix_sim_init(const struct k_config *cfg) {
    if (!S.async_cv_ready) {
        // Timed waits of the real-time idle are on CLOCK_MONOTONIC, like wall_ns.
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&S.async_cv, &ca);
        pthread_condattr_destroy(&ca);
        S.async_cv_ready = true;
    }
    uint32_t hz = cfg->tick_hz ? cfg->tick_hz : K_CFG_TICK_HZ;
    if (hz > 1000000000u) hz = 1000000000u;
    S.virtual_time = cfg->time_mode != K_TIME_REAL;
    S.now = 0;
    S.ns_per_tick = 1000000000u / hz;
    S.next_tick = S.ns_per_tick;
    S.call_cost = cfg->sim_call_cost_ns;
    S.seq = 0;
    // Interrupts left scheduled by a previous run are forgotten (their owners may re-use them).
    for (struct k_sim_irq *i = S.events; i; i = i->next)
        i->scheduled = 0;
    S.events = NULL;
    S.deadlock_hook = NULL;
    S.gate = UINT64_MAX;
    S.gate_fn = NULL;
    S.gate_arg = NULL;
    clock_gettime(CLOCK_MONOTONIC, &S.wall0);
    pthread_mutex_lock(&S.async_mtx);
    for (struct k_sim_irq *i = S.async_head; i; i = i->async_next)
        i->async_queued = 0;
    S.async_head = S.async_tail = NULL;
    atomic_store(&S.async_flag, false);
    pthread_mutex_unlock(&S.async_mtx);
}

// --- the event schedule ---------------------------------------------------------------------

static void events_remove(struct k_sim_irq *irq) {
    for (struct k_sim_irq **p = &S.events; *p; p = &(*p)->next) {
        if (*p == irq) {
            *p = irq->next;
            break;
        }
    }
    irq->next = NULL;
    irq->scheduled = 0;
}

// Sorted by time, then scheduling order (a sequence number breaks ties for good, so equal
// times deliver in a reproducible order). O(scheduled interrupts): there are few.
static void events_insert(struct k_sim_irq *irq, uint64_t when) {
    irq->when = when;
    irq->seq = S.seq++;
    struct k_sim_irq **p = &S.events;
    while (*p && (*p)->when <= when)
        p = &(*p)->next;
    irq->next = *p;
    *p = irq;
    irq->scheduled = 1;
}

// Moves interrupts raised by foreign host threads into the schedule, at the current time.
static void poll_async(void) {
    if (!atomic_load_explicit(&S.async_flag, memory_order_acquire)) return;
    pthread_mutex_lock(&S.async_mtx);
    struct k_sim_irq *list = S.async_head;
    S.async_head = S.async_tail = NULL;
    atomic_store(&S.async_flag, false);
    while (list) {
        struct k_sim_irq *next = list->async_next;
        list->async_next = NULL;
        list->async_queued = 0;
        if (list->scheduled) events_remove(list);
        events_insert(list, S.now);
        list = next;
    }
    pthread_mutex_unlock(&S.async_mtx);
}

static inline uint64_t next_irq_time(void) {
    return S.events ? S.events->when : UINT64_MAX;
}

// Checked at every unmasking: must stay a couple of compares when nothing is due.
bool arch_posix_sim_due(void) {
    if (atomic_load_explicit(&S.async_flag, memory_order_relaxed)) return true;
    sync_wall();
    return S.next_tick <= S.now || next_irq_time() <= S.now;
}

// --- delivery ---------------------------------------------------------------------------------

// The simulated SysTick: n ticks in one interrupt (see the batching in run_until).
static void tick_isr(void *arg) {
    kern_trace_isr("tick", true);
    kern_clock_announce(*(uint32_t *)arg);
    kern_trace_isr("tick", false);
}

static void irq_isr(void *arg) {
    struct k_sim_irq *irq = arg;
    const char *name = irq->name ? irq->name : "irq";
    kern_trace_isr(name, true);
    irq->handler(irq->arg);
    kern_trace_isr(name, false);
}

static uint64_t next_event_time(void);

// The clock has reached the gate with `target` beyond it: report to the gate function what
// this process wants next and take the new gate. Interrupts stay masked inside fn so that the
// arrivals it schedules are delivered by the caller's loop, in order, not re-entrantly.
static void pass_gate(uint64_t target) {
    if (S.now < S.gate) S.now = S.gate;
    uint64_t want = next_event_time();
    if (target < want) want = target;
    unsigned key = S.irq_locked;
    S.irq_locked = 1;
    S.gate = S.gate_fn(S.now, want, S.gate_arg);
    S.irq_locked = key;
}

// Delivers, in order and each at its own time, every event due at or before `target`; the
// caller owns the CPU time up to `target`. If it is preempted inside, it is owed the part of
// that time that followed the preempting event, so `target` is re-based when it resumes.
// With a time gate, nothing runs past the gate until pass_gate moves it (without one,
// S.gate is UINT64_MAX and the gate costs one compare per round).
// Thread context, interrupts unmasked, not in an ISR.
static void run_until(uint64_t target) {
    for (;;) {
        poll_async();
        uint64_t t_irq = next_irq_time();
        uint64_t t_ev = S.next_tick < t_irq ? S.next_tick : t_irq;
        uint64_t lim = target < S.gate ? target : S.gate;
        if (t_ev > lim) {
            if (target <= S.gate) break;
            pass_gate(target);
            continue;
        }
        if (S.next_tick <= t_irq) {
            // Ticks due by min(limit, next interrupt), as far as the kernel has no work.
            uint64_t horizon = lim < t_irq ? lim : t_irq;
            uint64_t due = (horizon - S.next_tick) / S.ns_per_tick + 1;
            S.irq_locked = 1;
            uint64_t lim_ticks = kern_clock_ticks_to_next_event();
            S.irq_locked = 0;
            uint32_t n = (uint32_t)(due < lim_ticks ? due : lim_ticks);
            uint64_t last = S.next_tick + (uint64_t)(n - 1) * S.ns_per_tick;
            if (last > S.now) S.now = last;
            S.next_tick = last + S.ns_per_tick;
            uint64_t rest = target - S.now;
            arch_posix_isr_run(tick_isr, &n);
            target = S.now + rest;
        } else {
            struct k_sim_irq *irq = S.events;
            events_remove(irq);
            if (t_irq > S.now) S.now = t_irq;
            uint64_t rest = target - S.now;
            arch_posix_isr_run(irq_isr, irq);
            target = S.now + rest;
        }
    }
    if (S.now < target) S.now = target;
}

void arch_posix_sim_deliver_due(void) {
    sync_wall();
    run_until(S.now);
}

static bool can_deliver(void) {
    return S.running && !S.isr_depth && !S.irq_locked;
}

// Charged on entry to every kernel call from a thread. Without it a thread polling the kernel
// (while (!flag) k_yield();) would spin forever at one instant of virtual time.
void arch_call_cost(void) {
    if (!can_deliver()) return;
    if (S.virtual_time)
        run_until(S.now + S.call_cost);
    else if (arch_posix_sim_due())
        arch_posix_sim_deliver_due();
}

// The VM's per-bytecode charge: cheap when nothing falls due (a few compares in run_until).
void k_sim_consume(uint64_t ns) {
    if (!can_deliver()) {
        if (S.virtual_time) S.now += ns; // delivered once interrupts are unmasked / the ISR returns
        return;
    }
    if (S.virtual_time)
        run_until(S.now + ns);
    else
        arch_posix_sim_deliver_due();
}

uint64_t arch_clock_ns(void) {
    sync_wall();
    return S.now;
}

// Real time: spin on the wall clock, still delivering interrupts while spinning.
void arch_busy_wait_ns(uint64_t ns) {
    if (S.virtual_time) {
        k_sim_consume(ns);
        return;
    }
    uint64_t end = wall_ns() + ns;
    while (wall_ns() < end) {
        if (can_deliver() && arch_posix_sim_due()) arch_posix_sim_deliver_due();
    }
}

uint64_t k_sim_now_ns(void) {
    return arch_clock_ns();
}

bool k_sim_is_virtual(void) {
    return S.virtual_time;
}

// --- idle and deadlock --------------------------------------------------------------------------

static void print_line(const char *line, void *arg) {
    fprintf((FILE *)arg, "  %s\n", line);
}

// Exit status K_SIM_EXIT_DEADLOCK lets scripts and CI tell a deadlock from a crash.
static void default_deadlock(void) {
    fprintf(stderr,
            "rtpy kernel: deadlock at %llu ns (virtual): every thread is blocked "
            "forever and nothing is scheduled\n",
            (unsigned long long)S.now);
    arch_posix_report(print_line, stderr);
    fflush(NULL);
    exit(K_SIM_EXIT_DEADLOCK);
}

void k_sim_set_deadlock_hook(k_sim_deadlock_hook_t fn) {
    S.deadlock_hook = fn;
}

// The time of the next event the kernel or a device needs, or UINT64_MAX.
static uint64_t next_event_time(void) {
    unsigned key = S.irq_locked; // callers may hold interrupts masked (k_sim_next_event_ns)
    S.irq_locked = 1;
    uint32_t k = kern_clock_ticks_to_next_event();
    S.irq_locked = key;
    uint64_t t = next_irq_time();
    if (k != UINT32_MAX) {
        uint64_t tk = S.next_tick + (uint64_t)(k - 1) * S.ns_per_tick;
        if (tk < t) t = tk;
    }
    return t;
}

// With a gate, what arrives at it is unknown until then: the VM's budget stops there too.
uint64_t k_sim_next_event_ns(void) {
    uint64_t t = next_event_time();
    return t < S.gate ? t : S.gate;
}

// Real time: sleep on the host until the next event is due or a foreign thread posts an
// interrupt (k_sim_irq_raise_async signals async_cv), then deliver.
static void idle_real(uint64_t target) {
    pthread_mutex_lock(&S.async_mtx);
    while (!atomic_load(&S.async_flag)) {
        uint64_t w = wall_ns();
        if (w >= target) break;
        if (target == UINT64_MAX) {
            pthread_cond_wait(&S.async_cv, &S.async_mtx);
        } else {
            uint64_t abs =
                (uint64_t)S.wall0.tv_sec * 1000000000u + (uint64_t)S.wall0.tv_nsec + target;
            struct timespec ts = {(time_t)(abs / 1000000000u), (long)(abs % 1000000000u)};
            pthread_cond_timedwait(&S.async_cv, &S.async_mtx, &ts);
        }
    }
    pthread_mutex_unlock(&S.async_mtx);
    arch_posix_sim_deliver_due();
}

// The idle thread's "WFI". Virtual time: jump to the next event; if there is none, nothing
// can ever happen again: a deadlock. Either way the event's handler (a tick that expires a
// timeout, or a device interrupt) usually wakes a thread, which preempts idle at its exit.
void arch_idle(void) {
    if (S.switch_pending) {
        arch_posix_take_switch();
        return;
    }
    poll_async();
    uint64_t t = next_event_time();
    if (!S.virtual_time) {
        idle_real(t);
        return;
    }
    if (t == UINT64_MAX && S.gate_fn) {
        // With a gate, "nothing ever again" is for the gate function to judge: another process
        // may still send an interrupt. Idle comes back here once it has been delivered.
        pass_gate(UINT64_MAX);
        return;
    }
    if (t == UINT64_MAX) {
        if (S.deadlock_hook)
            S.deadlock_hook();
        else
            default_deadlock();
        arch_stop(-EDEADLK);
    }
    run_until(t > S.now ? t : S.now);
}

void k_sim_set_gate(k_sim_gate_fn fn, void *arg) {
    if (!S.virtual_time) return;
    S.gate_fn = fn;
    S.gate_arg = arg;
    S.gate = fn ? S.now : UINT64_MAX;
}

// --- simulated interrupts ---------------------------------------------------------------------

void k_sim_irq_init(struct k_sim_irq *irq, void (*handler)(void *arg), void *arg) {
    if (!irq) return;
    irq->next = irq->async_next = NULL;
    irq->when = irq->seq = 0;
    irq->handler = handler;
    irq->arg = arg;
    irq->name = NULL;
    irq->scheduled = irq->async_queued = 0;
}

void k_sim_irq_set_name(struct k_sim_irq *irq, const char *name) {
    if (irq) irq->name = name;
}

// Raising an interrupt that is already due from a thread takes it at once, as on hardware
// (the unlock below is a delivery point); from a handler it runs after the handler returns.
int k_sim_irq_at(struct k_sim_irq *irq, uint64_t when_ns) {
    KERN_ARG_CHECK(irq && irq->handler, -EINVAL);
    unsigned key = arch_irq_lock();
    if (irq->scheduled) events_remove(irq);
    events_insert(irq, when_ns < S.now ? S.now : when_ns);
    arch_irq_unlock(key); // a due interrupt is taken here, as on hardware
    return 0;
}

int k_sim_irq_after(struct k_sim_irq *irq, uint64_t delay_ns) {
    return k_sim_irq_at(irq, arch_clock_ns() + delay_ns);
}

int k_sim_irq_raise(struct k_sim_irq *irq) {
    return k_sim_irq_at(irq, arch_clock_ns());
}

int k_sim_irq_cancel(struct k_sim_irq *irq) {
    KERN_ARG_CHECK(irq, -EINVAL);
    unsigned key = arch_irq_lock();
    int err = irq->scheduled ? 0 : -EALREADY;
    if (irq->scheduled) events_remove(irq);
    arch_irq_unlock(key);
    return err;
}

bool k_sim_irq_is_pending(const struct k_sim_irq *irq) {
    return irq && irq->scheduled;
}

// The only call foreign host threads may make: it touches nothing but the async inbox, which
// the baton holder drains at its next delivery point.
int k_sim_irq_raise_async(struct k_sim_irq *irq) {
    KERN_ARG_CHECK(irq && irq->handler, -EINVAL);
    pthread_mutex_lock(&S.async_mtx);
    if (!irq->async_queued) {
        irq->async_queued = 1;
        irq->async_next = NULL;
        if (S.async_tail)
            S.async_tail->async_next = irq;
        else
            S.async_head = irq;
        S.async_tail = irq;
    }
    atomic_store_explicit(&S.async_flag, true, memory_order_release);
    pthread_cond_signal(&S.async_cv);
    pthread_mutex_unlock(&S.async_mtx);
    return 0;
}
