// tests/kernel/test_thread.c: thread life cycle (kernel/thread.c): create, exit, join, sleep,
// suspend/resume, priorities, states, statistics. Each case runs in the "test" thread at
// TH_PRIO in a fresh kernel; times are in ticks of 1 ms (virtual time on the host).
#include <string.h>

#include "tests/kernel/harness.h"

static struct k_thread t1, t2, t3;
static struct k_sem sem;
static volatile int counter;

static void log_arg(void *arg) {
    th_log(arg);
}

static void create_runs_by_priority(void) {
    // More urgent than the creator: runs before k_thread_create returns.
    th_spawn(&t1, log_arg, "hi", TH_PRIO + 1, "hi");
    th_log("after-hi");
    // Less urgent: runs only when the creator blocks.
    th_spawn(&t2, log_arg, "lo", TH_PRIO - 1, "lo");
    th_log("after-lo");
    // Equal: queued behind the creator.
    th_spawn(&t3, log_arg, "eq", TH_PRIO, "eq");
    th_log("after-eq");
    th_join(&t1);
    th_join(&t2);
    th_join(&t3);
    TH_LOG_EQ("hi after-hi after-lo after-eq eq lo");
}

static void create_errors(void) {
    void *stk = th_stack();
    size_t sz = th_stack_size();
    TH_EQ(k_thread_create(NULL, stk, sz, log_arg, "x", 1, "x"), -EINVAL);
    TH_EQ(k_thread_create(&t1, NULL, sz, log_arg, "x", 1, "x"), -EINVAL);
    TH_EQ(k_thread_create(&t1, stk, sz, NULL, "x", 1, "x"), -EINVAL);
    TH_EQ(k_thread_create(&t1, stk, sz, log_arg, "x", -1, "x"), -EINVAL);
    TH_EQ(k_thread_create(&t1, stk, sz, log_arg, "x", K_PRIO_MAX + 1, "x"), -EINVAL);
    TH_EQ(k_thread_create(&t1, stk, K_ARCH_STACK_MIN - 1, log_arg, "x", 1, "x"), -EINVAL);
    // A live thread cannot be created again.
    TH_EQ(k_thread_create(&t1, stk, sz, log_arg, "x", 1, "x"), 0);
    TH_EQ(k_thread_create(&t1, th_stack(), sz, log_arg, "y", 1, "y"), -EBUSY);
    th_join(&t1);
    TH_LOG_EQ("x");
}

static int deep_exit(int n) {
    if (n < 0) return 0;
    if (n == 0) k_thread_exit();
    return deep_exit(n - 1) + 1;
}

static void exits_deep(void *arg) {
    th_log("start");
    deep_exit(20);
    th_log("unreachable");
}

static void exit_and_join(void) {
    th_spawn(&t1, exits_deep, NULL, TH_PRIO - 1, "deep");
    TH_EQ(k_thread_state(&t1), K_THREAD_READY);
    th_join(&t1);
    TH_EQ(k_thread_state(&t1), K_THREAD_DEAD);
    TH_ASSERT(!k_thread_is_alive(&t1));
    TH_EQ(k_thread_join(&t1, K_NO_WAIT), 0); // already dead
    TH_EQ(k_thread_join(&t1, K_FOREVER), 0);
    TH_LOG_EQ("start");
}

static void returns_normally(void *arg) {
    counter = 42;
}

static void entry_return_is_exit(void) {
    counter = 0;
    th_spawn(&t1, returns_normally, NULL, TH_PRIO + 2, "ret");
    TH_EQ(k_thread_state(&t1), K_THREAD_DEAD);
    TH_EQ(counter, 42);
    th_join(&t1);
}

static void sleeper(void *arg) {
    k_sleep_ticks((uint32_t)(uintptr_t)arg);
}

