// tests/kernel/test_timeout.c: time and timeouts (kernel/timeout.c): unit conversions, the
// uptime clocks, expiry order, timeouts longer than 2^31 ticks, and everything that waits
// across the 32-bit tick wrap (cases flagged TH_TICK_WRAP start TH_WRAP_MARGIN ticks below it).
#include "tests/kernel/harness.h"

static struct k_thread th[3];
static struct k_sem sem;

static void conversions(void) {
    TH_EQ(k_tick_hz(), 1000);
    TH_EQ(k_ms_to_ticks(0), 0);
    TH_EQ(k_ms_to_ticks(1), 1);
    TH_EQ(k_ms_to_ticks(250), 250);
    TH_EQ(k_ms_to_ticks(UINT32_MAX), UINT32_MAX - 1); // saturates below "forever"
    TH_EQ(k_ticks_to_ms(1500), 1500);
    TH_EQ(k_timeout_get_ticks(k_timeout_ms(10)), 10);
    TH_EQ(k_timeout_get_ticks(k_timeout_us(1)), 1); // rounded up
    TH_EQ(k_timeout_get_ticks(k_timeout_us(1000)), 1);
    TH_EQ(k_timeout_get_ticks(k_timeout_us(1001)), 2);
    TH_EQ(k_timeout_get_ticks(k_timeout_us(0)), 0);
    TH_EQ(k_timeout_get_ticks(k_timeout_us(UINT64_MAX)), UINT32_MAX - 1);
    TH_EQ(k_timeout_get_ticks(k_timeout_ticks(UINT32_MAX)), UINT32_MAX - 1);
    TH_ASSERT(k_timeout_is_forever(k_timeout_forever()));
    TH_ASSERT(k_timeout_is_forever(K_FOREVER));
    TH_ASSERT(!k_timeout_is_forever(k_timeout_ms(5)));
    TH_ASSERT(k_timeout_is_none(k_timeout_none()));
    TH_ASSERT(k_timeout_is_none(K_NO_WAIT));
    TH_ASSERT(k_timeout_is_none(k_timeout_ms(0)));
    TH_ASSERT(!k_timeout_is_none(k_timeout_ticks(1)));
}

static void uptime_clocks(void) {
    uint64_t t0 = k_uptime_ticks();
    int64_t ms0 = k_uptime_ms();
    uint64_t us0 = k_uptime_us();
    uint64_t ns0 = k_uptime_ns();
    TH_ASSERT(us0 >= (uint64_t)ms0 * 1000u);
    TH_ASSERT(ns0 >= us0 * 1000u);
    k_sleep_ms(25);
    TH_EQ(k_uptime_ticks() - t0, 25);
    TH_EQ(k_uptime_ms() - ms0, 25);
    k_busy_wait_us(1500); // busy time moves the fine clock by exactly that much (plus calls)
    uint64_t ns1 = k_uptime_ns();
    k_busy_wait_us(1500);
    uint64_t ns2 = k_uptime_ns();
    TH_ASSERT(ns2 - ns1 >= 1500000u && ns2 - ns1 < 1510000u);
    TH_ASSERT(k_uptime_us() >= ns2 / 1000u);
    // The fine clock agrees with the tick clock.
    uint64_t ticks = k_uptime_ticks();
    uint64_t ns = k_uptime_ns();
    TH_ASSERT(ns / 1000000u == ticks || ns / 1000000u == ticks + 1);
    uint32_t tk = k_tick_get(); // tick_start is 0 here
    uint64_t up = k_uptime_ticks();
    TH_ASSERT(up == tk || up == tk + 1u);
}

static void sleep_log(void *arg) {
    k_sleep_ticks((uint32_t)(uintptr_t)arg);
    th_log(k_thread_name(k_thread_self()));
}

static void expiry_order(void) {
    k_sched_lock();
    th_spawn(&th[0], sleep_log, (void *)30, TH_PRIO + 1, "30");
    th_spawn(&th[1], sleep_log, (void *)10, TH_PRIO + 1, "10a");
    th_spawn(&th[2], sleep_log, (void *)10, TH_PRIO + 1, "10b");
    k_sched_unlock();
    th_join(&th[0]);
    th_join(&th[1]);
    th_join(&th[2]);
    TH_LOG_EQ("10a 10b 30");
}

static void long_timeout_beyond_2_31_ticks(void) {
    uint64_t t0 = k_uptime_ticks();
    uint32_t n = 0x90000000u; // more than 2^31 ticks (~28 days at 1 kHz)
    TH_EQ(k_sleep_ticks(n), 0);
    TH_EQ(k_uptime_ticks() - t0, n);
    k_sem_init(&sem, 0, 1);
    t0 = k_uptime_ticks();
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(UINT32_MAX - 1)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, UINT32_MAX - 1);
}

