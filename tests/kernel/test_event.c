// tests/kernel/test_event.c: event flags (kernel/event.c): any/all semantics, clear-on-exit,
// one set releasing several waiters judged on the same value, timeouts, errors.
#include "tests/kernel/harness.h"

static struct k_event ev;
static struct k_thread th[4];

struct waiter {
    uint32_t mask;
    unsigned opt;
    int result;
    uint32_t matched;
};

static void wait_fn(void *arg) {
    struct waiter *w = arg;
    w->result = k_event_wait(&ev, w->mask, w->opt, K_FOREVER, &w->matched);
    th_log(k_thread_name(k_thread_self()));
}

static void set_clear_get(void) {
    TH_EQ(k_event_init(&ev), 0);
    TH_EQ(k_event_get(&ev), 0);
    TH_EQ(k_event_set(&ev, 0x5), 0x5);
    TH_EQ(k_event_set(&ev, 0x2), 0x7);
    TH_EQ(k_event_clear(&ev, 0x4), 0x7); // returns the value before
    TH_EQ(k_event_get(&ev), 0x3);
    TH_EQ(k_event_clear(&ev, 0xffffffffu), 0x3);
    TH_EQ(k_event_get(&ev), 0);
    TH_EQ(k_event_set(&ev, 0x80000000u), 0x80000000u);
    TH_EQ(k_event_get(NULL), 0);
}

static void wait_any(void) {
    static struct waiter w = {.mask = 0x30, .opt = K_EVENT_ANY};
    k_event_init(&ev);
    th_spawn(&th[0], wait_fn, &w, TH_PRIO + 1, "any");
    k_event_set(&ev, 0x01); // not in the mask
    TH_EQ(k_thread_state(&th[0]), K_THREAD_PENDING);
    k_event_set(&ev, 0x20);
    TH_EQ(k_thread_state(&th[0]), K_THREAD_DEAD);
    TH_EQ(w.result, 0);
    TH_EQ(w.matched, 0x20);
    TH_EQ(k_event_get(&ev), 0x21); // no clear requested
    th_join(&th[0]);
}

static void wait_all(void) {
    static struct waiter w = {.mask = 0x7, .opt = K_EVENT_ALL};
    k_event_init(&ev);
    th_spawn(&th[0], wait_fn, &w, TH_PRIO + 1, "all");
    k_event_set(&ev, 0x1);
    k_event_set(&ev, 0x4);
    TH_EQ(k_thread_state(&th[0]), K_THREAD_PENDING);
    k_event_clear(&ev, 0x1);
    k_event_set(&ev, 0x2); // 0x6: still not all
    TH_EQ(k_thread_state(&th[0]), K_THREAD_PENDING);
    k_event_set(&ev, 0x9);
    TH_EQ(w.result, 0);
    TH_EQ(w.matched, 0x7);
    TH_EQ(k_event_get(&ev), 0xf);
    th_join(&th[0]);
}

static void clear_on_exit(void) {
    static struct waiter w = {.mask = 0x3, .opt = K_EVENT_ANY | K_EVENT_CLEAR};
    k_event_init(&ev);
    th_spawn(&th[0], wait_fn, &w, TH_PRIO + 1, "clr");
    TH_EQ(k_event_set(&ev, 0x6), 0x4); // bit 1 matched and was cleared, bit 2 stays
    TH_EQ(w.matched, 0x2);
    th_join(&th[0]);
    // Already satisfied: no wait, still cleared.
    k_event_set(&ev, 0x3);
    uint32_t m = 0;
    TH_EQ(k_event_wait(&ev, 0x3, K_EVENT_ALL | K_EVENT_CLEAR, K_NO_WAIT, &m), 0);
    TH_EQ(m, 0x3);
    TH_EQ(k_event_get(&ev), 0x4);
    TH_EQ(k_event_wait(&ev, 0x4, K_EVENT_ANY, K_NO_WAIT, &m), 0);
    TH_EQ(k_event_get(&ev), 0x4); // no clear asked
}

