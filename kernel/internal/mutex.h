// kernel/internal/mutex.h: the parts of kernel/mutex.c that other kernel files call:
// priority inheritance bookkeeping. All functions: interrupts locked.
#ifndef KERNEL_INTERNAL_MUTEX_H
#define KERNEL_INTERNAL_MUTEX_H

#include "kernel/internal/init.h"

// Recomputes t's effective priority (max of its base and the top waiter of each mutex it
// owns) and, if it changed, applies it and follows the chain (t waits on a mutex whose owner
// must be recomputed in turn). Bounded by the chain length.
void kern_mutex_prio_update(struct k_thread *t);
// t stopped waiting on t->wait_mutex without getting it (timeout): forget the link and lower
// the owner chain's inherited priority if needed.
void kern_mutex_wait_abandoned(struct k_thread *t);
// t is exiting: every mutex it owns passes to its next waiter (or becomes free).
void kern_mutex_release_all(struct k_thread *t);

#endif // KERNEL_INTERNAL_MUTEX_H
