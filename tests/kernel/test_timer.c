// tests/kernel/test_timer.c: software timers (kernel/timer.c): one-shot, periodic without drift
// over 10,000 periods, stop/restart, zero delay, remaining time, callbacks that fall behind,
// stopping from the callback, the service thread's identity and priority.
#include <string.h>

#include "tests/kernel/harness.h"

static struct k_timer tm;
static struct k_sem done;
static struct k_thread th[2];
static volatile uint32_t fired;
static volatile uint32_t last_tick;

static void count_cb(struct k_timer *t, void *arg) {
    fired++;
    last_tick = k_tick_get();
    struct k_thread *self = k_thread_self();
    TH_ASSERT(strcmp(k_thread_name(self), "timer") == 0);
    TH_EQ(k_thread_priority_get(self), K_CFG_TIMER_PRIO);
    TH_ASSERT(!k_is_in_isr());
    if (arg) k_sem_give(arg);
}

static void one_shot(void) {
    fired = 0;
    k_sem_init(&done, 0, 1);
    TH_EQ(k_timer_init(&tm, count_cb, &done), 0);
    TH_ASSERT(!k_timer_is_running(&tm));
    uint32_t t0 = k_tick_get();
    TH_EQ(k_timer_start(&tm, k_timeout_ticks(15), K_NO_WAIT), 0);
    TH_ASSERT(k_timer_is_running(&tm));
    TH_EQ(k_timer_remaining_ticks(&tm), 15);
    k_sleep_ticks(5);
    TH_EQ(k_timer_remaining_ticks(&tm), 10);
    TH_EQ(k_sem_take(&done, K_FOREVER), 0);
    TH_EQ(last_tick - t0, 15);
    TH_EQ(fired, 1);
    TH_EQ(k_timer_expiries(&tm), 1);
    TH_ASSERT(!k_timer_is_running(&tm));
    TH_EQ(k_timer_remaining_ticks(&tm), 0);
    k_sleep_ticks(50);
    TH_EQ(fired, 1);
}

#define PERIODS 10000
#define PERIOD 7
#define DELAY 3
static uint32_t drift_t0;
static volatile uint32_t drift_bad, drift_n;
static volatile int busy_stop;

static void drift_cb(struct k_timer *t, void *arg) {
    uint32_t n = ++drift_n;
    if (k_tick_get() != drift_t0 + DELAY + (n - 1) * PERIOD) drift_bad++;
    if (n == PERIODS) {
        k_timer_stop(t);
        k_sem_give(&done);
    }
}

static void cpu_hog(void *arg) {
    // Odd-sized slices of CPU so that expiries land in the middle of busy time.
    while (!busy_stop)
        k_busy_wait_us(1237);
}

static void periodic_no_drift_10000(void) {
    k_sem_init(&done, 0, 1);
    drift_bad = drift_n = 0;
    busy_stop = 0;
    th_spawn(&th[0], cpu_hog, NULL, TH_PRIO - 1, "hog");
    k_timer_init(&tm, drift_cb, NULL);
    drift_t0 = k_tick_get();
    TH_EQ(k_timer_start(&tm, k_timeout_ticks(DELAY), k_timeout_ticks(PERIOD)), 0);
    TH_EQ(k_sem_take(&done, K_FOREVER), 0);
    busy_stop = 1;
    th_join(&th[0]);
    TH_EQ(drift_n, PERIODS);
    TH_EQ(drift_bad, 0);
    TH_EQ(k_timer_expiries(&tm), PERIODS);
    TH_EQ(k_tick_get() - drift_t0, DELAY + (PERIODS - 1) * PERIOD);
}

static void stop_and_restart(void) {
    fired = 0;
    k_timer_init(&tm, count_cb, NULL);
    TH_EQ(k_timer_stop(&tm), -EALREADY);
    k_timer_start(&tm, k_timeout_ticks(10), k_timeout_ticks(10));
    k_sleep_ticks(5);
    TH_EQ(k_timer_stop(&tm), 0);
    k_sleep_ticks(20);
    TH_EQ(fired, 0);
    TH_EQ(k_timer_expiries(&tm), 0);
    // restart uses the last delay/period, counted from now
    uint32_t t0 = k_tick_get();
    TH_EQ(k_timer_restart(&tm), 0);
    k_sleep_ticks(9);
    TH_EQ(fired, 0);
    TH_EQ(k_timer_restart(&tm), 0); // re-armed from now: 10 more ticks
    k_sleep_ticks(9);
    TH_EQ(fired, 0);
    k_sleep_ticks(1);
    TH_EQ(fired, 1);
    TH_EQ(last_tick - t0, 19);
    k_sleep_ticks(10);
    TH_EQ(fired, 2);
    TH_EQ(k_timer_stop(&tm), 0);
}

