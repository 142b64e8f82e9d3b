// kernel/internal/arch.h: the contract between the portable kernel and an arch port
// (kernel/arch/posix: host simulation; kernel/arch/cortex-m: PendSV/SysTick/BASEPRI).
// The model is Cortex-M's: the kernel never switches stacks itself. It updates the ready
// queue, then calls arch_switch_request() ("pend a switch"); the port performs the switch at
// the next point where interrupts are unlocked and no ISR is active (PendSV; on the host, at
// k_irq_unlock or at the end of a simulated interrupt) by calling kern_sched_switch(), which
// picks the thread to run and does the bookkeeping. A blocking call therefore is: lock, queue
// the caller, request a switch, unlock (the switch happens inside the unlock), read the result.
// Ticks come from the port's tick source as kern_clock_announce(n) in interrupt context.
#ifndef KERNEL_INTERNAL_ARCH_H
#define KERNEL_INTERNAL_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rtos/kernel.h"

// --- interrupt masking -------------------------------------------------------------------
// (Cortex-M: these four and arch_switch_request are static inline, in cm_arch.h.)
#if K_CFG_ARCH_POSIX
// Masks kernel-aware interrupts; returns the previous state as a key. Nestable. Any context.
unsigned arch_irq_lock(void);
// Restores the state in `key`. When that unmasks interrupts in thread context, pending
// interrupts run and a pending switch is taken before it returns.
void arch_irq_unlock(unsigned key);
// True if `key` (from arch_irq_lock) means interrupts were unmasked before the lock.
bool arch_irq_unlocked(unsigned key);
// True in interrupt context.
bool arch_in_isr(void);
#else
#include "kernel/arch/cortex-m/cm_arch.h"
#endif // K_CFG_ARCH_POSIX

// --- threads and switching ---------------------------------------------------------------
// Prepares t's first context on t->stack / t->stack_size (already painted) so that, when
// first switched to, it calls kern_thread_entry(t) with interrupts unmasked. Returns 0 or
// -errno. Called with interrupts locked.
int arch_thread_init(struct k_thread *t);
// Requests a context switch at the next point where interrupts are unmasked in thread context
// (immediately after the outermost ISR, or inside the arch_irq_unlock that unmasks them).
#if K_CFG_ARCH_POSIX
void arch_switch_request(void);
#endif // K_CFG_ARCH_POSIX
// The current thread `self` has exited: switch to `next` and never come back. If `stop`, the
// last application thread has gone: the host port ends k_start (hardware ports ignore it).
// Called with interrupts locked.
_Noreturn void arch_thread_exit(struct k_thread *self, struct k_thread *next, bool stop);
// Starts running `first` (k_start). Hardware: never returns. Host: returns the stop code.
int arch_start(struct k_thread *first);
// Stops the system with `code` (host: k_start returns it). Any context.
_Noreturn void arch_stop(int code);

// --- time, idle, misc ----------------------------------------------------------------------
// Resets the port for a new kernel run: time to 0, tick source at cfg->tick_hz. The host port
// also discards host threads left over from a previous run that never reached k_start.
void arch_init(const struct k_config *cfg);
// Nanoseconds since arch_init, finer than a tick. Any context.
uint64_t arch_clock_ns(void);
// Busy-waits `ns` (host virtual time: charged as CPU time). Any context.
void arch_busy_wait_ns(uint64_t ns);
// Called by the idle thread in a loop with interrupts unmasked: wait for the next interrupt
// (Cortex-M: WFI; host: jump virtual time to the next event, or detect a deadlock).
void arch_idle(void);
// Called at the start of each kernel call made by a thread (host virtual time: charge the
// call cost and deliver what falls due; hardware: nothing, inlined away).
#if K_CFG_ARCH_POSIX
void arch_call_cost(void);
#else
static inline void arch_call_cost(void) {}
#endif // K_CFG_ARCH_POSIX
// Called before a stack is painted (host ASan: clear stale poisoning of reused stack memory).
void arch_stack_prepare(void *stack, size_t size);
// Fatal error after the panic hook returned. Interrupts are locked.
_Noreturn void arch_panic(int reason);

// --- provided by the portable kernel, called by ports ---------------------------------------
// Entry of every new thread (runs t->entry, then k_thread_exit).
_Noreturn void kern_thread_entry(struct k_thread *t);
// Performs the bookkeeping of a pended switch and returns the thread to run (may be `from`).
// Called by the port with interrupts locked, in thread context.
struct k_thread *kern_sched_switch(struct k_thread *from);
// Tick interrupt: `n` ticks have elapsed. ISR context.
void kern_clock_announce(uint32_t n);
// Ticks until the kernel next needs a tick (a timeout expiring or a slice ending), at least
// 1; UINT32_MAX if nothing is pending. Lets a tickless port skip ticks. Interrupts locked.
uint32_t kern_clock_ticks_to_next_event(void);

#endif // KERNEL_INTERNAL_ARCH_H