static void busy_wait_is_cpu_time(void) {
    uint64_t ns0 = k_uptime_ns();
    k_busy_wait_us(2500);
    uint64_t ns1 = k_uptime_ns();
    TH_ASSERT(ns1 - ns0 >= 2500000u && ns1 - ns0 < 2510000u);
    uint64_t ticks = k_uptime_ticks();
    TH_ASSERT(ticks == ns1 / 1000000u || ticks == ns1 / 1000000u + 1);
}

// --- across the wrap (TH_TICK_WRAP) -------------------------------------------------------------

static void counter_starts_below_wrap(void) {
    uint32_t t = k_tick_get();
    TH_ASSERT(t >= 0u - TH_WRAP_MARGIN);
    TH_EQ(k_uptime_ticks(), t - (0u - TH_WRAP_MARGIN)); // uptime counts from k_init
    k_sleep_ticks(TH_WRAP_MARGIN + 5);
    TH_EQ(k_tick_get(), t + TH_WRAP_MARGIN + 5); // wrapped
    TH_ASSERT(k_tick_get() < 10);
}

static void sleep_across_wrap(void) {
    uint32_t t0 = k_tick_get();
    uint64_t u0 = k_uptime_ticks();
    TH_EQ(k_sleep_ticks(150), 0);
    TH_EQ(k_tick_get() - t0, 150);
    TH_EQ(k_uptime_ticks() - u0, 150);
}

static void wait_timeout_across_wrap(void) {
    k_sem_init(&sem, 0, 1);
    uint32_t t0 = k_tick_get();
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(200)), -EAGAIN);
    TH_EQ(k_tick_get() - t0, 200);
}

static void order_across_wrap(void) {
    // Deadlines just before, at and after the wrap must fire in time order.
    uint32_t before = TH_WRAP_MARGIN - 10 - k_uptime_ticks();
    k_sched_lock();
    th_spawn(&th[0], sleep_log, (void *)(uintptr_t)(before + 25), TH_PRIO + 1, "after");
    th_spawn(&th[1], sleep_log, (void *)(uintptr_t)(before), TH_PRIO + 1, "before");
    th_spawn(&th[2], sleep_log, (void *)(uintptr_t)(before + 10), TH_PRIO + 1, "at");
    k_sched_unlock();
    th_join(&th[0]);
    th_join(&th[1]);
    th_join(&th[2]);
    TH_LOG_EQ("before at after");
}

static uint32_t wrap_ticks[10];
static volatile int wrap_n;

static void wrap_cb(struct k_timer *t, void *arg) {
    if (wrap_n < 10) wrap_ticks[wrap_n++] = k_tick_get();
}

static void periodic_timer_across_wrap(void) {
    static struct k_timer tm;
    wrap_n = 0;
    k_timer_init(&tm, wrap_cb, NULL);
    uint32_t t0 = k_tick_get();
    k_timer_start(&tm, k_timeout_ticks(30), k_timeout_ticks(30));
    k_sleep_ticks(301);
    k_timer_stop(&tm);
    TH_EQ(wrap_n, 10);
    for (int i = 0; i < 10; i++)
        TH_EQ(wrap_ticks[i] - t0, 30u * (uint32_t)(i + 1));
}

static void sleep_until_across_wrap(void) {
    uint32_t wake = k_tick_get();
    uint32_t first = wake;
    for (int i = 1; i <= 20; i++) {
        TH_EQ(k_sleep_until(&wake, 9), 0);
        TH_EQ(k_tick_get() - first, 9u * (uint32_t)i);
    }
}

static void timer_remaining_across_wrap(void) {
    static struct k_timer tm;
    k_timer_init(&tm, wrap_cb, NULL);
    k_timer_start(&tm, k_timeout_ticks(TH_WRAP_MARGIN + 50), K_NO_WAIT);
    TH_EQ(k_timer_remaining_ticks(&tm), TH_WRAP_MARGIN + 50);
    k_sleep_ticks(TH_WRAP_MARGIN + 20); // now past the wrap
    TH_EQ(k_timer_remaining_ticks(&tm), 30);
    k_timer_stop(&tm);
}

static const struct th_case cases[] = {
    TH_CASE(conversions),
    TH_CASE(uptime_clocks),
    TH_CASE(expiry_order),
    TH_CASE(long_timeout_beyond_2_31_ticks),
    TH_CASE(busy_wait_is_cpu_time),
    TH_CASE_FLAGS(counter_starts_below_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(sleep_across_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(wait_timeout_across_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(order_across_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(periodic_timer_across_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(sleep_until_across_wrap, TH_TICK_WRAP),
    TH_CASE_FLAGS(timer_remaining_across_wrap, TH_TICK_WRAP),
};

const struct th_suite th_suite_timeout = TH_SUITE("timeout", cases);
