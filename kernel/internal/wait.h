// kernel/internal/wait.h: wait queues and the block/wake protocol (kernel/wait.c).
// A wait queue is sorted by effective priority (most urgent first), FIFO among equals, so
// wakers take the head. Blocking: lock; kern_pend_prepare (queues the caller, arms its
// timeout); object-specific work; kern_pend_finish (requests the switch, unlocks; the switch
// happens in the unlock) returns the wait's result, set by whoever ended the wait.
#ifndef KERNEL_INTERNAL_WAIT_H
#define KERNEL_INTERNAL_WAIT_H

#include "kernel/internal/init.h"

void kern_waitq_init(struct k_waitq *wq, enum k_wait_kind kind);
static inline bool kern_waitq_empty(const struct k_waitq *wq) {
    return kern_dlist_empty(&wq->list);
}
// Most urgent waiter, or NULL.
struct k_thread *kern_waitq_first(const struct k_waitq *wq);
// Blocks the current thread on wq for `timeout` (not K_NO_WAIT). Interrupts locked.
void kern_pend_prepare(struct k_waitq *wq, k_timeout_t timeout);
// Switches away and, once the wait has ended, unlocks `key` and returns its result
// (0, -EAGAIN on timeout, or what the waker gave).
int kern_pend_finish(unsigned key);
// Ends t's wait (t is PENDING on a wait queue) with `result`: dequeues it, cancels its
// timeout, makes it ready unless suspended. Does not request a switch. Interrupts locked.
void kern_wake(struct k_thread *t, int result);
// Wakes every waiter with `result`; returns how many. Interrupts locked.
unsigned kern_waitq_wake_all(struct k_waitq *wq, int result);
// Blocks the current thread as SLEEPING for `ticks` (>= 1); then kern_pend_finish.
// Sleeping shares the thread's timeout and its handler with waits.
void kern_sleep_prepare(uint32_t ticks);
// Re-sorts t in its wait queue after its priority changed. Interrupts locked.
void kern_waitq_reposition(struct k_thread *t);

#endif // KERNEL_INTERNAL_WAIT_H
