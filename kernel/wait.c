// kernel/wait.c: wait queues and the generic block / wake / timeout protocol.
// A thread blocked on an object sits on the object's wait queue (sorted by effective priority,
// FIFO among equals) and, for a finite timeout, on the timeout list. Exactly one of the waker
// and the timeout ends the wait: both run with interrupts locked and the first dequeues it.
// Cost: insertion is O(waiters) (a sorted list); waking the head is O(1).
#include "kernel/internal/wait.h"

#include "kernel/internal/mutex.h"
#include "kernel/internal/sched.h"
#include "kernel/internal/timeout.h"

void kern_waitq_init(struct k_waitq *wq, enum k_wait_kind kind) {
    kern_dlist_init(&wq->list);
    wq->kind = (uint8_t)kind;
}

struct k_thread *kern_waitq_first(const struct k_waitq *wq) {
    struct k_dnode *n = kern_dlist_first(&wq->list);
    return n ? KERN_CONTAINER_OF(n, struct k_thread, node) : NULL;
}

// Behind every waiter at least as urgent: priority order, then arrival.
static void waitq_insert(struct k_waitq *wq, struct k_thread *t) {
    struct k_dnode *n;
    for (n = wq->list.next; n != &wq->list; n = n->next) {
        if (KERN_CONTAINER_OF(n, struct k_thread, node)->prio < t->prio) break;
    }
    kern_dlist_insert_before(n, &t->node);
}

// Timeout of a pending or sleeping thread (tick ISR, interrupts locked). A waker that got
// there first has already cancelled the timeout, so reaching here means the wait failed.
static void thread_timeout(struct k_timeout_entry *e) {
    struct k_thread *t = KERN_CONTAINER_OF(e, struct k_thread, timeout);
    if (t->flags & KT_PENDING) {
        kern_wake(t, -EAGAIN);
        // A mutex waiter that gives up may lower the priority its owner chain inherited.
        if (t->wait_mutex) kern_mutex_wait_abandoned(t);
    } else if (t->flags & KT_SLEEPING) {
        kern_sched_unblock(t, KT_SLEEPING);
    }
    kern_sched_resched();
}

// Split from kern_pend_finish so an object can act between queuing the caller and switching
// away (the mutex propagates inheritance to its owner only once the waiter is queued).
void kern_pend_prepare(struct k_waitq *wq, k_timeout_t timeout) {
    struct k_thread *cur = kern_k.current;
    kern_sched_block(cur, KT_PENDING);
    cur->pended_on = wq;
    cur->wait_result = -EAGAIN; // overwritten by a waker
    waitq_insert(wq, cur);
    if (!k_timeout_is_forever(timeout))
        kern_timeout_add(&cur->timeout, timeout.ticks, thread_timeout);
}

// The caller checked kern_block_check(key), so this unlock unmasks interrupts in thread
// context and the port takes the requested switch inside it (PendSV on Cortex-M).
int kern_pend_finish(unsigned key) {
    struct k_thread *cur = kern_k.current;
    arch_switch_request();
    kern_unlock(key); // the switch happens in here; we are back once the wait has ended
    return cur->wait_result;
}

// The one way a wait ends early: dequeue, cancel the timeout, hand over the result. The
// object-specific payload (a queue item, event bits, mutex ownership) is set by the caller
// before or after, still under the same lock, so the woken thread sees it complete.
void kern_wake(struct k_thread *t, int result) {
    kern_dlist_remove(&t->node);
    t->pended_on = NULL;
    if (kern_timeout_armed(&t->timeout)) kern_timeout_cancel(&t->timeout);
    t->wait_result = result;
    kern_sched_unblock(t, KT_PENDING);
}

unsigned kern_waitq_wake_all(struct k_waitq *wq, int result) {
    unsigned n = 0;
    struct k_thread *t;
    while ((t = kern_waitq_first(wq)) != NULL) {
        kern_wake(t, result);
        n++;
    }
    return n;
}

// Priority changed while waiting: remove and re-insert, which also puts it behind the other
// waiters of its new priority (it "arrives" again).
void kern_waitq_reposition(struct k_thread *t) {
    struct k_waitq *wq = t->pended_on;
    kern_dlist_remove(&t->node);
    waitq_insert(wq, t);
}

void kern_sleep_prepare(uint32_t ticks) {
    struct k_thread *cur = kern_k.current;
    cur->wait_result = 0; // a sleep cannot fail once started
    kern_sched_block(cur, KT_SLEEPING);
    kern_timeout_add(&cur->timeout, ticks, thread_timeout);
}
