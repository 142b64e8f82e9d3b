// tests/kernel/test_sem.c: counting semaphores (kernel/sem.c): counting, the limit, timeouts,
// wake order (priority, then arrival), reset, ping-pong between threads.
#include <stdio.h>

#include "tests/kernel/harness.h"

static struct k_sem s1, s2;
static struct k_thread th[4];

static void count_and_take(void) {
    TH_EQ(k_sem_init(&s1, 2, 5), 0);
    TH_EQ(k_sem_count(&s1), 2);
    TH_EQ(k_sem_take(&s1, K_NO_WAIT), 0);
    TH_EQ(k_sem_take(&s1, K_FOREVER), 0);
    TH_EQ(k_sem_count(&s1), 0);
    TH_EQ(k_sem_take(&s1, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_sem_give(&s1), 0);
    TH_EQ(k_sem_give(&s1), 0);
    TH_EQ(k_sem_count(&s1), 2);
    TH_EQ(k_sem_count(NULL), 0);
}

static void limit_refuses_overflow(void) {
    TH_EQ(k_sem_init(&s1, 0, 3), 0);
    for (int i = 0; i < 3; i++)
        TH_EQ(k_sem_give(&s1), 0);
    TH_EQ(k_sem_give(&s1), -EOVERFLOW);
    TH_EQ(k_sem_count(&s1), 3);
    TH_EQ(k_sem_init(&s2, 1, 1), 0); // binary
    TH_EQ(k_sem_give(&s2), -EOVERFLOW);
}

static void init_errors(void) {
    TH_EQ(k_sem_init(NULL, 0, 1), -EINVAL);
    TH_EQ(k_sem_init(&s1, 0, 0), -EINVAL);
    TH_EQ(k_sem_init(&s1, 4, 3), -EINVAL);
    TH_EQ(k_sem_take(NULL, K_NO_WAIT), -EINVAL);
    TH_EQ(k_sem_give(NULL), -EINVAL);
    TH_EQ(k_sem_reset(NULL), -EINVAL);
}

static void take_timeout(void) {
    k_sem_init(&s1, 0, 1);
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_sem_take(&s1, k_timeout_ticks(7)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 7);
    TH_EQ(k_sem_take(&s1, k_timeout_ms(3)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 10);
}

static void give_later(void *arg) {
    k_sleep_ticks((uint32_t)(uintptr_t)arg);
    TH_EQ(k_sem_give(&s1), 0);
}

static void take_before_timeout(void) {
    k_sem_init(&s1, 0, 1);
    th_spawn(&th[0], give_later, (void *)(uintptr_t)4, TH_PRIO - 1, "giver");
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_sem_take(&s1, k_timeout_ticks(10)), 0);
    TH_EQ(k_uptime_ticks() - t0, 4);
    th_join(&th[0]);
}

static void take_log(void *arg) {
    TH_EQ(k_sem_take(&s1, K_FOREVER), 0);
    th_log(k_thread_name(k_thread_self()));
}

static void wake_order_priority_then_fifo(void) {
    k_sem_init(&s1, 0, 10);
    th_spawn(&th[0], take_log, NULL, TH_PRIO + 3, "p13");
    th_spawn(&th[1], take_log, NULL, TH_PRIO + 7, "p17a");
    th_spawn(&th[2], take_log, NULL, TH_PRIO + 7, "p17b");
    th_spawn(&th[3], take_log, NULL, TH_PRIO + 5, "p15");
    for (int i = 0; i < 4; i++)
        TH_EQ(k_sem_give(&s1), 0);
    TH_LOG_EQ("p17a p17b p15 p13");
    for (int i = 0; i < 4; i++)
        th_join(&th[i]);
}

static void wait_result(void *arg) {
    *(int *)arg = k_sem_take(&s1, K_FOREVER);
}

static void reset_cancels_waiters(void) {
    static int r0, r1;
    k_sem_init(&s1, 0, 4);
    th_spawn(&th[0], wait_result, &r0, TH_PRIO + 1, "w0");
    th_spawn(&th[1], wait_result, &r1, TH_PRIO + 1, "w1");
    TH_EQ(k_sem_reset(&s1), 0);
    TH_EQ(r0, -ECANCELED);
    TH_EQ(r1, -ECANCELED);
    k_sem_give(&s1);
    k_sem_give(&s1);
    TH_EQ(k_sem_reset(&s1), 0);
    TH_EQ(k_sem_count(&s1), 0);
    th_join(&th[0]);
    th_join(&th[1]);
}

#define ROUNDS 1000
static int pongs;

static void ponger(void *arg) {
    for (int i = 0; i < ROUNDS; i++) {
        TH_EQ(k_sem_take(&s1, K_FOREVER), 0);
        pongs++;
        TH_EQ(k_sem_give(&s2), 0);
    }
}

static void ping_pong(void) {
    k_sem_init(&s1, 0, 1);
    k_sem_init(&s2, 0, 1);
    pongs = 0;
    th_spawn(&th[0], ponger, NULL, TH_PRIO, "pong");
    uint64_t sw0 = k_switch_count();
    for (int i = 0; i < ROUNDS; i++) {
        TH_EQ(k_sem_give(&s1), 0);
        TH_EQ(k_sem_take(&s2, K_FOREVER), 0);
        TH_EQ(pongs, i + 1);
    }
    TH_ASSERT(k_switch_count() - sw0 >= 2 * ROUNDS);
    th_join(&th[0]);
}

static const struct th_case cases[] = {
    TH_CASE(count_and_take),        TH_CASE(limit_refuses_overflow),
    TH_CASE(init_errors),           TH_CASE(take_timeout),
    TH_CASE(take_before_timeout),   TH_CASE(wake_order_priority_then_fifo),
    TH_CASE(reset_cancels_waiters), TH_CASE(ping_pong),
};

const struct th_suite th_suite_sem = TH_SUITE("sem", cases);
