// tests/kernel/test_sched.c: scheduling rules (kernel/sched.c): preemption on wake-up, FIFO
// among equals, yield, round-robin slicing, the scheduler and interrupt locks, the trace hook,
// all 32 priority levels.
#include <stdio.h>
#include <string.h>

#include "tests/kernel/harness.h"

static struct k_thread ta, tb, tc;
static struct k_sem sem;

static void log_arg(void *arg) {
    th_log(arg);
}

static void take_and_log(void *arg) {
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    th_log(arg);
}

static void wake_preempts_at_once(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&ta, take_and_log, "H", TH_PRIO + 2, "H");
    th_log("give");
    TH_EQ(k_sem_give(&sem), 0); // H is more urgent: it runs inside the give
    th_log("after");
    th_join(&ta);
    TH_LOG_EQ("give H after");
}

static void equal_wake_does_not_preempt(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&ta, take_and_log, "E", TH_PRIO, "E");
    k_yield(); // let E block on the semaphore
    TH_EQ(k_thread_state(&ta), K_THREAD_PENDING);
    TH_EQ(k_sem_give(&sem), 0);
    th_log("after");
    th_join(&ta);
    TH_LOG_EQ("after E");
}

static void fifo_among_equals(void) {
    th_spawn(&ta, log_arg, "a", TH_PRIO - 1, "a");
    th_spawn(&tb, log_arg, "b", TH_PRIO - 1, "b");
    th_spawn(&tc, log_arg, "c", TH_PRIO - 1, "c");
    th_join(&tc);
    TH_LOG_EQ("a b c");
    th_join(&ta);
    th_join(&tb);
}

static void yielder(void *arg) {
    char tok[8];
    for (int i = 1; i <= 3; i++) {
        snprintf(tok, sizeof tok, "%s%d", (const char *)arg, i);
        th_log(tok);
        k_yield();
    }
}

static void yield_round_robin(void) {
    th_spawn(&ta, yielder, "a", TH_PRIO - 1, "a");
    th_spawn(&tb, yielder, "b", TH_PRIO - 1, "b");
    th_join(&ta);
    th_join(&tb);
    TH_LOG_EQ("a1 b1 a2 b2 a3 b3");
}

static void yield_alone(void) {
    th_spawn(&ta, log_arg, "low", TH_PRIO - 1, "low");
    uint64_t n = k_switch_count();
    k_yield(); // no equal peer: nothing happens, the lower thread does not run
    TH_EQ(k_switch_count(), n);
    TH_LOG_EQ("");
    th_join(&ta);
    TH_LOG_EQ("low");
}

static uint64_t done_at[2];

// 29.5 ms of CPU: the threads start a few call costs after a tick, so ending mid-tick keeps
// the expected tick counts away from the boundaries.
static void busy30(void *arg) {
    int id = (int)(uintptr_t)arg;
    for (int i = 0; i < 59; i++)
        k_busy_wait_us(500);
    done_at[id] = k_uptime_ticks();
}

static void run_two_busy(uint64_t *t0) {
    k_sched_lock();
    th_spawn(&ta, busy30, (void *)0, TH_PRIO + 1, "a");
    th_spawn(&tb, busy30, (void *)1, TH_PRIO + 1, "b");
    *t0 = k_uptime_ticks();
    k_sched_unlock();
    th_join(&ta);
    th_join(&tb);
}

static void timeslice_round_robin(void) {
    uint64_t t0;
    k_timeslice_set(10);
    run_two_busy(&t0);
    // a: [0,10) [20,30) [40,49.5); b: [10,20) [30,40) [49.5,59)
    TH_EQ(done_at[0] - t0, 49);
    TH_EQ(done_at[1] - t0, 59);
    k_timeslice_set(4);
    run_two_busy(&t0);
    // 4-tick slices: 28 ms each by tick 56, then a runs 1.5 ms and b 1.5 ms
    TH_EQ(done_at[0] - t0, 57);
    TH_EQ(done_at[1] - t0, 59);
}

static void timeslice_off(void) {
    uint64_t t0;
    k_timeslice_set(0);
    run_two_busy(&t0);
    TH_EQ(done_at[0] - t0, 29);
    TH_EQ(done_at[1] - t0, 59);
}

