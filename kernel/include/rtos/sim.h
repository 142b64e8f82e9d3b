// kernel/include/rtos/sim.h: the host simulation port's own API (kernel/arch/posix).
// Virtual time, CPU cost accounting, simulated interrupts delivered at exact virtual times,
// deadlock detection. Only host builds have these calls; portable code must not use them
// (the Python VM calls k_sim_consume through its port layer, simulated devices schedule
// interrupts with k_sim_irq_*).
// Invariant: in K_TIME_VIRTUAL mode the same program produces the same schedule every run.
#ifndef RTOS_SIM_H
#define RTOS_SIM_H

#include <stdbool.h>
#include <stdint.h>

/** Process exit status of the default deadlock hook and of the default panic handler. */
#define K_SIM_EXIT_DEADLOCK 3
#define K_SIM_EXIT_PANIC 4

/**
 * Charges `ns` nanoseconds of busy CPU time to the calling thread. In virtual time, time
 * advances by `ns`; interrupts and ticks falling due meanwhile are delivered at their exact
 * times and may preempt the caller (which then resumes later with the rest of its cost still to
 * run). In real time, nothing is charged (the host CPU already spent it); due interrupts are
 * delivered. From an ISR or with interrupts locked, time advances but what falls due is
 * delivered only when interrupts are unlocked. Context: any. Does not block (may be preempted).
 */
void k_sim_consume(uint64_t ns);

/** A simulated interrupt source (caller-owned; fields private). */
struct k_sim_irq {
    struct k_sim_irq *next; // in the schedule, ordered by (when, seq)
    struct k_sim_irq *async_next;
    uint64_t when; // virtual ns since k_init
    uint64_t seq;  // scheduling order, for ties
    void (*handler)(void *arg);
    void *arg;
    const char *name; // for traces (k_sim_irq_set_name); NULL: "irq"
    uint8_t scheduled;
    uint8_t async_queued;
};

/** Prepares `irq` to run handler(arg) in interrupt context. Any context. */
void k_sim_irq_init(struct k_sim_irq *irq, void (*handler)(void *arg), void *arg);
/** Names the interrupt in traces (`name` must outlive it; NULL: "irq"). Any context. */
void k_sim_irq_set_name(struct k_sim_irq *irq, const char *name);
/**
 * Schedules the interrupt at virtual time `when_ns` (ns since k_init; a past time means as soon
 * as possible). Re-scheduling a pending interrupt moves it. Interrupts due at the same time run
 * in the order they were scheduled, after that time's tick. The handler runs with
 * k_is_in_isr() true; a thread it wakes runs when the handler returns, if more urgent than the
 * interrupted one. Returns 0; -EINVAL. Context: any (a kernel thread or an ISR).
 */
int k_sim_irq_at(struct k_sim_irq *irq, uint64_t when_ns);
/** k_sim_irq_at(irq, now + delay_ns). */
int k_sim_irq_after(struct k_sim_irq *irq, uint64_t delay_ns);
/** Raises the interrupt now (delivered when interrupts are next unlocked). */
int k_sim_irq_raise(struct k_sim_irq *irq);
/** Unschedules it. Returns 0; -EALREADY (not scheduled). Context: any. */
int k_sim_irq_cancel(struct k_sim_irq *irq);
/** True while scheduled and not yet delivered. */
bool k_sim_irq_is_pending(const struct k_sim_irq *irq);
/**
 * Raises the interrupt from a host thread that is not a kernel thread (e.g. a stdin reader in
 * real-time mode); it is delivered at the next delivery point, waking the idle thread if
 * needed. Breaks determinism by nature. Returns 0; -EINVAL. Context: any host thread.
 */
int k_sim_irq_raise_async(struct k_sim_irq *irq);

/**
 * Virtual-time deadlock: every thread is blocked with no timeout, no timer armed and no
 * interrupt scheduled, so nothing can ever run again. The hook is called from the idle
 * thread. The default prints the thread list (name, priority, state, what each waits on) to
 * stderr and exits the process with status K_SIM_EXIT_DEADLOCK. If an installed hook returns,
 * the kernel stops and k_start returns -EDEADLK. NULL restores the default.
 */
typedef void (*k_sim_deadlock_hook_t)(void);
void k_sim_set_deadlock_hook(k_sim_deadlock_hook_t fn);

/**
 * The time gate: couples this process's virtual clock to others (the radio medium, ble/air).
 * Once installed, virtual time never moves past the current gate (idle jumps and CPU time
 * alike) without the kernel first advancing the clock to the gate and calling
 * fn(now_ns, want_ns, arg) in thread context with interrupts masked: `want_ns` is the
 * earliest time at which this process could next do anything (its next kernel timeout or
 * scheduled interrupt, or the end of the CPU time being charged), UINT64_MAX if every
 * thread is blocked forever with nothing scheduled (with a gate installed this is not a
 * deadlock: fn decides). fn may block on the host, may schedule interrupts with
 * k_sim_irq_at() at times >= now_ns (they are delivered in order once it returns, none
 * inside it), and returns the new gate; it is called again while the gate is not past now.
 * Time consumed with interrupts masked or inside an ISR may overshoot the gate (as a
 * masked interrupt is late on hardware): fn is then called at the first delivery point.
 * fn NULL removes the gate. k_init removes it. Installing sets the gate to the current time.
 * Virtual time only (ignored in real time). Context: startup or thread.
 */
typedef uint64_t (*k_sim_gate_fn)(uint64_t now_ns, uint64_t want_ns, void *arg);
void k_sim_set_gate(k_sim_gate_fn fn, void *arg);

/**
 * Writes the thread list, one line per thread ("name prio state waits-on cpu stack"), through
 * out(line, arg). Context: any (interrupts locked while it walks the list).
 */
void k_sim_report_threads(void (*out)(const char *line, void *arg), void *arg);

/** Virtual (or wall, in real-time mode) nanoseconds since k_init; same as k_uptime_ns. */
uint64_t k_sim_now_ns(void);
/** The virtual time of the next kernel timeout or scheduled interrupt, or of the time gate if
 *  that is sooner (UINT64_MAX: none). The interpreter sizes its bytecode budget with it.
 *  Thread context. */
uint64_t k_sim_next_event_ns(void);
/** The time mode k_init was given. */
bool k_sim_is_virtual(void);

#endif // RTOS_SIM_H
