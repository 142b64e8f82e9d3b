// kernel/mutex.c: recursive mutexes with priority inheritance that follows chains.
// Invariant: a thread's effective priority is the maximum of its base priority and the
// effective priority of the most urgent waiter of every mutex it owns; wait queues are
// priority-sorted, so that waiter is the queue head and the maximum is O(owned mutexes).
// When it changes, the change is applied and carried to the owner of the mutex the thread
// itself waits on, and so on down the chain (bounded: cycles are refused with -EDEADLK).
// Unlock hands ownership straight to the head waiter (no thundering herd, no barging).
#include "kernel/internal/mutex.h"

#include "kernel/internal/sched.h"
#include "kernel/internal/wait.h"

// Each owner keeps the list of its mutexes: that is what its inherited priority is computed
// from, and what is released if it exits holding them.
static void acquire(struct k_mutex *m, struct k_thread *t) {
    m->owner = t;
    m->lock_count = 1;
    kern_dlist_append(&t->owned, &m->owner_node);
}

// Iterative, not recursive: the chain can be as long as there are threads, and this runs
// with interrupts masked on a possibly small stack. It stops at the first thread whose
// effective priority does not change, because nothing further down can change either.
void kern_mutex_prio_update(struct k_thread *t) {
    while (t) {
        int p = t->base_prio;
        for (struct k_dnode *n = t->owned.next; n != &t->owned; n = n->next) {
            struct k_mutex *m = KERN_CONTAINER_OF(n, struct k_mutex, owner_node);
            struct k_thread *w = kern_waitq_first(&m->waiters);
            if (w && w->prio > p) p = w->prio;
        }
        if (p == t->prio) return;
        kern_sched_prio_set(t, p); // re-sorts t in the wait queue it may be on
        t = (t->flags & KT_PENDING) && t->wait_mutex ? t->wait_mutex->owner : NULL;
    }
}

// The waiter already left the queue (kern_wake): its owner recomputes without it.
void kern_mutex_wait_abandoned(struct k_thread *t) {
    struct k_mutex *m = t->wait_mutex;
    t->wait_mutex = NULL;
    if (m && m->owner) kern_mutex_prio_update(m->owner);
}

// Passes m (lock count already 0) from its owner to the head waiter, or frees it.
static void release(struct k_mutex *m) {
    kern_dlist_remove(&m->owner_node);
    struct k_thread *w = kern_waitq_first(&m->waiters);
    if (!w) {
        m->owner = NULL;
        m->lock_count = 0;
        return;
    }
    // Direct hand-off: the waiter returns from k_mutex_lock already owning the mutex, so a
    // less urgent thread running meanwhile cannot take it first.
    w->wait_mutex = NULL;
    kern_wake(w, 0);
    acquire(m, w);
    kern_mutex_prio_update(w); // it now inherits from the remaining waiters
}

// An exiting owner's mutexes go to their waiters: they would otherwise wait forever.
void kern_mutex_release_all(struct k_thread *t) {
    struct k_dnode *n;
    while ((n = kern_dlist_first(&t->owned)) != NULL)
        release(KERN_CONTAINER_OF(n, struct k_mutex, owner_node));
}

int k_mutex_init(struct k_mutex *m) {
    KERN_ARG_CHECK(m, -EINVAL);
    kern_waitq_init(&m->waiters, K_WAIT_MUTEX);
    m->owner = NULL;
    m->lock_count = 0;
    m->owner_node.next = m->owner_node.prev = NULL;
    m->contention_hook = NULL;
    m->hook_arg = NULL;
    return 0;
}

static int mutex_lock(struct k_mutex *m, k_timeout_t timeout) {
    KERN_ARG_CHECK(m, -EINVAL);
    if (arch_in_isr()) return -EPERM;
    unsigned key = kern_lock();
    int err;
    struct k_thread *cur = kern_k.current;
    if (!kern_k.running) {
        err = -EPERM; // no thread to own it yet
    } else if (!m->owner) {
        acquire(m, cur); // the uncontended fast path: O(1), no scheduling
        err = 0;
    } else if (m->owner == cur) {
        err = m->lock_count == UINT32_MAX ? -EOVERFLOW : 0;
        if (!err) m->lock_count++;
    } else if (k_timeout_is_none(timeout)) {
        err = -EAGAIN;
    } else if ((err = kern_block_check(key)) == 0) {
        // Waiting would deadlock if the owner chain leads back to us. The walk is bounded
        // because such cycles are never allowed to form.
        for (struct k_thread *o = m->owner; o; o = o->wait_mutex ? o->wait_mutex->owner : NULL) {
            if (o == cur) {
                kern_unlock(key);
                return -EDEADLK;
            }
        }
        // Queue first, then let the owner (and its chain) inherit from the new queue head.
        cur->wait_mutex = m;
        kern_pend_prepare(&m->waiters, timeout);
        if (m->contention_hook) m->contention_hook(m, cur, m->hook_arg);
        kern_mutex_prio_update(m->owner);
        return kern_pend_finish(key); // 0: the unlocker made us the owner
    }
    kern_unlock(key);
    return err;
}

int k_mutex_lock(struct k_mutex *m, k_timeout_t timeout) {
    return kern_trace_obj(K_TRACE_MUTEX_LOCK, m, mutex_lock(m, timeout));
}

static int mutex_unlock(struct k_mutex *m) {
    KERN_ARG_CHECK(m, -EINVAL);
    if (arch_in_isr()) return -EPERM;
    unsigned key = kern_lock();
    struct k_thread *cur = kern_k.running ? kern_k.current : NULL;
    int err = 0;
    if (!m->owner) {
        err = -EINVAL;
    } else if (m->owner != cur) {
        err = -EPERM; // never silent: a non-owner's unlock is a bug in the caller
    } else if (--m->lock_count == 0) {
        // Uncontended, nothing inherited: no thread changed state, so no scheduling to do.
        bool changed = !kern_waitq_empty(&m->waiters);
        release(m);
        if (cur->prio != cur->base_prio) {
            kern_mutex_prio_update(cur); // drop what was inherited through m
            changed = true;
        }
        if (changed) kern_sched_resched();
    }
    kern_unlock(key);
    return err;
}

int k_mutex_unlock(struct k_mutex *m) {
    return kern_trace_obj(K_TRACE_MUTEX_UNLOCK, m, mutex_unlock(m));
}

struct k_thread *k_mutex_owner(const struct k_mutex *m) {
    return m ? m->owner : NULL;
}

uint32_t k_mutex_lock_count(const struct k_mutex *m) {
    return m ? m->lock_count : 0;
}

// The queue is priority-sorted, so its head is the answer. Meant to be polled often (by an
// interpreter holding its lock, once per bytecode boundary): no call cost, no switch.
int k_mutex_waiters_top_priority(const struct k_mutex *m) {
    if (!m) return K_PRIO_NONE;
    unsigned key = arch_irq_lock();
    struct k_thread *w = kern_waitq_first(&m->waiters);
    int p = w ? w->prio : K_PRIO_NONE;
    arch_irq_unlock(key);
    return p;
}

int k_mutex_set_contention_hook(struct k_mutex *m, k_mutex_hook_t fn, void *arg) {
    KERN_ARG_CHECK(m, -EINVAL);
    unsigned key = arch_irq_lock();
    m->contention_hook = fn;
    m->hook_arg = arg;
    arch_irq_unlock(key);
    return 0;
}