static void sched_lock_defers_preemption(void) {
    k_sem_init(&sem, 1, 1);
    k_sched_lock();
    k_sched_lock(); // nested
    th_spawn(&ta, log_arg, "hi", TH_PRIO + 3, "hi");
    th_log("locked");
    TH_EQ(k_sleep_ticks(1), -EDEADLK);
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(1)), 0); // available: no blocking needed
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(1)), -EDEADLK);
    TH_EQ(k_sem_take(&sem, K_NO_WAIT), -EAGAIN);
    k_sched_unlock();
    th_log("still");
    k_sched_unlock(); // hi runs here
    th_log("unlocked");
    th_join(&ta);
    TH_LOG_EQ("locked still hi unlocked");
}

static void irq_lock_nesting(void) {
    k_sem_init(&sem, 0, 1);
    TH_ASSERT(!k_is_in_isr());
    unsigned k1 = k_irq_lock();
    unsigned k2 = k_irq_lock();
    TH_EQ(k_sleep_ticks(1), -EDEADLK);
    k_irq_unlock(k2);
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(1)), -EDEADLK);
    struct k_mutex m;
    k_mutex_init(&m);
    TH_EQ(k_mutex_lock(&m, K_FOREVER), 0); // free: no blocking needed
    TH_EQ(k_mutex_unlock(&m), 0);
    k_irq_unlock(k1);
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_sleep_ticks(1), 0);
    TH_EQ(k_uptime_ticks() - t0, 1);
}

static void busy_logged(void *arg) {
    th_log("a-start");
    k_busy_wait_us(5000);
    th_log("a-end");
}

static void preempted_keeps_its_turn(void) {
    th_spawn(&ta, busy_logged, NULL, TH_PRIO - 1, "a");
    th_spawn(&tb, log_arg, "b", TH_PRIO - 1, "b");
    k_sleep_ticks(2); // a runs; we preempt it at tick 2
    th_log("test");
    th_join(&ta);
    th_join(&tb);
    TH_LOG_EQ("a-start test a-end b");
}

static void trace_hook(struct k_thread *from, struct k_thread *to, void *arg) {
    char tok[40];
    snprintf(tok, sizeof tok, "%s>%s", from ? k_thread_name(from) : "-", k_thread_name(to));
    th_log(tok);
    (*(int *)arg)++;
}

static void switch_hook(void) {
    static int n;
    n = 0;
    uint64_t c0 = k_switch_count();
    k_trace_set_switch_hook(trace_hook, &n);
    th_spawn(&ta, log_arg, "hi", TH_PRIO + 1, "hi");
    k_trace_set_switch_hook(NULL, NULL);
    TH_LOG_EQ("test>hi hi hi>test");
    TH_EQ(n, 2);
    TH_EQ(k_switch_count() - c0, 2);
    th_join(&ta);
}

static struct k_thread all[K_PRIO_COUNT];
static char names[K_PRIO_COUNT][4];

static void all_priority_levels(void) {
    k_sched_lock();
    for (int i = 0; i < K_PRIO_COUNT; i++) {
        int p = (i * 7) % K_PRIO_COUNT; // a permutation of 0..31
        snprintf(names[p], sizeof names[p], "%d", p);
        th_spawn(&all[p], log_arg, names[p], p, names[p]);
    }
    k_sched_unlock();
    for (int p = 0; p < K_PRIO_COUNT; p++)
        th_join(&all[p]);
    TH_LOG_EQ("31 30 29 28 27 26 25 24 23 22 21 20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 "
              "2 1 0");
}

static const struct th_case cases[] = {
    TH_CASE(wake_preempts_at_once), TH_CASE(equal_wake_does_not_preempt),
    TH_CASE(fifo_among_equals),     TH_CASE(yield_round_robin),
    TH_CASE(yield_alone),           TH_CASE(timeslice_round_robin),
    TH_CASE(timeslice_off),         TH_CASE(sched_lock_defers_preemption),
    TH_CASE(irq_lock_nesting),      TH_CASE(preempted_keeps_its_turn),
    TH_CASE(switch_hook),           TH_CASE(all_priority_levels),
};

const struct th_suite th_suite_sched = TH_SUITE("sched", cases);
