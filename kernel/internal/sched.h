// kernel/internal/sched.h: the ready queue and the scheduling decision (kernel/sched.c).
// One FIFO list per priority plus a 32-bit bitmap; the most urgent ready thread is the head of
// list 31 - clz(bitmap): O(1). The idle thread is never queued: it runs when the bitmap is 0.
// All functions are called with interrupts locked.
#ifndef KERNEL_INTERNAL_SCHED_H
#define KERNEL_INTERNAL_SCHED_H

#include <stdbool.h>

#include "kernel/internal/init.h"

void kern_sched_init(void);
// Adds t at the tail of its priority's list (nothing for the idle thread).
void kern_sched_ready(struct k_thread *t);
// Removes t from the ready queue (it must be on it).
void kern_sched_unready(struct k_thread *t);
// The thread that should run now.
struct k_thread *kern_sched_pick(void);
// Requests a switch if the thread that should run is not the current one.
void kern_sched_resched(void);
// Clears `bits` from t's state; queues t if it became ready. Does not request a switch.
void kern_sched_unblock(struct k_thread *t, unsigned bits);
// Sets `bits` in t's state, dequeuing t if it was ready.
void kern_sched_block(struct k_thread *t, unsigned bits);
// Changes t's effective priority, moving it in the ready queue or in its wait queue.
void kern_sched_prio_set(struct k_thread *t, int prio);
// True if t is on the ready queue (or is the idle thread, always runnable).
static inline bool kern_sched_is_ready(const struct k_thread *t) {
    return (t->flags & (KT_ALIVE | KT_BLOCKED)) == KT_ALIVE;
}
// Round-robin: `n` ticks have passed for the current thread (tick ISR).
void kern_sched_slice_tick(uint32_t n);
// Ticks before the current thread's slice ends, UINT32_MAX if it is not sliced.
uint32_t kern_sched_slice_remaining(void);

#endif // KERNEL_INTERNAL_SCHED_H
