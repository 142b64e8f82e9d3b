// kernel/sched.c: the ready queue, the scheduling decision and the switch bookkeeping.
// Rules: the most urgent ready thread runs; among equals, FIFO, with optional round-robin
// slicing; the running thread stays at the head of its priority's list, so a preempted thread
// resumes before its equal-priority peers. A scheduler lock pins the current thread.
// Everything here is O(1): pick = one count-leading-zeros, queue/dequeue = list splices.
// Bitmap: bit p of ready_bits is set iff ready[p] is non-empty (p = 0..31, 31 most urgent).
// Non-goal: no SMP, no deadline scheduling.
#include "kernel/internal/sched.h"

#include "kernel/internal/thread.h"
#include "kernel/internal/wait.h"

void kern_sched_init(void) {
    for (int p = 0; p < K_PRIO_COUNT; p++)
        kern_dlist_init(&kern_k.ready[p]);
    kern_k.ready_bits = 0;
}

// The idle thread is never queued: an empty bitmap means "run idle", which keeps the pick
// branch-free of a 33rd level and lets all 32 levels belong to applications.
void kern_sched_ready(struct k_thread *t) {
    if (t == &kern_k.idle) return;
    kern_dlist_append(&kern_k.ready[t->prio], &t->node);
    kern_k.ready_bits |= 1u << t->prio;
}

void kern_sched_unready(struct k_thread *t) {
    if (t == &kern_k.idle) return;
    kern_dlist_remove(&t->node);
    if (kern_dlist_empty(&kern_k.ready[t->prio])) kern_k.ready_bits &= ~(1u << t->prio);
}

// Only called with a non-empty bitmap (clz(0) is undefined).
static inline int top_prio(void) {
    return 31 - __builtin_clz(kern_k.ready_bits);
}

// The running thread stays at the head of its list, so without a more urgent thread the head
// of the top list is the current thread itself and no switch is requested. A pinned thread
// (scheduler lock) wins as long as it does not block.
struct k_thread *kern_sched_pick(void) {
    struct k_thread *cur = kern_k.current;
    if (cur && cur->sched_locks && kern_sched_is_ready(cur)) return cur;
    if (!kern_k.ready_bits) return &kern_k.idle;
    return KERN_CONTAINER_OF(kern_k.ready[top_prio()].next, struct k_thread, node);
}

// Called after any change that may make another thread the right one to run. It only
// requests the switch: the port performs it when interrupts are unmasked in thread context,
// which is at once for a thread's own kernel call and at handler exit for an ISR.
void kern_sched_resched(void) {
    if (kern_k.running && kern_sched_pick() != kern_k.current) arch_switch_request();
}

// Block bits are independent (a thread may be PENDING and SUSPENDED): it is ready only when
// none is left, so every wake-up path goes through these two helpers.
void kern_sched_unblock(struct k_thread *t, unsigned bits) {
    bool was_ready = kern_sched_is_ready(t);
    t->flags &= (uint16_t)~bits;
    if (!was_ready && kern_sched_is_ready(t)) {
        kern_sched_ready(t);
        kern_trace_ready(t);
    }
}

void kern_sched_block(struct k_thread *t, unsigned bits) {
    if (kern_sched_is_ready(t)) kern_sched_unready(t);
    t->flags |= (uint16_t)bits;
}

void kern_sched_prio_set(struct k_thread *t, int prio) {
    if (t->prio == prio) return;
    if (t != &kern_k.idle && kern_sched_is_ready(t)) {
        kern_sched_unready(t);
        t->prio = (int8_t)prio;
        // The running thread keeps the CPU against its new equals; others queue behind them.
        if (t == kern_k.current)
            kern_dlist_prepend(&kern_k.ready[prio], &t->node);
        else
            kern_dlist_append(&kern_k.ready[prio], &t->node);
        kern_k.ready_bits |= 1u << prio;
    } else {
        // Blocked: only its place in a wait queue depends on the priority.
        t->prio = (int8_t)prio;
        if (t->flags & KT_PENDING) kern_waitq_reposition(t);
    }
}

// Slicing applies when the current thread is ready, unpinned and has an equal-priority peer.
static bool slicing(const struct k_thread *cur) {
    return kern_k.slice_ticks && cur && cur != &kern_k.idle && kern_sched_is_ready(cur) &&
           !cur->sched_locks && !kern_dlist_single(&kern_k.ready[cur->prio]);
}

