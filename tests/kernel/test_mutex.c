// tests/kernel/test_mutex.c: mutexes (kernel/mutex.c): recursion, ownership errors, timeouts,
// the classic three-thread priority inversion, inheritance along chains and across several
// held mutexes, hand-off order, cycle detection, the waiter query and contention hook.
#include "tests/kernel/harness.h"

static struct k_mutex m1, m2;
static struct k_sem go;
static struct k_thread ta, tb, tc, td;

static void basic_and_recursive(void) {
    TH_EQ(k_mutex_init(&m1), 0);
    TH_ASSERT(k_mutex_owner(&m1) == NULL);
    TH_EQ(k_mutex_lock_count(&m1), 0);
    TH_EQ(k_mutex_lock(&m1, K_NO_WAIT), 0);
    TH_ASSERT(k_mutex_owner(&m1) == k_thread_self());
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m1, k_timeout_ms(5)), 0);
    TH_EQ(k_mutex_lock_count(&m1), 3);
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_ASSERT(k_mutex_owner(&m1) == k_thread_self());
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_ASSERT(k_mutex_owner(&m1) == NULL);
    TH_EQ(k_mutex_unlock(&m1), -EINVAL); // not locked
    TH_EQ(k_mutex_init(NULL), -EINVAL);
    TH_EQ(k_mutex_lock(NULL, K_FOREVER), -EINVAL);
    TH_EQ(k_mutex_unlock(NULL), -EINVAL);
    TH_EQ(k_mutex_waiters_top_priority(NULL), K_PRIO_NONE);
}

static void holds_until_go(void *arg) {
    struct k_mutex *m = arg;
    TH_EQ(k_mutex_lock(m, K_FOREVER), 0);
    TH_EQ(k_sem_take(&go, K_FOREVER), 0);
    TH_EQ(k_mutex_unlock(m), 0);
}

static void unlock_by_non_owner(void) {
    k_mutex_init(&m1);
    k_sem_init(&go, 0, 1);
    th_spawn(&ta, holds_until_go, &m1, TH_PRIO + 1, "owner");
    TH_ASSERT(k_mutex_owner(&m1) == &ta);
    TH_EQ(k_mutex_unlock(&m1), -EPERM);
    TH_ASSERT(k_mutex_owner(&m1) == &ta);
    TH_EQ(k_mutex_lock_count(&m1), 1);
    k_sem_give(&go);
    th_join(&ta);
    TH_ASSERT(k_mutex_owner(&m1) == NULL);
}

static void lock_timeout(void) {
    k_mutex_init(&m1);
    k_sem_init(&go, 0, 1);
    th_spawn(&ta, holds_until_go, &m1, TH_PRIO + 1, "owner");
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_mutex_lock(&m1, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_uptime_ticks(), t0);
    TH_EQ(k_mutex_lock(&m1, k_timeout_ticks(6)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 6);
    TH_EQ(k_mutex_waiters_top_priority(&m1), K_PRIO_NONE);
    TH_EQ(k_thread_priority_effective(&ta), TH_PRIO + 1);
    k_sem_give(&go);
    th_join(&ta);
    TH_EQ(k_mutex_lock(&m1, k_timeout_ticks(6)), 0);
    TH_EQ(k_mutex_unlock(&m1), 0);
}

// --- the classic three-thread priority inversion ---------------------------------------------
#define CS_TICKS 5   // L's critical section
#define MID_TICKS 50 // Mid's CPU hog
static uint64_t h_waited, h_got_at;

static void inv_low(void *arg) {
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    th_log("L-lock");
    k_busy_wait_us(CS_TICKS * 1000);
    th_log("L-unlock");
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_EQ(k_thread_priority_effective(k_thread_self()), 2);
}

static void inv_high(void *arg) {
    k_sleep_ticks(1);
    th_log("H-want");
    uint64_t t = k_uptime_ticks();
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    h_got_at = k_uptime_ticks();
    h_waited = h_got_at - t;
    th_log("H-got");
    TH_EQ(k_mutex_unlock(&m1), 0);
}

static void inv_mid(void *arg) {
    k_sleep_ticks(2);
    th_log("M-start");
    k_busy_wait_us(MID_TICKS * 1000);
    th_log("M-end");
}

static void priority_inversion_three_threads(void) {
    k_mutex_init(&m1);
    uint64_t t0 = k_uptime_ticks();
    th_spawn(&ta, inv_low, NULL, 2, "L");
    th_spawn(&tb, inv_high, NULL, 9, "H");
    th_spawn(&tc, inv_mid, NULL, 5, "Mid");
    k_sleep_ticks(3); // H is blocked on L's mutex, Mid is ready
    TH_EQ(k_thread_state(&tb), K_THREAD_PENDING);
    TH_EQ(k_thread_state(&tc), K_THREAD_READY);
    TH_EQ(k_thread_priority_get(&ta), 2);
    TH_EQ(k_thread_priority_effective(&ta), 9); // inherited from H
    TH_EQ(k_mutex_waiters_top_priority(&m1), 9);
    th_join(&tb);
    th_join(&tc);
    th_join(&ta);
    // H waited only for (the rest of) L's critical section, not for Mid.
    TH_ASSERT(h_waited <= CS_TICKS);
    TH_EQ(h_got_at - t0, CS_TICKS);
    TH_LOG_EQ("L-lock H-want L-unlock H-got M-start M-end");
}

// --- inheritance along a chain: A waits on M1 held by B, which waits on M2 held by C ----------

static void chain_c(void *arg) {
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), 0);
    TH_EQ(k_sem_take(&go, K_FOREVER), 0);
    th_log("C-unlock");
    TH_EQ(k_mutex_unlock(&m2), 0);
    TH_EQ(k_thread_priority_effective(k_thread_self()), 3);
    th_log("C-end");
}

