// kernel/internal/thread.h: thread creation and stack accounting shared with init.c / workq.c.
#ifndef KERNEL_INTERNAL_THREAD_H
#define KERNEL_INTERNAL_THREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "kernel/internal/init.h"

#define KERN_STACK_PAINT 0xaau

// k_thread_create with the KT_SYSTEM flag when `system` (kernel threads) and, for the idle
// thread, priority K_PRIO_NONE (never queued).
int kern_thread_create(struct k_thread *t, void *stack, size_t stack_size, k_thread_entry_t entry,
                       void *arg, int prio, const char *name, bool system);
// True if t is on the list of live threads (safe on uninitialised memory).
bool kern_thread_is_live(const struct k_thread *t);
// False if the lowest K_CFG_STACK_GUARD_BYTES of t's stack lost their paint.
bool kern_thread_stack_guard_ok(const struct k_thread *t);

#endif // KERNEL_INTERNAL_THREAD_H
