// kernel/timer.c: software timers. Expiry happens in the tick interrupt: it counts the
// expiry, re-arms a periodic timer from its own deadline (so it never drifts), and queues the
// timer's work item on the system work queue, whose thread (the timer service thread) runs
// the callback. Expiries that pile up while a callback runs are not lost: `pending` counts
// them and the service thread runs the callback once per expiry.
#include "kernel/internal/sched.h"
#include "kernel/internal/timeout.h"
#include "kernel/internal/workq.h"

// Runs in the timer service thread: one callback per expiry still pending. The count is
// re-read under the lock each time, so a stop or restart from a callback takes effect at once.
static void timer_work(struct k_work *w) {
    struct k_timer *t = KERN_CONTAINER_OF(w, struct k_timer, work);
    for (;;) {
        unsigned key = kern_lock();
        if (!t->pending) {
            kern_unlock(key);
            return;
        }
        t->pending--;
        kern_unlock(key);
        t->fn(t, t->arg);
    }
}

static void expire(struct k_timer *t); // shared by the tick path and a zero-delay start

static void timer_timeout(struct k_timeout_entry *e) {
    expire(KERN_CONTAINER_OF(e, struct k_timer, tmo));
}

// Interrupts locked; at a timeout's deadline, kern_timeout_add is relative to that deadline.
static void expire(struct k_timer *t) {
    t->expiries++;
    t->pending++;
    if (t->period)
        kern_timeout_add(&t->tmo, t->period, timer_timeout);
    else
        t->running = 0;
    (void)kern_work_submit_locked(&kern_k.sysq, &t->work); // -EBUSY: already queued, counted
    kern_sched_resched();
}

// Disarm and forget callbacks not yet run; a callback already running finishes.
static void halt(struct k_timer *t) {
    kern_timeout_cancel(&t->tmo);
    kern_work_cancel_locked(&t->work);
    t->pending = 0;
    t->running = 0;
}

int k_timer_init(struct k_timer *t, k_timer_fn fn, void *arg) {
    KERN_ARG_CHECK(t && fn, -EINVAL);
    t->tmo.node.next = t->tmo.node.prev = NULL;
    k_work_init(&t->work, timer_work);
    t->fn = fn;
    t->arg = arg;
    t->delay = t->period = 0;
    t->pending = t->expiries = 0;
    t->running = 0;
    return 0;
}

static int start(struct k_timer *t, uint32_t delay, uint32_t period) {
    unsigned key = kern_lock();
    halt(t);
    t->expiries = 0;
    t->delay = delay;
    t->period = period;
    t->running = 1;
    if (delay == 0)
        expire(t); // "at once": this tick; a periodic timer then counts from now
    else
        kern_timeout_add(&t->tmo, delay, timer_timeout);
    kern_unlock(key);
    return 0;
}

int k_timer_start(struct k_timer *t, k_timeout_t delay, k_timeout_t period) {
    KERN_ARG_CHECK(t && t->fn, -EINVAL);
    KERN_ARG_CHECK(!k_timeout_is_forever(delay) && !k_timeout_is_forever(period), -EINVAL);
    return start(t, delay.ticks, period.ticks);
}

int k_timer_restart(struct k_timer *t) {
    KERN_ARG_CHECK(t && t->fn, -EINVAL);
    return start(t, t->delay, t->period);
}

int k_timer_stop(struct k_timer *t) {
    KERN_ARG_CHECK(t, -EINVAL);
    unsigned key = kern_lock();
    bool active = t->running || t->pending;
    halt(t);
    kern_unlock(key);
    return active ? 0 : -EALREADY;
}

bool k_timer_is_running(const struct k_timer *t) {
    return t && t->running;
}

uint32_t k_timer_remaining_ticks(const struct k_timer *t) {
    if (!t) return 0;
    unsigned key = arch_irq_lock();
    uint32_t r = kern_timeout_remaining(&t->tmo);
    arch_irq_unlock(key);
    return r;
}

uint32_t k_timer_expiries(const struct k_timer *t) {
    return t ? t->expiries : 0;
}