static void chain_b(void *arg) {
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), 0);
    th_log("B-got");
    TH_EQ(k_mutex_unlock(&m2), 0);
    TH_EQ(k_mutex_unlock(&m1), 0);
}

static void chain_a(void *arg) {
    TH_EQ(k_mutex_lock(&m1, k_timeout_ticks(10)), -EAGAIN);
    th_log("A-timeout");
}

static void chain_inheritance(void) {
    k_mutex_init(&m1);
    k_mutex_init(&m2);
    k_sem_init(&go, 0, 1);
    th_spawn(&tc, chain_c, NULL, 3, "C");
    k_sleep_ticks(1); // C owns M2
    th_spawn(&tb, chain_b, NULL, 5, "B");
    k_sleep_ticks(1); // B owns M1, waits on M2
    TH_EQ(k_thread_priority_effective(&tc), 5);
    th_spawn(&ta, chain_a, NULL, 8, "A");
    k_sleep_ticks(1); // A waits on M1 (until tick 12)
    TH_EQ(k_thread_priority_effective(&tb), 8);
    TH_EQ(k_thread_priority_effective(&tc), 8); // through the chain
    TH_EQ(k_mutex_waiters_top_priority(&m1), 8);
    TH_EQ(k_mutex_waiters_top_priority(&m2), 8);
    k_sleep_ticks(10); // A times out: the chain falls back
    TH_LOG_EQ("A-timeout");
    TH_EQ(k_thread_priority_effective(&tb), 5);
    TH_EQ(k_thread_priority_effective(&tc), 5);
    // Changing a waiter's base priority travels down the chain too.
    TH_EQ(k_thread_priority_set(&tb, 9), 0);
    TH_EQ(k_thread_priority_effective(&tc), 9);
    TH_EQ(k_thread_priority_set(&tb, 5), 0);
    TH_EQ(k_thread_priority_effective(&tc), 5);
    TH_EQ(k_thread_priority_get(&tc), 3);
    k_sem_give(&go);
    th_join(&tc);
    th_join(&tb);
    th_join(&ta);
    TH_LOG_EQ("A-timeout C-unlock B-got C-end");
}

static void lock_and_log(void *arg) {
    struct k_mutex *m = arg;
    TH_EQ(k_mutex_lock(m, K_FOREVER), 0);
    th_log(k_thread_name(k_thread_self()));
    TH_EQ(k_mutex_unlock(m), 0);
}

static void inherit_from_several(void) {
    k_mutex_init(&m1);
    k_mutex_init(&m2);
    struct k_thread *self = k_thread_self();
    TH_EQ(k_thread_priority_set(self, 2), 0);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), 0);
    th_spawn(&tb, lock_and_log, &m2, 6, "h6"); // runs at once and blocks: we inherit 6
    TH_EQ(k_thread_priority_effective(self), 6);
    th_spawn(&ta, lock_and_log, &m1, 8, "h8"); // more urgent still: we inherit 8
    TH_EQ(k_thread_priority_effective(self), 8);
    TH_EQ(k_mutex_unlock(&m1), 0);               // h8 gets m1 and runs
    TH_EQ(k_thread_priority_effective(self), 6); // still inherits through m2
    TH_EQ(k_mutex_unlock(&m2), 0);
    TH_EQ(k_thread_priority_effective(self), 2);
    TH_LOG_EQ("h8 h6");
    th_join(&ta);
    th_join(&tb);
}

static void handoff_order(void) {
    k_mutex_init(&m1);
    TH_EQ(k_thread_priority_set(k_thread_self(), 1), 0);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    th_spawn(&ta, lock_and_log, &m1, 5, "p5");
    th_spawn(&tb, lock_and_log, &m1, 9, "p9a");
    th_spawn(&tc, lock_and_log, &m1, 7, "p7");
    th_spawn(&td, lock_and_log, &m1, 9, "p9b");
    k_sleep_ticks(1); // those not more urgent than our inherited priority block now
    TH_EQ(k_mutex_waiters_top_priority(&m1), 9);
    TH_EQ(k_thread_priority_effective(k_thread_self()), 9);
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_LOG_EQ("p9a p9b p7 p5");
    TH_EQ(k_thread_priority_effective(k_thread_self()), 1);
    th_join(&ta);
    th_join(&tb);
    th_join(&tc);
    th_join(&td);
}

