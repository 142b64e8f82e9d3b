// kernel/internal/init.h: the kernel's state (one struct, kern_k) and the helpers every kernel
// object uses: locking, argument checks, thread state bits.
// Invariants: a thread is on a ready list iff (flags & (KT_ALIVE | KT_BLOCKED)) == KT_ALIVE and
// it is not the idle thread; kern_k.current is the running thread (or the interrupted one, in
// an ISR) once the kernel runs. All of kern_k is protected by the interrupt lock.
#ifndef KERNEL_INTERNAL_INIT_H
#define KERNEL_INTERNAL_INIT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/internal/arch.h"
#include "kernel/internal/dlist.h"
#include "rtos/kernel.h"

// Thread state bits (struct k_thread.flags).
#define KT_ALIVE 0x01u     // created, not exited
#define KT_PENDING 0x02u   // on a wait queue
#define KT_SLEEPING 0x04u  // in k_sleep
#define KT_SUSPENDED 0x08u // k_thread_suspend
#define KT_DEAD 0x10u      // exited
#define KT_SYSTEM 0x20u    // idle / timer service: does not keep k_start running
#define KT_BLOCKED (KT_PENDING | KT_SLEEPING | KT_SUSPENDED)

struct kern_state {
    struct k_thread *current;
    uint32_t ready_bits;                // bit p set iff ready[p] is not empty
    struct k_dnode ready[K_PRIO_COUNT]; // FIFO per priority; the running thread stays at its head
    struct k_dnode threads;             // every live thread, in creation order
    struct k_dnode timeouts;            // armed timeouts, by deadline
    uint32_t tick;                      // 32-bit tick counter (wraps)
    uint64_t ticks;                     // ticks since k_init
    uint32_t tick_hz;
    uint32_t ns_per_tick;
    uint32_t slice_ticks; // 0 = no round-robin
    uint32_t app_threads; // live threads without KT_SYSTEM
    uint64_t switches;
    bool running;
    uint8_t panicking; // k_panic nesting (a panic inside the panic hook skips the hook)
    void (*idle_hook)(void);
    k_switch_hook_t switch_hook;
    void *switch_arg;
    const struct k_trace_hooks *trace; // NULL: tracing off
    k_panic_hook_t panic_hook;
    struct k_thread idle;
    struct k_work_q sysq; // system work queue = timer service thread
};

extern struct kern_state kern_k;

// On every kernel call's path: inlined even at -Os (where GCC may otherwise emit calls).
#if defined(__GNUC__)
#define KERN_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define KERN_ALWAYS_INLINE inline
#endif // __GNUC__

// Lock taken by a kernel call made on behalf of the caller (charges the call on the host).
static KERN_ALWAYS_INLINE unsigned kern_lock(void) {
    arch_call_cost();
    return arch_irq_lock();
}

static KERN_ALWAYS_INLINE void kern_unlock(unsigned key) {
    arch_irq_unlock(key);
}

// Whether the current thread may block now (key: the lock taken by the call).
// 0, -EPERM (ISR or kernel not started) or -EDEADLK (interrupts or scheduler locked).
static inline int kern_block_check(unsigned key) {
    if (arch_in_isr() || !kern_k.running) return -EPERM;
    if (!arch_irq_unlocked(key) || kern_k.current->sched_locks) return -EDEADLK;
    return 0;
}

// Trace hook points: one pointer test when no table is installed (none at all if K_CFG_TRACE 0).
static KERN_ALWAYS_INLINE void kern_trace_ready(struct k_thread *t) {
    if (K_CFG_TRACE && kern_k.trace) kern_k.trace->ready(t, kern_k.trace->arg);
}

static KERN_ALWAYS_INLINE void kern_trace_isr(const char *name, bool enter) {
    if (K_CFG_TRACE && kern_k.trace) kern_k.trace->isr(name, enter, kern_k.trace->arg);
}

static KERN_ALWAYS_INLINE int kern_trace_obj(enum k_trace_op op, const void *obj, int result) {
    if (K_CFG_TRACE && kern_k.trace) kern_k.trace->object(op, obj, result, kern_k.trace->arg);
    return result;
}

// Argument checks: vanish, return `ret` (may be empty in void functions), or panic.
#if !K_CFG_ARG_CHECK
#define KERN_ARG_CHECK(cond, ret) ((void)0)
#elif K_CFG_ARG_CHECK_PANIC
#define KERN_ARG_CHECK(cond, ret)                                                                  \
    do {                                                                                           \
        if (!(cond)) k_panic(K_PANIC_BAD_ARG);                                                     \
    } while (0)
#else
#define KERN_ARG_CHECK(cond, ret)                                                                  \
    do {                                                                                           \
        if (!(cond)) return ret;                                                                   \
    } while (0)
#endif // K_CFG_ARG_CHECK

// Reads memory outside the sanitizer's view (other threads' stacks, for paint scans).
#if defined(__GNUC__)
#define KERN_NO_ASAN __attribute__((no_sanitize_address))
#else
#define KERN_NO_ASAN
#endif // __GNUC__

// Internal invariant check (always on: a broken invariant is a kernel bug).
#define KERN_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) k_panic(K_PANIC_ASSERT);                                                      \
    } while (0)

#endif // KERNEL_INTERNAL_INIT_H
