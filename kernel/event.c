// kernel/event.c: 32 event flags with any/all waits and optional clear-on-exit.
// A set judges every waiter against the same value (the flags right after the set); waiters
// that asked for K_EVENT_CLEAR have their mask bits cleared once all waiters were judged, so
// several waiters can be released by one set even if each clears. Cost: O(waiters) per set,
// with interrupts locked.
#include "kernel/internal/sched.h"
#include "kernel/internal/wait.h"

// ALL: every bit of the mask; ANY: at least one.
static inline bool satisfied(uint32_t bits, uint32_t mask, unsigned opt) {
    return (opt & K_EVENT_ALL) ? (bits & mask) == mask : (bits & mask) != 0;
}

int k_event_init(struct k_event *e) {
    KERN_ARG_CHECK(e, -EINVAL);
    kern_waitq_init(&e->waiters, K_WAIT_EVENT);
    e->bits = 0;
    return 0;
}

uint32_t k_event_set(struct k_event *e, uint32_t bits) {
    KERN_ARG_CHECK(e, 0);
    unsigned key = kern_lock();
    e->bits |= bits;
    // Every waiter is judged on `seen`; clear-on-exit bits are collected and cleared after the
    // loop, so one waiter's clear cannot hide the set from a less urgent one.
    uint32_t seen = e->bits, clear = 0;
    bool woke = false;
    for (struct k_dnode *n = e->waiters.list.next; n != &e->waiters.list;) {
        struct k_thread *t = KERN_CONTAINER_OF(n, struct k_thread, node);
        n = n->next; // kern_wake unlinks t
        if (satisfied(seen, t->wait_u32, t->wait_opt)) {
            if (t->wait_opt & K_EVENT_CLEAR) clear |= t->wait_u32;
            t->wait_u32 = seen & t->wait_u32; // in: its mask; out: what matched
            kern_wake(t, 0);
            woke = true;
        }
    }
    e->bits &= ~clear;
    uint32_t after = e->bits;
    if (woke) kern_sched_resched();
    kern_unlock(key);
    kern_trace_obj(K_TRACE_EVENT_SET, e, 0);
    return after;
}

uint32_t k_event_clear(struct k_event *e, uint32_t bits) {
    KERN_ARG_CHECK(e, 0);
    unsigned key = kern_lock();
    uint32_t before = e->bits;
    e->bits &= ~bits;
    kern_unlock(key);
    return before;
}

uint32_t k_event_get(const struct k_event *e) {
    return e ? e->bits : 0;
}

static int event_wait(struct k_event *e, uint32_t mask, unsigned options, k_timeout_t timeout,
                      uint32_t *matched) {
    if (matched) *matched = 0;
    KERN_ARG_CHECK(e && mask && !(options & ~(K_EVENT_ALL | K_EVENT_CLEAR)), -EINVAL);
    if (arch_in_isr() && !k_timeout_is_none(timeout)) return -EPERM;
    unsigned key = kern_lock();
    int err;
    if (satisfied(e->bits, mask, options)) {
        if (matched) *matched = e->bits & mask;
        if (options & K_EVENT_CLEAR) e->bits &= ~mask;
        err = 0;
    } else if (k_timeout_is_none(timeout)) {
        err = -EAGAIN;
    } else if ((err = kern_block_check(key)) == 0) {
        // The condition travels with the thread, so k_event_set can judge each waiter.
        struct k_thread *cur = kern_k.current;
        cur->wait_u32 = mask;
        cur->wait_opt = (uint8_t)options;
        kern_pend_prepare(&e->waiters, timeout);
        err = kern_pend_finish(key);
        if (!err && matched) *matched = cur->wait_u32;
        return err;
    }
    kern_unlock(key);
    return err;
}

int k_event_wait(struct k_event *e, uint32_t mask, unsigned options, k_timeout_t timeout,
                 uint32_t *matched) {
    return kern_trace_obj(K_TRACE_EVENT_WAIT, e, event_wait(e, mask, options, timeout, matched));
}