// Tick ISR. A thread alone at its level keeps a full slice, so a peer that becomes ready
// later does not find it "already expired". Expiry moves it behind its peers.
void kern_sched_slice_tick(uint32_t n) {
    struct k_thread *cur = kern_k.current;
    if (!slicing(cur)) {
        if (cur) cur->slice_left = (int32_t)kern_k.slice_ticks;
        return;
    }
    cur->slice_left -= (int32_t)n;
    if (cur->slice_left > 0) return;
    cur->slice_left = (int32_t)kern_k.slice_ticks;
    kern_dlist_remove(&cur->node);
    kern_dlist_append(&kern_k.ready[cur->prio], &cur->node);
    kern_sched_resched();
}

// For a tickless port: the slice end is an event it must not skip.
uint32_t kern_sched_slice_remaining(void) {
    struct k_thread *cur = kern_k.current;
    if (!slicing(cur)) return UINT32_MAX;
    return cur->slice_left > 0 ? (uint32_t)cur->slice_left : 1u;
}

// The port's "PendSV": everything the portable kernel does at a switch, in one place so the
// Cortex-M handler stays a register save/restore around one call. `from` may be dead (exit).
struct k_thread *kern_sched_switch(struct k_thread *from) {
    struct k_thread *to = kern_sched_pick();
    if (to == from) return from; // the reason for the request went away meanwhile
    uint64_t now = arch_clock_ns();
    if (from) {
        // CPU time is charged per run; the guard check catches an overflow at the latest
        // when the overflowing thread is switched out (before it corrupts someone else).
        from->cpu_ns += now - from->run_since;
        if (K_CFG_STACK_CHECK && (from->flags & KT_ALIVE) && !kern_thread_stack_guard_ok(from))
            k_panic(K_PANIC_STACK_OVERFLOW);
    }
    to->run_since = now;
    to->slice_left = (int32_t)kern_k.slice_ticks; // a fresh slice at every switch-in
    kern_k.current = to;
    kern_k.switches++;
    if (K_CFG_TRACE && kern_k.switch_hook) kern_k.switch_hook(from, to, kern_k.switch_arg);
    return to;
}

// --- public calls ---------------------------------------------------------------------------

// Behind its equal peers; a more urgent thread cannot be ready (it would be running), so
// the pick is the next equal peer, or the caller again.
void k_yield(void) {
    if (arch_in_isr() || !kern_k.running) return;
    unsigned key = kern_lock();
    struct k_thread *cur = kern_k.current;
    if (cur != &kern_k.idle && kern_sched_is_ready(cur)) {
        kern_dlist_remove(&cur->node);
        kern_dlist_append(&kern_k.ready[cur->prio], &cur->node);
    }
    kern_sched_resched();
    kern_unlock(key);
}

void k_sched_lock(void) {
    if (arch_in_isr() || !kern_k.running) return;
    unsigned key = kern_lock();
    KERN_ASSERT(kern_k.current->sched_locks < UINT8_MAX);
    kern_k.current->sched_locks++;
    kern_unlock(key);
}

// Wake-ups that happened while pinned took effect in the ready queue only; the switch they
// call for is requested here.
void k_sched_unlock(void) {
    if (arch_in_isr() || !kern_k.running) return;
    unsigned key = kern_lock();
    struct k_thread *cur = kern_k.current;
    if (cur->sched_locks && --cur->sched_locks == 0) kern_sched_resched();
    kern_unlock(key);
}

void k_timeslice_set(uint32_t ticks) {
    unsigned key = kern_lock();
    kern_k.slice_ticks = ticks;
    if (kern_k.current) kern_k.current->slice_left = (int32_t)ticks;
    kern_unlock(key);
}

// User critical sections are kernel calls too (on the host they are delivery points and
// charge the call cost), hence kern_lock rather than the bare arch lock.
unsigned k_irq_lock(void) {
    return kern_lock();
}

void k_irq_unlock(unsigned key) {
    kern_unlock(key);
}

bool k_is_in_isr(void) {
    return arch_in_isr();
}

uint64_t k_switch_count(void) {
    return kern_k.switches;
}

// Not a kernel "call" (no cost charged): tracing must not change the traced schedule.
void k_trace_set_switch_hook(k_switch_hook_t fn, void *arg) {
    unsigned key = arch_irq_lock();
    kern_k.switch_hook = fn;
    kern_k.switch_arg = arg;
    arch_irq_unlock(key);
}

int k_trace_set_hooks(const struct k_trace_hooks *hooks) {
    KERN_ARG_CHECK(!hooks || (hooks->ready && hooks->isr && hooks->object), -EINVAL);
    unsigned key = arch_irq_lock();
    kern_k.trace = hooks;
    arch_irq_unlock(key);
    return 0;
}