static void join_timeout(void) {
    uint64_t t0 = k_uptime_ticks();
    th_spawn(&t1, sleeper, (void *)(uintptr_t)20, TH_PRIO + 1, "sleeper");
    TH_EQ(k_thread_join(&t1, k_timeout_ticks(5)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 5);
    TH_EQ(k_thread_join(&t1, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_thread_join(&t1, k_timeout_ticks(100)), 0);
    TH_EQ(k_uptime_ticks() - t0, 20);
}

static void join_errors(void) {
    static struct k_thread never; // zeroed: never created
    TH_EQ(k_thread_join(&never, K_FOREVER), -EINVAL);
    TH_EQ(k_thread_join(NULL, K_FOREVER), -EINVAL);
    TH_EQ(k_thread_join(k_thread_self(), K_FOREVER), -EDEADLK);
    TH_EQ(k_thread_state(&never), K_THREAD_UNUSED);
}

static void joiner(void *arg) {
    TH_EQ(k_thread_join(arg, K_FOREVER), 0);
    th_log("joined");
}

static void multiple_joiners(void) {
    th_spawn(&t1, sleeper, (void *)(uintptr_t)10, TH_PRIO + 1, "target");
    th_spawn(&t2, joiner, &t1, TH_PRIO + 2, "j1");
    th_spawn(&t3, joiner, &t1, TH_PRIO + 3, "j2");
    TH_EQ(k_thread_state(&t2), K_THREAD_PENDING);
    th_join(&t2);
    th_join(&t3);
    TH_LOG_EQ("joined joined");
}

static void bump(void *arg) {
    counter++;
}

static void reuse_struct_and_stack(void) {
    void *stk = th_stack();
    counter = 0;
    for (int i = 0; i < 50; i++) {
        TH_EQ(
            k_thread_create(&t1, stk, th_stack_size(), bump, NULL, TH_PRIO - 1 + (i % 3), "reuse"),
            0);
        th_join(&t1);
    }
    TH_EQ(counter, 50);
}

static void sleep_calls(void) {
    k_sem_init(&sem, 0, 1);
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(1)), -EAGAIN); // a failed wait just before...
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_sleep_ms(10), 0); // ...does not leak into the sleep's result
    TH_EQ(k_uptime_ticks() - t0, 10);
    TH_EQ(k_sleep_ticks(3), 0);
    TH_EQ(k_uptime_ticks() - t0, 13);
    TH_EQ(k_sleep(k_timeout_ms(7)), 0);
    TH_EQ(k_uptime_ticks() - t0, 20);
    TH_EQ(k_sleep(K_NO_WAIT), 0); // a yield
    TH_EQ(k_uptime_ticks() - t0, 20);
    TH_EQ(k_sleep(K_FOREVER), -EINVAL);
}

static void busy_for_ticks(uint32_t ticks) {
    k_busy_wait_us(ticks * 1000u);
}

static void sleep_until_periodic(void) {
    uint32_t wake = k_tick_get();
    uint32_t first = wake;
    for (int i = 1; i <= 100; i++) {
        busy_for_ticks((uint32_t)(i % 4)); // work of varying length, shorter than the period
        TH_EQ(k_sleep_until(&wake, 5), 0);
        TH_EQ(k_tick_get(), first + 5u * (uint32_t)i);
    }
    // An overrun: the next deadline has already passed.
    busy_for_ticks(12);
    TH_EQ(k_sleep_until(&wake, 5), -EAGAIN);
    TH_EQ(wake, first + 505u);
    TH_EQ(k_sleep_until(NULL, 5), -EINVAL);
    TH_EQ(k_sleep_until(&wake, 0), -EINVAL);
}

static void log_twice(void *arg) {
    th_log(arg);
    k_yield();
    th_log(arg);
}

static void suspend_resume(void) {
    th_spawn(&t1, log_twice, "a", TH_PRIO - 1, "a");
    TH_EQ(k_thread_suspend(&t1), 0);
    TH_EQ(k_thread_state(&t1), K_THREAD_SUSPENDED);
    TH_EQ(k_thread_suspend(&t1), -EINVAL); // already suspended
    k_sleep_ticks(5);                      // a would run now if it could
    TH_LOG_EQ("");
    TH_EQ(k_thread_resume(&t1), 0);
    TH_EQ(k_thread_resume(&t1), -EINVAL); // not suspended
    th_join(&t1);
    TH_LOG_EQ("a a");
    TH_EQ(k_thread_suspend(&t1), -EINVAL); // dead
    TH_EQ(k_thread_resume(&t1), -EINVAL);
    TH_EQ(k_thread_suspend(NULL), -EINVAL);
}

static void suspends_itself(void *arg) {
    th_log("before");
    TH_EQ(k_thread_suspend(k_thread_self()), 0);
    th_log("after");
}

static void suspend_self(void) {
    th_spawn(&t1, suspends_itself, NULL, TH_PRIO + 1, "self");
    TH_EQ(k_thread_state(&t1), K_THREAD_SUSPENDED);
    TH_LOG_EQ("before");
    TH_EQ(k_thread_resume(&t1), 0); // more urgent: runs at once
    TH_LOG_EQ("before after");
    th_join(&t1);
}

static void sem_taker(void *arg) {
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    th_log("took");
}

static void suspend_while_pending(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&t1, sem_taker, NULL, TH_PRIO + 1, "taker");
    TH_EQ(k_thread_state(&t1), K_THREAD_PENDING);
    TH_EQ(k_thread_suspend(&t1), 0);
    TH_EQ(k_sem_give(&sem), 0); // the wait completes, the thread stays suspended
    TH_EQ(k_sem_count(&sem), 0);
    TH_EQ(k_thread_state(&t1), K_THREAD_SUSPENDED);
    k_sleep_ticks(2);
    TH_LOG_EQ("");
    TH_EQ(k_thread_resume(&t1), 0);
    TH_LOG_EQ("took");
    th_join(&t1);
}