static void zero_delay_fires_at_once(void) {
    fired = 0;
    k_timer_init(&tm, count_cb, NULL);
    uint32_t t0 = k_tick_get();
    TH_EQ(k_timer_start(&tm, K_NO_WAIT, k_timeout_ticks(4)), 0);
    TH_EQ(fired, 1); // the service thread is more urgent than we are
    TH_EQ(last_tick, t0);
    k_sleep_ticks(8);
    TH_EQ(fired, 3);
    k_timer_stop(&tm);
}

static volatile uint32_t slow_calls;

static void slow_cb(struct k_timer *t, void *arg) {
    if (++slow_calls == 1) k_sleep_ticks(7); // falls behind: expiries at 4, 6, 8 pile up
}

static void callbacks_not_lost_when_late(void) {
    slow_calls = 0;
    k_timer_init(&tm, slow_cb, NULL);
    k_timer_start(&tm, k_timeout_ticks(2), k_timeout_ticks(2));
    k_sleep_ticks(8);
    TH_EQ(slow_calls, 1);
    TH_EQ(k_timer_expiries(&tm), 4);
    k_sleep_ticks(1); // tick 9: the first callback returns, the 3 late ones run
    TH_EQ(slow_calls, 4);
    k_sleep_ticks(11); // tick 20
    TH_EQ(slow_calls, 10);
    TH_EQ(k_timer_expiries(&tm), 10);
    TH_EQ(k_timer_stop(&tm), 0);
}

static void self_stop_cb(struct k_timer *t, void *arg) {
    fired++;
    if (fired == 3) TH_EQ(k_timer_stop(t), 0);
}

static void stop_from_callback(void) {
    fired = 0;
    k_timer_init(&tm, self_stop_cb, NULL);
    k_timer_start(&tm, k_timeout_ticks(1), k_timeout_ticks(1));
    k_sleep_ticks(10);
    TH_EQ(fired, 3);
    TH_ASSERT(!k_timer_is_running(&tm));
}

static void arg_and_errors(void) {
    TH_EQ(k_timer_init(NULL, count_cb, NULL), -EINVAL);
    TH_EQ(k_timer_init(&tm, NULL, NULL), -EINVAL);
    k_timer_init(&tm, count_cb, NULL);
    TH_EQ(k_timer_start(&tm, K_FOREVER, K_NO_WAIT), -EINVAL);
    TH_EQ(k_timer_start(&tm, k_timeout_ticks(1), K_FOREVER), -EINVAL);
    TH_EQ(k_timer_start(NULL, k_timeout_ticks(1), K_NO_WAIT), -EINVAL);
    TH_EQ(k_timer_stop(NULL), -EINVAL);
    TH_ASSERT(!k_timer_is_running(NULL));
    TH_EQ(k_timer_expiries(NULL), 0);
    TH_EQ(k_timer_remaining_ticks(NULL), 0);
}

static struct k_timer tms[3];

static void log_cb(struct k_timer *t, void *arg) {
    th_log(arg);
}

static void several_timers_in_deadline_order(void) {
    k_timer_init(&tms[0], log_cb, "c");
    k_timer_init(&tms[1], log_cb, "a");
    k_timer_init(&tms[2], log_cb, "b");
    k_timer_start(&tms[0], k_timeout_ticks(30), K_NO_WAIT);
    k_timer_start(&tms[1], k_timeout_ticks(10), K_NO_WAIT);
    k_timer_start(&tms[2], k_timeout_ticks(20), K_NO_WAIT);
    k_sleep_ticks(31);
    TH_LOG_EQ("a b c");
}

static const struct th_case cases[] = {
    TH_CASE(one_shot),
    TH_CASE(periodic_no_drift_10000),
    TH_CASE(stop_and_restart),
    TH_CASE(zero_delay_fires_at_once),
    TH_CASE(callbacks_not_lost_when_late),
    TH_CASE(stop_from_callback),
    TH_CASE(arg_and_errors),
    TH_CASE(several_timers_in_deadline_order),
};

const struct th_suite th_suite_timer = TH_SUITE("timer", cases);