static void cycle_b(void *arg) {
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0); // waits on the test thread
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_EQ(k_mutex_unlock(&m2), 0);
    th_log("B-done");
}

static void deadlock_cycle_refused(void) {
    k_mutex_init(&m1);
    k_mutex_init(&m2);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    th_spawn(&ta, cycle_b, NULL, TH_PRIO + 1, "B");
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), -EDEADLK);
    TH_EQ(k_mutex_lock(&m2, k_timeout_ticks(3)), -EDEADLK);
    TH_EQ(k_mutex_lock(&m2, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_mutex_unlock(&m1), 0); // B proceeds
    th_join(&ta);
    TH_LOG_EQ("B-done");
}

static int hook_calls;
static struct k_thread *hook_waiter;

static void on_contention(struct k_mutex *m, struct k_thread *waiter, void *arg) {
    hook_calls += (int)(uintptr_t)arg;
    hook_waiter = waiter;
}

static void waiter_query_and_hook(void) {
    k_mutex_init(&m1);
    hook_calls = 0;
    TH_EQ(k_mutex_set_contention_hook(&m1, on_contention, (void *)1), 0);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_waiters_top_priority(&m1), K_PRIO_NONE);
    th_spawn(&ta, lock_and_log, &m1, TH_PRIO + 2, "w12");
    TH_EQ(hook_calls, 1);
    TH_ASSERT(hook_waiter == &ta);
    TH_EQ(k_mutex_waiters_top_priority(&m1), TH_PRIO + 2);
    // The holder's poll: a more urgent thread wants the lock.
    TH_ASSERT(k_mutex_waiters_top_priority(&m1) > k_thread_priority_get(k_thread_self()));
    th_spawn(&tb, lock_and_log, &m1, TH_PRIO + 1, "w11");
    k_sleep_ticks(1); // we now run at 12: let w11 reach the mutex
    TH_EQ(hook_calls, 2);
    TH_ASSERT(hook_waiter == &tb);
    TH_EQ(k_mutex_waiters_top_priority(&m1), TH_PRIO + 2);
    TH_EQ(k_mutex_set_contention_hook(&m1, NULL, NULL), 0);
    TH_EQ(k_mutex_unlock(&m1), 0);
    TH_LOG_EQ("w12 w11");
    TH_EQ(hook_calls, 2);
    TH_EQ(k_mutex_set_contention_hook(NULL, NULL, NULL), -EINVAL);
    th_join(&ta);
    th_join(&tb);
}

static void exits_holding(void *arg) {
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0);
    TH_EQ(k_mutex_lock(&m2, K_FOREVER), 0);
    k_sleep_ticks(2);
}

static void exit_releases_mutexes(void) {
    k_mutex_init(&m1);
    k_mutex_init(&m2);
    th_spawn(&ta, exits_holding, NULL, TH_PRIO + 1, "holder");
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), 0); // handed over when the holder exits
    TH_ASSERT(k_mutex_owner(&m1) == k_thread_self());
    TH_EQ(k_mutex_lock_count(&m1), 1);
    TH_ASSERT(k_mutex_owner(&m2) == NULL);
    TH_EQ(k_thread_state(&ta), K_THREAD_DEAD);
    TH_EQ(k_mutex_unlock(&m1), 0);
    th_join(&ta);
}

static void blocking_in_critical_section(void) {
    k_mutex_init(&m1);
    k_sem_init(&go, 0, 1);
    th_spawn(&ta, holds_until_go, &m1, TH_PRIO + 1, "owner");
    unsigned key = k_irq_lock();
    TH_EQ(k_mutex_lock(&m1, K_FOREVER), -EDEADLK);
    k_irq_unlock(key);
    k_sched_lock();
    TH_EQ(k_mutex_lock(&m1, k_timeout_ticks(2)), -EDEADLK);
    k_sched_unlock();
    k_sem_give(&go);
    th_join(&ta);
}

static const struct th_case cases[] = {
    TH_CASE(basic_and_recursive),
    TH_CASE(unlock_by_non_owner),
    TH_CASE(lock_timeout),
    TH_CASE(priority_inversion_three_threads),
    TH_CASE(chain_inheritance),
    TH_CASE(inherit_from_several),
    TH_CASE(handoff_order),
    TH_CASE(deadlock_cycle_refused),
    TH_CASE(waiter_query_and_hook),
    TH_CASE(exit_releases_mutexes),
    TH_CASE(blocking_in_critical_section),
};

const struct th_suite th_suite_mutex = TH_SUITE("mutex", cases);