static void one_set_wakes_all_satisfied(void) {
    static struct waiter a = {.mask = 0x1, .opt = K_EVENT_ANY | K_EVENT_CLEAR};
    static struct waiter b = {.mask = 0x3, .opt = K_EVENT_ALL | K_EVENT_CLEAR};
    static struct waiter c = {.mask = 0x4, .opt = K_EVENT_ANY};
    static struct waiter d = {.mask = 0x1, .opt = K_EVENT_ANY};
    k_event_init(&ev);
    th_spawn(&th[0], wait_fn, &a, TH_PRIO + 4, "a");
    th_spawn(&th[1], wait_fn, &b, TH_PRIO + 3, "b");
    th_spawn(&th[2], wait_fn, &c, TH_PRIO + 2, "c");
    th_spawn(&th[3], wait_fn, &d, TH_PRIO + 1, "d");
    // a clears bit 0, yet b and d, judged on the same value, are released too.
    TH_EQ(k_event_set(&ev, 0x3), 0x0);
    TH_LOG_EQ("a b d");
    TH_EQ(a.matched, 0x1);
    TH_EQ(b.matched, 0x3);
    TH_EQ(d.matched, 0x1);
    TH_EQ(k_thread_state(&th[2]), K_THREAD_PENDING);
    k_event_set(&ev, 0x4);
    TH_EQ(c.matched, 0x4);
    TH_LOG_EQ("a b d c");
    for (int i = 0; i < 4; i++)
        th_join(&th[i]);
}

static void wake_order_by_priority(void) {
    static struct waiter lo = {.mask = 0x1, .opt = K_EVENT_ANY};
    static struct waiter hi = {.mask = 0x1, .opt = K_EVENT_ANY};
    k_event_init(&ev);
    k_sched_lock();
    th_spawn(&th[0], wait_fn, &lo, TH_PRIO + 1, "lo");
    th_spawn(&th[1], wait_fn, &hi, TH_PRIO + 2, "hi");
    k_sched_unlock();
    k_event_set(&ev, 0x1);
    TH_LOG_EQ("hi lo");
    th_join(&th[0]);
    th_join(&th[1]);
}

static void timeout_and_errors(void) {
    k_event_init(&ev);
    uint32_t m = 123;
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_event_wait(&ev, 0x1, K_EVENT_ANY, k_timeout_ticks(8), &m), -EAGAIN);
    TH_EQ(m, 0);
    TH_EQ(k_uptime_ticks() - t0, 8);
    TH_EQ(k_event_wait(&ev, 0x1, K_EVENT_ALL, K_NO_WAIT, NULL), -EAGAIN);
    TH_EQ(k_event_wait(&ev, 0, K_EVENT_ANY, K_NO_WAIT, &m), -EINVAL);
    TH_EQ(k_event_wait(&ev, 1, 0x80, K_NO_WAIT, &m), -EINVAL);
    TH_EQ(k_event_wait(NULL, 1, 0, K_NO_WAIT, &m), -EINVAL);
    TH_EQ(k_event_init(NULL), -EINVAL);
}

static void setter(void *arg) {
    k_sleep_ticks(3);
    k_event_set(&ev, 0x10);
}

static void wait_with_timeout_succeeds(void) {
    k_event_init(&ev);
    th_spawn(&th[0], setter, NULL, TH_PRIO - 1, "setter");
    uint32_t m = 0;
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_event_wait(&ev, 0x30, K_EVENT_ANY | K_EVENT_CLEAR, k_timeout_ticks(20), &m), 0);
    TH_EQ(m, 0x10);
    TH_EQ(k_uptime_ticks() - t0, 3);
    TH_EQ(k_event_get(&ev), 0);
    th_join(&th[0]);
}

static const struct th_case cases[] = {
    TH_CASE(set_clear_get),
    TH_CASE(wait_any),
    TH_CASE(wait_all),
    TH_CASE(clear_on_exit),
    TH_CASE(one_set_wakes_all_satisfied),
    TH_CASE(wake_order_by_priority),
    TH_CASE(timeout_and_errors),
    TH_CASE(wait_with_timeout_succeeds),
};

const struct th_suite th_suite_event = TH_SUITE("event", cases);
