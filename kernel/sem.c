// kernel/sem.c: counting semaphores with a limit.
// Invariant: count > 0 implies no waiter (a give with waiters hands its token straight to the
// most urgent one instead of counting it). A give at the limit is refused (-EOVERFLOW) so a
// lost token is never silent. Give is callable from interrupts; take only polls there.
#include "kernel/internal/sched.h"
#include "kernel/internal/wait.h"

int k_sem_init(struct k_sem *s, uint32_t initial, uint32_t limit) {
    KERN_ARG_CHECK(s && limit >= 1 && initial <= limit, -EINVAL);
    kern_waitq_init(&s->waiters, K_WAIT_SEM);
    s->count = initial;
    s->limit = limit;
    return 0;
}

// From an ISR only polling is allowed, and that is checked before anything else: a call that
// could block is refused even when it would not have needed to (the error shows at once).
static int sem_take(struct k_sem *s, k_timeout_t timeout) {
    KERN_ARG_CHECK(s, -EINVAL);
    if (arch_in_isr() && !k_timeout_is_none(timeout)) return -EPERM;
    unsigned key = kern_lock();
    int err;
    if (s->count) {
        s->count--;
        err = 0;
    } else if (k_timeout_is_none(timeout)) {
        err = -EAGAIN;
    } else if ((err = kern_block_check(key)) == 0) {
        kern_pend_prepare(&s->waiters, timeout);
        return kern_pend_finish(key);
    }
    kern_unlock(key);
    return err;
}

int k_sem_take(struct k_sem *s, k_timeout_t timeout) {
    return kern_trace_obj(K_TRACE_SEM_TAKE, s, sem_take(s, timeout));
}

static int sem_give(struct k_sem *s) {
    KERN_ARG_CHECK(s, -EINVAL);
    unsigned key = kern_lock();
    int err = 0;
    struct k_thread *w = kern_waitq_first(&s->waiters);
    if (w) {
        kern_wake(w, 0); // the token goes to the waiter, never through the count
        kern_sched_resched();
    } else if (s->count >= s->limit) {
        err = -EOVERFLOW;
    } else {
        s->count++;
    }
    kern_unlock(key);
    return err;
}

int k_sem_give(struct k_sem *s) {
    return kern_trace_obj(K_TRACE_SEM_GIVE, s, sem_give(s));
}

uint32_t k_sem_count(const struct k_sem *s) {
    return s ? s->count : 0;
}

// Waiters are told (-ECANCELED) rather than left to their timeouts.
int k_sem_reset(struct k_sem *s) {
    KERN_ARG_CHECK(s, -EINVAL);
    unsigned key = kern_lock();
    s->count = 0;
    if (kern_waitq_wake_all(&s->waiters, -ECANCELED)) kern_sched_resched();
    kern_unlock(key);
    return 0;
}