static void sleeping_suspended(void) {
    uint64_t t0 = k_uptime_ticks();
    th_spawn(&t1, log_twice, "s", TH_PRIO + 1, "s"); // logs, yields, logs, exits
    th_join(&t1);
    th_spawn(&t2, sleeper, (void *)(uintptr_t)5, TH_PRIO + 1, "sleeper");
    TH_EQ(k_thread_state(&t2), K_THREAD_SLEEPING);
    TH_EQ(k_thread_suspend(&t2), 0);
    k_sleep_ticks(10); // its sleep ends meanwhile; it stays suspended
    TH_EQ(k_thread_state(&t2), K_THREAD_SUSPENDED);
    TH_EQ(k_thread_resume(&t2), 0);
    TH_EQ(k_thread_state(&t2), K_THREAD_DEAD);
    TH_EQ(k_uptime_ticks() - t0, 10);
    th_join(&t2);
}

static void priority_set_preempts(void) {
    th_spawn(&t1, log_arg, "a", TH_PRIO - 2, "a");
    TH_EQ(k_thread_priority_get(&t1), TH_PRIO - 2);
    th_log("raise");
    TH_EQ(k_thread_priority_set(&t1, TH_PRIO + 2), 0); // now more urgent: runs at once
    th_log("back");
    th_join(&t1);
    th_spawn(&t2, log_arg, "b", TH_PRIO - 1, "b");
    TH_EQ(k_thread_priority_set(k_thread_self(), TH_PRIO - 3), 0); // b now wins
    th_log("lowered");
    TH_EQ(k_thread_priority_get(k_thread_self()), TH_PRIO - 3);
    TH_EQ(k_thread_priority_effective(k_thread_self()), TH_PRIO - 3);
    th_join(&t2);
    TH_LOG_EQ("raise a back b lowered");
    TH_EQ(k_thread_priority_set(&t1, 3), -EINVAL); // dead
    TH_EQ(k_thread_priority_set(k_thread_self(), K_PRIO_MAX + 1), -EINVAL);
    TH_EQ(k_thread_priority_set(k_thread_self(), -1), -EINVAL);
    TH_EQ(k_thread_priority_set(NULL, 1), -EINVAL);
}

static void priority_set_reorders_waiters(void) {
    k_sem_init(&sem, 0, 10);
    th_spawn(&t1, sem_taker, NULL, TH_PRIO + 1, "first");
    th_spawn(&t2, sem_taker, NULL, TH_PRIO + 1, "second");
    // second was queued later; raising it puts it ahead.
    TH_EQ(k_thread_priority_set(&t2, TH_PRIO + 3), 0);
    TH_EQ(k_sem_give(&sem), 0);
    TH_EQ(k_thread_state(&t2), K_THREAD_DEAD);
    TH_EQ(k_thread_state(&t1), K_THREAD_PENDING);
    TH_EQ(k_sem_give(&sem), 0);
    th_join(&t1);
    th_join(&t2);
}

static void states_and_names(void) {
    struct k_thread *self = k_thread_self();
    TH_ASSERT(self != NULL);
    TH_EQ(k_thread_state(self), K_THREAD_RUNNING);
    TH_ASSERT(strcmp(k_thread_name(self), "test") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_READY), "ready") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_RUNNING), "running") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_PENDING), "pending") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_SLEEPING), "sleeping") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_SUSPENDED), "suspended") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_DEAD), "dead") == 0);
    TH_ASSERT(strcmp(k_thread_state_name(K_THREAD_UNUSED), "unused") == 0);
    th_spawn(&t1, log_arg, "x", TH_PRIO - 1, NULL);
    TH_ASSERT(strcmp(k_thread_name(&t1), "") == 0);
    TH_EQ(k_thread_state(&t1), K_THREAD_READY);
    TH_ASSERT(k_thread_is_alive(&t1));
    th_join(&t1);
    TH_ASSERT(strcmp(k_thread_name(NULL), "") == 0);
    TH_EQ(k_thread_state(NULL), K_THREAD_UNUSED);
}

static void user_data(void) {
    static int x;
    struct k_thread *self = k_thread_self();
    TH_ASSERT(k_thread_user_data(self) == NULL);
    k_thread_user_data_set(self, &x);
    TH_ASSERT(k_thread_user_data(self) == &x);
    TH_ASSERT(k_thread_user_data(NULL) == NULL);
}

static int recurse(int n) {
    volatile char pad[256];
    for (int i = 0; i < 256; i++) // touch it all, or the compiler keeps one byte
        pad[i] = (char)n;
    return n ? recurse(n - 1) + pad[0] : 0;
}

