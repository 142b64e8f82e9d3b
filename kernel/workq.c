// kernel/workq.c: work queues: a FIFO of caller-owned work items run one at a time by a thread.
// The system work queue is served by the kernel's timer service thread ("timer", priority
// K_CFG_TIMER_PRIO), which also runs software timer callbacks: interrupts defer work there.
// Invariant: a work item is on at most one queue, once (`pending`); submitting a pending item
// is refused with -EBUSY rather than queued twice. Submission is O(1) and ISR-safe.
#include "kernel/internal/workq.h"

#include "kernel/internal/sched.h"
#include "kernel/internal/thread.h"
#include "kernel/internal/wait.h"

// The timer service thread's stack: kernel memory, but not kernel state (k_init does not
// clear it; kern_thread_create paints it).
static K_STACK_DEFINE(sysq_stack, K_CFG_TIMER_STACK_SIZE);

// The thread of every work queue. Items run one at a time, in submission order, with the
// kernel unlocked; `pending` is cleared before the handler runs, so a handler may submit its
// own item again.
static void worker(void *arg) {
    struct k_work_q *q = arg;
    for (;;) {
        unsigned key = kern_lock();
        struct k_dnode *n;
        while ((n = kern_dlist_first(&q->items)) == NULL) {
            if (q->stopping) {
                kern_unlock(key);
                return; // k_work_q_stop: exit once drained
            }
            kern_pend_prepare(&q->idle, K_FOREVER); // woken by a submit or a stop
            (void)kern_pend_finish(key);
            key = kern_lock();
        }
        struct k_work *w = KERN_CONTAINER_OF(n, struct k_work, node);
        kern_dlist_remove(n);
        w->pending = 0;
        kern_unlock(key);
        w->fn(w);
    }
}

static void queue_setup(struct k_work_q *q) {
    kern_dlist_init(&q->items);
    kern_waitq_init(&q->idle, K_WAIT_WORK);
    q->stopping = 0;
}

void kern_workq_start_system(void) {
    struct k_work_q *q = &kern_k.sysq;
    queue_setup(q);
    int err = kern_thread_create(&q->thread, sysq_stack, sizeof sysq_stack, worker, q,
                                 K_CFG_TIMER_PRIO, "timer", true);
    KERN_ASSERT(err == 0);
}

// O(1) and callable from an ISR: a list append and, if the worker sleeps, one wake-up.
int kern_work_submit_locked(struct k_work_q *q, struct k_work *w) {
    if (!q->items.next || q->stopping) return -EINVAL; // never started, or stopping
    if (w->pending) return -EBUSY;
    kern_dlist_append(&q->items, &w->node);
    w->pending = 1;
    w->queue = q;
    struct k_thread *t = kern_waitq_first(&q->idle);
    if (t) {
        kern_wake(t, 0);
        kern_sched_resched();
    }
    return 0;
}

bool kern_work_cancel_locked(struct k_work *w) {
    if (!w->pending) return false;
    kern_dlist_remove(&w->node);
    w->pending = 0;
    return true;
}

int k_work_init(struct k_work *w, k_work_fn fn) {
    KERN_ARG_CHECK(w && fn, -EINVAL);
    w->node.next = w->node.prev = NULL;
    w->fn = fn;
    w->queue = NULL;
    w->pending = 0;
    return 0;
}

int k_work_submit_to(struct k_work_q *q, struct k_work *w) {
    KERN_ARG_CHECK(q && w && w->fn, -EINVAL);
    unsigned key = kern_lock();
    int err = kern_work_submit_locked(q, w);
    kern_unlock(key);
    return err;
}

int k_work_submit(struct k_work *w) {
    return k_work_submit_to(&kern_k.sysq, w);
}

int k_work_cancel(struct k_work *w) {
    KERN_ARG_CHECK(w, -EINVAL);
    unsigned key = kern_lock();
    bool was = kern_work_cancel_locked(w);
    kern_unlock(key);
    return was ? 0 : -EALREADY;
}

bool k_work_is_pending(const struct k_work *w) {
    return w && w->pending;
}

// A running queue keeps its thread, so a second start is refused before its list is reset.
int k_work_q_start(struct k_work_q *q, void *stack, size_t stack_size, int prio, const char *name) {
    KERN_ARG_CHECK(q, -EINVAL);
    unsigned key = kern_lock();
    bool busy = kern_thread_is_live(&q->thread);
    kern_unlock(key);
    if (busy) return -EBUSY;
    queue_setup(q);
    int err = k_thread_create(&q->thread, stack, stack_size, worker, q, prio, name);
    if (err) q->items.next = NULL;
    return err;
}

// The system queue is the timer service thread: it cannot be stopped.
int k_work_q_stop(struct k_work_q *q) {
    KERN_ARG_CHECK(q && q != &kern_k.sysq, -EINVAL);
    unsigned key = kern_lock();
    int err = 0;
    if (!q->items.next) {
        err = -EINVAL;
    } else {
        q->stopping = 1;
        struct k_thread *t = kern_waitq_first(&q->idle);
        if (t) {
            kern_wake(t, 0);
            kern_sched_resched();
        }
    }
    kern_unlock(key);
    return err;
}

struct k_thread *k_work_q_thread(struct k_work_q *q) {
    return q ? &q->thread : NULL;
}
