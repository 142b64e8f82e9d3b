// kernel/arch/posix/posix.h: state shared by the two halves of the host simulation port:
// posix_core.c (host threads, the baton, interrupt masking, start/stop) and posix_sim.c
// (virtual time, simulated interrupts, idle, deadlock detection).
// Model: one pthread per kernel thread; a thread may run only while it holds the baton
// (posix_state.live), handed over under one host mutex with a condition variable per thread,
// so exactly one kernel thread executes at any time and the kernel's scheduler alone decides
// which. Interrupts are simulated: handlers run on the host thread of the interrupted kernel
// thread, at delivery points (kernel calls, k_sim_consume, interrupt unlock, idle).
#ifndef KERNEL_ARCH_POSIX_POSIX_H
#define KERNEL_ARCH_POSIX_POSIX_H

#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "kernel/internal/arch.h"
#include "rtos/kernel.h"
#include "rtos/sim.h"

// The per-thread context, stored in struct k_thread.arch.
struct posix_thread {
    pthread_t tid;
    pthread_cond_t cv; // signalled when the baton comes to this thread
    jmp_buf exit_jmp;  // k_thread_exit / kill: back to the host thread's start routine
    bool created;      // host thread exists and has not been joined
    bool deferred;     // a system thread whose host thread starts when it first runs
    bool killed;       // kernel stopped: leave at once
};

struct posix_state {
    // --- core (posix_core.c) ---
    pthread_mutex_t mtx;     // baton hand-over and stop
    pthread_cond_t main_cv;  // the k_start caller waits here
    struct k_thread *live;   // the thread allowed to run
    struct k_thread *zombie; // exited, its host thread not yet joined
    bool running;            // between arch_start and the stop
    bool stopped;
    int exit_code;
    unsigned irq_locked; // 0 / 1: interrupts masked
    unsigned isr_depth;  // > 0 in a simulated interrupt handler
    bool switch_pending; // "PendSV"
    // --- simulation (posix_sim.c) ---
    bool virtual_time;
    uint64_t now;       // ns since k_init
    uint64_t next_tick; // time of the next tick interrupt
    uint64_t ns_per_tick;
    uint64_t call_cost;       // ns per kernel call (virtual time)
    uint64_t seq;             // interrupt scheduling order
    struct k_sim_irq *events; // scheduled interrupts by (when, seq)
    struct timespec wall0;    // real time origin
    k_sim_deadlock_hook_t deadlock_hook;
    // The time gate (k_sim_set_gate): virtual time may not pass `gate` without asking gate_fn.
    // UINT64_MAX when none is installed, so the check costs one compare.
    uint64_t gate;
    k_sim_gate_fn gate_fn;
    void *gate_arg;
    // Interrupts raised from foreign host threads (k_sim_irq_raise_async).
    pthread_mutex_t async_mtx;
    pthread_cond_t async_cv; // idle waits here in real time mode
    bool async_cv_ready;     // async_cv initialised (once per process)
    struct k_sim_irq *async_head, *async_tail;
    atomic_bool async_flag;
};

extern struct posix_state arch_posix_s;

static inline struct posix_thread *posix_ctx(struct k_thread *t) {
    return (struct posix_thread *)(void *)t->arch.words;
}

// posix_core.c
// Performs the pended switch, if any (thread context, interrupts unmasked, no ISR).
void arch_posix_take_switch(void);
// Runs handler(arg) as an interrupt, then takes a switch it requested.
void arch_posix_isr_run(void (*handler)(void *arg), void *arg);
// Writes the thread list through out (used by the panic and deadlock reports).
void arch_posix_report(void (*out)(const char *line, void *arg), void *arg);

// posix_sim.c
// Resets the simulation for k_init.
void arch_posix_sim_init(const struct k_config *cfg);
// Delivers whatever interrupts/ticks are due now (thread context, unmasked, no ISR).
void arch_posix_sim_deliver_due(void);
// True if an interrupt or tick is due at the current time (cheap).
bool arch_posix_sim_due(void);

#endif // KERNEL_ARCH_POSIX_POSIX_H