#define DEPTH 96 // 24 KiB of frames: deeper than any host thread start-up (which also counts)

static void deep_user(void *arg) {
    *(int *)arg = recurse(DEPTH);
}

static void shallow_user(void *arg) {
    *(int *)arg = 1;
}

static void stack_and_cpu_stats(void) {
    // The high-water mark of a finished thread is deterministic; compare a thread that goes
    // deep with one that does not.
    static int out;
    th_spawn(&t1, shallow_user, &out, TH_PRIO - 1, "shallow");
    th_join(&t1);
    size_t shallow = k_thread_stack_used(&t1);
    th_spawn(&t2, deep_user, &out, TH_PRIO - 1, "deep");
    th_join(&t2);
    size_t deep = k_thread_stack_used(&t2);
    TH_ASSERT(deep >= DEPTH * 256);
    TH_ASSERT(deep > shallow);
    TH_ASSERT(deep < th_stack_size());
    struct k_thread_info info;
    TH_EQ(k_thread_info(k_thread_self(), &info), 0);
    TH_ASSERT(strcmp(info.name, "test") == 0);
    TH_EQ(info.prio, TH_PRIO);
    TH_EQ(info.base_prio, TH_PRIO);
    TH_EQ(info.state, K_THREAD_RUNNING);
    TH_EQ(info.waiting_on, K_WAIT_NONE);
    TH_ASSERT(!info.system);
    TH_ASSERT(info.stack_used > 0 && info.stack_used < info.stack_size);
    uintptr_t lo, hi;
    TH_EQ(k_thread_stack_bounds(k_thread_self(), &lo, &hi), 0);
    TH_ASSERT((uintptr_t)&lo > lo && (uintptr_t)&lo < hi); // our own locals are in there
    TH_EQ(hi - lo, info.stack_size - K_CFG_STACK_GUARD_BYTES);
    TH_EQ(k_thread_stack_bounds(NULL, &lo, &hi), -EINVAL);
    uint64_t cpu0 = k_thread_cpu_ns(k_thread_self());
    k_busy_wait_us(3000);
    uint64_t cpu1 = k_thread_cpu_ns(k_thread_self());
    TH_ASSERT(cpu1 - cpu0 >= 3000000u);
    k_sleep_ticks(5); // sleeping is not running
    TH_ASSERT(k_thread_cpu_ns(k_thread_self()) - cpu1 < 100000u);
    TH_EQ(k_thread_info(NULL, &info), -EINVAL);
    static struct k_thread never;
    TH_EQ(k_thread_info(&never, &info), -EINVAL);
}

struct census {
    unsigned system, app;
    bool saw_idle, saw_timer;
};

static void count_one(struct k_thread *t, void *arg) {
    struct census *c = arg;
    struct k_thread_info i;
    k_thread_info(t, &i);
    if (i.system)
        c->system++;
    else
        c->app++;
    if (strcmp(i.name, "idle") == 0) {
        c->saw_idle = true;
        if (i.base_prio != K_PRIO_NONE) c->saw_idle = false;
    }
    if (strcmp(i.name, "timer") == 0 && i.prio == K_CFG_TIMER_PRIO) c->saw_timer = true;
}

static void foreach_and_count(void) {
    th_spawn(&t1, sleeper, (void *)(uintptr_t)3, TH_PRIO - 1, "a");
    th_spawn(&t2, sleeper, (void *)(uintptr_t)3, TH_PRIO - 1, "b");
    struct census c = {0};
    k_thread_foreach(count_one, &c);
    TH_EQ(c.system, 2);
    TH_EQ(c.app, 3);
    TH_ASSERT(c.saw_idle && c.saw_timer);
    TH_EQ(k_thread_count(), 5);
    th_join(&t1);
    th_join(&t2);
    TH_EQ(k_thread_count(), 3);
}

static const struct th_case cases[] = {
    TH_CASE(create_runs_by_priority),
    TH_CASE(create_errors),
    TH_CASE(exit_and_join),
    TH_CASE(entry_return_is_exit),
    TH_CASE(join_timeout),
    TH_CASE(join_errors),
    TH_CASE(multiple_joiners),
    TH_CASE(reuse_struct_and_stack),
    TH_CASE(sleep_calls),
    TH_CASE(sleep_until_periodic),
    TH_CASE(suspend_resume),
    TH_CASE(suspend_self),
    TH_CASE(suspend_while_pending),
    TH_CASE(sleeping_suspended),
    TH_CASE(priority_set_preempts),
    TH_CASE(priority_set_reorders_waiters),
    TH_CASE(states_and_names),
    TH_CASE(user_data),
    TH_CASE(stack_and_cpu_stats),
    TH_CASE(foreach_and_count),
};

const struct th_suite th_suite_thread = TH_SUITE("thread", cases);
