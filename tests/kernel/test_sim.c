// tests/kernel/test_sim.c: the host simulation port (kernel/arch/posix): virtual time and CPU
// cost, interrupts at exact virtual times, idle time jumps, deadlock detection and reports,
// panics, the real-time mode and asynchronous interrupts, and determinism (a trace of context
// switches hashed over two runs, in-process and in separate processes). Host-only by nature.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rtos/kernel.h"
#include "rtos/sim.h"
#include "tests/kernel/harness.h"
#include "tests/kernel/runner_posix.h"

static struct k_thread th[8];
static struct k_sem sem, sem2;
static struct k_sim_irq irqs[4];
static uint64_t seen_ns[8];
static volatile int nseen;

static void record_isr(void *arg) {
    TH_ASSERT(k_is_in_isr());
    seen_ns[nseen++] = k_sim_now_ns();
    if (arg) th_log(arg);
}

static void consume_delivers_at_exact_times(void) {
    nseen = 0;
    uint64_t t0 = k_sim_now_ns();
    k_sim_irq_init(&irqs[0], record_isr, NULL);
    k_sim_irq_init(&irqs[1], record_isr, NULL);
    TH_EQ(k_sim_irq_at(&irqs[1], t0 + 2500000), 0);
    TH_EQ(k_sim_irq_after(&irqs[0], 1500000), 0);
    TH_ASSERT(k_sim_irq_is_pending(&irqs[0]));
    k_sim_consume(3000000);
    TH_EQ(nseen, 2);
    k_sim_irq_init(&irqs[2], record_isr, NULL);
    TH_EQ(k_sim_irq_raise(&irqs[2]), 0); // due now: taken before raise returns
    TH_EQ(nseen, 3);
    TH_EQ(seen_ns[2] - t0, 3000000);
    TH_EQ(seen_ns[0] - t0, 1500000);
    TH_EQ(seen_ns[1] - t0, 2500000);
    TH_EQ(k_sim_now_ns() - t0, 3000000);
    TH_ASSERT(!k_sim_irq_is_pending(&irqs[0]));
    TH_ASSERT(k_sim_is_virtual());
}

static uint64_t hi_start, hi_end;

static void hi_worker(void *arg) {
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    hi_start = k_sim_now_ns();
    k_sim_consume(2000000);
    hi_end = k_sim_now_ns();
}

static void give_sem_isr(void *arg) {
    k_sem_give(arg);
}

static void consume_preempted_resumes_with_rest(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&th[0], hi_worker, NULL, TH_PRIO + 1, "hi");
    uint64_t t0 = k_sim_now_ns();
    k_sim_irq_init(&irqs[0], give_sem_isr, &sem);
    k_sim_irq_at(&irqs[0], t0 + 3000000);
    k_sim_consume(10000000); // preempted at 3 ms for 2 ms, then 7 ms more
    uint64_t t1 = k_sim_now_ns();
    TH_EQ(hi_start - t0, 3000000); // switched to right when the handler returned
    TH_ASSERT(hi_end - hi_start >= 2000000);
    TH_ASSERT(t1 - t0 >= 12000000 && t1 - t0 < 12010000);
    th_join(&th[0]);
}

static void idle_jumps_time(void) {
    struct timespec w0, w1;
    clock_gettime(CLOCK_MONOTONIC, &w0);
    int64_t t0 = k_uptime_ms();
    TH_EQ(k_sleep_ms(3600u * 1000u), 0); // one virtual hour
    TH_EQ(k_uptime_ms() - t0, 3600000);
    clock_gettime(CLOCK_MONOTONIC, &w1);
    double wall = (double)(w1.tv_sec - w0.tv_sec) + (double)(w1.tv_nsec - w0.tv_nsec) / 1e9;
    TH_ASSERT(wall < 1.0);
}

static void call_cost_advances_time(void) {
    uint64_t t0 = k_uptime_ns();
    for (int i = 0; i < 1000; i++)
        k_yield();
    uint64_t t1 = k_uptime_ns();
    TH_EQ(t1 - t0, 1001u * K_CFG_SIM_CALL_COST_NS);
}

static volatile uint32_t tick_in_isr;
static void tick_check_isr(void *arg) {
    tick_in_isr = k_tick_get();
    th_log(arg);
}

static void same_time_order(void) {
    k_sleep_ticks(1); // on a tick boundary (+ call costs)
    uint64_t next = (k_sim_now_ns() / 1000000u + 1u) * 1000000u; // the next tick's time
    uint32_t tick_now = k_tick_get();
    k_sim_irq_init(&irqs[0], tick_check_isr, "a");
    k_sim_irq_init(&irqs[1], tick_check_isr, "b");
    k_sim_irq_init(&irqs[2], tick_check_isr, "c");
    k_sim_irq_at(&irqs[1], next);
    k_sim_irq_at(&irqs[0], next);
    k_sim_irq_at(&irqs[2], next);
    k_sleep_ticks(3);
    TH_LOG_EQ("b a c");
    TH_EQ(tick_in_isr, tick_now + 1); // the tick at that time came first
}

static void cancel_and_reschedule(void) {
    nseen = 0;
    k_sim_irq_init(&irqs[0], record_isr, NULL);
    uint64_t t0 = k_sim_now_ns();
    k_sim_irq_after(&irqs[0], 1000000);
    k_sim_irq_at(&irqs[0], t0 + 3000000); // moves it
    k_sleep_ticks(2);
    TH_EQ(nseen, 0);
    TH_ASSERT(k_sim_irq_is_pending(&irqs[0]));
    TH_EQ(k_sim_irq_cancel(&irqs[0]), 0);
    TH_EQ(k_sim_irq_cancel(&irqs[0]), -EALREADY);
    k_sleep_ticks(5);
    TH_EQ(nseen, 0);
    TH_EQ(k_sim_irq_at(NULL, 0), -EINVAL);
}

static int rearm_left;
static void rearm_isr(void *arg) {
    seen_ns[nseen++] = k_sim_now_ns();
    if (--rearm_left > 0)
        k_sim_irq_after(arg, 250000); // a periodic device re-arms from its handler
}

static void periodic_device_irq(void) {
    nseen = 0;
    rearm_left = 8;
    k_sim_irq_init(&irqs[0], rearm_isr, &irqs[0]);
    uint64_t t0 = k_sim_now_ns();
    k_sim_irq_after(&irqs[0], 250000);
    k_sleep_ticks(5);
    TH_EQ(nseen, 8);
    for (int i = 0; i < 8; i++)
        TH_EQ(seen_ns[i] - t0, 250000u * (uint64_t)(i + 1));
}

// --- deadlock ---------------------------------------------------------------------------------

static int report_lines, report_pending;

static void count_report(const char *line, void *arg) {
    report_lines++;
    if (strstr(line, "pending") && strstr(line, " on sem ")) report_pending++;
}

static void my_deadlock_hook(void) {
    TH_EQ(k_thread_state(&th[0]), K_THREAD_PENDING);
    TH_EQ(k_thread_state(&th[1]), K_THREAD_PENDING);
    report_lines = report_pending = 0;
    k_sim_report_threads(count_report, NULL);
    TH_EQ(report_lines, 5); // idle, timer, test, a, b
    TH_EQ(report_pending, 2);
    th_case_mark_done(); // returning stops the kernel (k_start returns -EDEADLK)
}

static void wait_forever(void *arg) {
    k_sem_take(arg, K_FOREVER);
}

static void deadlock_detected(void) {
    th_posix_watchdog_cancel();
    k_sem_init(&sem, 0, 1);
    k_sem_init(&sem2, 0, 1);
    k_sim_set_deadlock_hook(my_deadlock_hook);
    th_spawn(&th[0], wait_forever, &sem, TH_PRIO + 1, "worker-a");
    th_spawn(&th[1], wait_forever, &sem2, TH_PRIO + 1, "worker-b");
    k_thread_join(&th[0], K_FOREVER); // now nothing can ever run
    th_fail(__FILE__, __LINE__, "deadlock not detected", 0, 0, 0);
}

static void never_called(struct k_timer *t, void *arg) {
    th_fail(__FILE__, __LINE__, "fired", 0, 0, 0);
}

static void no_deadlock_while_timer_armed(void) {
    static struct k_timer tm;
    k_sem_init(&sem, 0, 1);
    k_timer_init(&tm, never_called, NULL);
    k_timer_start(&tm, k_timeout_ticks(500000), K_NO_WAIT);
    th_posix_watchdog_cancel();
    // Everything is blocked but the timer is armed: time jumps to it, no deadlock.
    TH_EQ(k_sem_take(&sem, k_timeout_ticks(1000)), -EAGAIN);
    k_timer_stop(&tm);
}

static char out_buf[8192];

// Runs this binary with a demo argument; returns its exit status, output in out_buf.
static int run_demo(const char *arg) {
    char exe[512], cmd[700];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return -1;
    exe[n] = 0;
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", exe, arg);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t len = fread(out_buf, 1, sizeof out_buf - 1, p);
    out_buf[len] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void deadlock_default_hook_exits(void) {
    TH_EQ(run_demo("--demo-deadlock"), K_SIM_EXIT_DEADLOCK);
    TH_ASSERT(strstr(out_buf, "deadlock") != NULL);
    TH_ASSERT(strstr(out_buf, "worker-a") != NULL);
    TH_ASSERT(strstr(out_buf, "worker-b") != NULL);
    TH_ASSERT(strstr(out_buf, "pending") != NULL);
    TH_ASSERT(strstr(out_buf, "held by 'worker-a'") != NULL); // b waits on a's mutex
}

static void stop_and_config(void) {
    TH_EQ(run_demo("--demo-stop"), 0);
    TH_ASSERT(strstr(out_buf, "stopping at 5 ms\nk_start=7\n") != NULL);
    TH_EQ(run_demo("--demo-config"), 0);
    TH_ASSERT(strstr(out_buf, "hz 250 timeout10ms 3 ticks 25 uptime 100 wrapped 1\nk_start=0\n") !=
              NULL);
    struct k_config cfg;
    k_config_default(&cfg);
    TH_EQ(cfg.tick_hz, K_CFG_TICK_HZ);
    TH_EQ(cfg.timeslice_ticks, K_CFG_TIMESLICE_TICKS);
    TH_EQ(cfg.time_mode, K_TIME_VIRTUAL);
    TH_EQ(cfg.sim_call_cost_ns, K_CFG_SIM_CALL_COST_NS);
    TH_ASSERT(k_is_running());
}

static void panic_default_exits(void) {
    TH_EQ(run_demo("--demo-panic"), K_SIM_EXIT_PANIC);
    TH_ASSERT(strstr(out_buf, "kernel panic") != NULL);
    TH_ASSERT(strstr(out_buf, "'boom'") != NULL);
}

static volatile int panic_reason;
static struct k_thread *panic_thread;

static void expect_panic_hook(int reason, struct k_thread *t) {
    panic_reason = reason;
    panic_thread = t;
    if (reason == K_PANIC_STACK_OVERFLOW && t == &th[0])
        th_case_mark_done();
    else if (reason == K_PANIC_USER + 7 && t == k_thread_self())
        th_case_mark_done();
    k_stop(0);
}

static void clobber_own_stack(void *arg) {
    memset(arg, 0, 8); // the lowest bytes: as if the stack had overflowed
    k_sleep_ticks(1);  // switching out checks the guard
    th_fail(__FILE__, __LINE__, "overflow not detected", 0, 0, 0);
}

static void stack_overflow_detected(void) {
    k_set_panic_hook(expect_panic_hook);
    void *stk = th_stack();
    TH_EQ(k_thread_create(&th[0], stk, th_stack_size(), clobber_own_stack, stk, TH_PRIO + 1,
                          "clobber"),
          0);
    th_fail(__FILE__, __LINE__, "still running after the overflow", 0, 0, 0);
}

static void panic_hook_called(void) {
    k_set_panic_hook(expect_panic_hook);
    k_panic(K_PANIC_USER + 7);
}

// --- determinism ------------------------------------------------------------------------------

struct scen {
    uint64_t hash;
    uint64_t switches;
    uint64_t t0;
    bool on;
};
static struct scen sc;
static struct k_mutex sm;
static struct k_queue sq;
static uint32_t sqbuf[4];
static struct k_event sev;
static struct k_timer stm;
static struct k_sim_irq sirq;
static uint32_t irq_rng;

static uint32_t xs(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static void fnv(uint64_t *h, const void *p, size_t n) {
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= b[i];
        *h *= 1099511628211ull;
    }
}

static void trace_hash(struct k_thread *from, struct k_thread *to, void *arg) {
    struct scen *s = arg;
    if (!s->on) return;
    const char *a = from ? k_thread_name(from) : "-", *b = k_thread_name(to);
    fnv(&s->hash, a, strlen(a));
    fnv(&s->hash, ">", 1);
    fnv(&s->hash, b, strlen(b));
    uint64_t t = k_sim_now_ns() - s->t0;
    fnv(&s->hash, &t, sizeof t);
    s->switches++;
}

static void scen_irq(void *arg) {
    uint32_t r = xs(&irq_rng);
    if (r & 1) k_sem_give(&sem);
    if (r & 2) k_event_set(&sev, 1u << (r >> 28));
    uint32_t v = r;
    k_queue_put(&sq, &v, K_NO_WAIT);
    if (sc.on) k_sim_irq_after(&sirq, 37000 + (r % 900000));
}

static void scen_timer(struct k_timer *t, void *arg) {
    k_event_set(&sev, 0x100);
}

static void scen_worker(void *arg) {
    uint32_t rng = (uint32_t)(uintptr_t)arg;
    for (int i = 0; i < 600; i++) {
        uint32_t r = xs(&rng);
        uint32_t v;
        switch (r % 8) {
        case 0: k_sem_take(&sem, k_timeout_ticks(r >> 29)); break;
        case 1: k_sem_give(&sem); break;
        case 2:
            if (k_mutex_lock(&sm, k_timeout_ticks(1 + (r >> 30))) == 0) {
                k_sim_consume(r % 300000);
                k_mutex_unlock(&sm);
            }
            break;
        case 3: k_queue_get(&sq, &v, k_timeout_ticks(r >> 30)); break;
        case 4: k_queue_put(&sq, &r, K_NO_WAIT); break;
        case 5:
            k_event_wait(&sev, 0x1ff, K_EVENT_ANY | K_EVENT_CLEAR, k_timeout_ticks(2), &v);
            break;
        case 6: k_sleep_ticks(r >> 30); break;
        default: k_sim_consume(r % 700000); break;
        }
    }
}

// Runs a busy mixed program (6 threads, interrupts, a timer) and hashes its switch trace.
static struct scen run_scenario(uint32_t seed) {
    static const int prios[6] = {3, 5, 5, 7, 9, 9};
    static const char *const names[6] = {"w0", "w1", "w2", "w3", "w4", "w5"};
    k_sem_init(&sem, 0, 5);
    k_mutex_init(&sm);
    k_queue_init(&sq, sqbuf, sizeof sqbuf[0], 4);
    k_event_init(&sev);
    k_timer_init(&stm, scen_timer, NULL);
    k_sim_irq_init(&sirq, scen_irq, NULL);
    irq_rng = seed * 2654435761u + 1;
    k_sleep_ticks(1); // start on a tick boundary, so runs are comparable
    memset(&sc, 0, sizeof sc);
    sc.hash = 1469598103934665603ull;
    sc.t0 = k_sim_now_ns();
    sc.on = true;
    k_trace_set_switch_hook(trace_hash, &sc);
    k_timer_start(&stm, k_timeout_ticks(3), k_timeout_ticks(3));
    k_sim_irq_after(&sirq, 50000);
    for (int i = 0; i < 6; i++)
        th_spawn(&th[i], scen_worker, (void *)(uintptr_t)(seed * 7919u + (uint32_t)i + 1), prios[i],
                 names[i]);
    for (int i = 0; i < 6; i++)
        th_join(&th[i]);
    sc.on = false;
    k_trace_set_switch_hook(NULL, NULL);
    k_timer_stop(&stm);
    k_sim_irq_cancel(&sirq);
    return sc;
}

static void determinism_in_process(void) {
    struct scen a = run_scenario(1);
    struct scen b = run_scenario(1);
    struct scen c = run_scenario(2);
    TH_ASSERT(a.switches > 1000);
    TH_EQ(a.switches, b.switches);
    TH_EQ(a.hash, b.hash);
    TH_NE(a.hash, c.hash); // the hash does see a different schedule
}

static void determinism_across_processes(void) {
    char first[256], second[256];
    TH_EQ(run_demo("--demo-trace 5"), 0);
    snprintf(first, sizeof first, "%.200s", out_buf);
    TH_EQ(run_demo("--demo-trace 5"), 0);
    snprintf(second, sizeof second, "%.200s", out_buf);
    TH_ASSERT(strncmp(first, "trace ", 6) == 0);
    TH_ASSERT(strcmp(first, second) == 0);
    TH_EQ(run_demo("--demo-trace 6"), 0);
    TH_ASSERT(strcmp(first, out_buf) != 0);
}

// --- real time ----------------------------------------------------------------------------------

static double wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void real_time_sleep(void) {
    TH_ASSERT(!k_sim_is_virtual());
    double w0 = wall_now();
    int64_t u0 = k_uptime_ms();
    TH_EQ(k_sleep_ms(20), 0);
    double w = wall_now() - w0;
    int64_t u = k_uptime_ms() - u0;
    TH_ASSERT(w >= 0.019);
    TH_ASSERT(u >= 19 && u <= 20 + (int64_t)(w * 1000) + 5);
    w0 = wall_now();
    k_busy_wait_us(3000);
    TH_ASSERT(wall_now() - w0 >= 0.003);
}

static struct k_sim_irq async_irq;

static void *foreign_thread(void *arg) {
    struct timespec ts = {0, 5000000};
    nanosleep(&ts, NULL);
    k_sim_irq_raise_async(&async_irq);
    return NULL;
}

static void async_interrupt_real_time(void) {
    k_sem_init(&sem, 0, 1);
    k_sim_irq_init(&async_irq, give_sem_isr, &sem);
    pthread_t p;
    TH_EQ(pthread_create(&p, NULL, foreign_thread, NULL), 0);
    double w0 = wall_now();
    TH_EQ(k_sem_take(&sem, k_timeout_ms(2000)), 0); // idle sleeps until the post wakes it
    TH_ASSERT(wall_now() - w0 < 1.0);
    pthread_join(p, NULL);
}

static void report_lists_threads(void) {
    report_lines = report_pending = 0;
    k_sim_report_threads(count_report, NULL);
    TH_EQ(report_lines, 3);
    k_sim_report_threads(NULL, NULL); // tolerated
}

// The trace hook table (k_trace_set_hooks): a named interrupt gives a semaphore a thread waits
// on; the hooks see the handler, the wake-up, both calls with their results, in that order.
static void trace_tok(const char *fmt, const char *s, int n) {
    char tok[40];
    snprintf(tok, sizeof tok, fmt, s, n);
    th_log(tok);
}

static void tr_ready(struct k_thread *t, void *arg) {
    (void)arg;
    trace_tok("ready:%s%.0d", k_thread_name(t), 0);
}

static void tr_isr(const char *name, bool enter, void *arg) {
    (void)arg;
    if (strcmp(name, "tick") != 0) trace_tok(enter ? "isr+%s%.0d" : "isr-%s%.0d", name, 0);
}

static void tr_object(enum k_trace_op op, const void *obj, int result, void *arg) {
    (void)arg;
    if (obj != &sem) return;
    trace_tok("%s:%d", op == K_TRACE_SEM_GIVE ? "give" : op == K_TRACE_SEM_TAKE ? "take" : "?", result);
}

static void give_isr(void *arg) {
    (void)arg;
    k_sem_give(&sem);
}

static void wait_sem(void *arg) {
    (void)arg;
    k_sem_take(&sem, K_FOREVER);
}

static void trace_hooks(void) {
    static const struct k_trace_hooks hooks = {tr_ready, tr_isr, tr_object, NULL};
    static const struct k_trace_hooks partial = {tr_ready, NULL, tr_object, NULL};
    TH_EQ(k_trace_set_hooks(&partial), -EINVAL);
    k_sem_init(&sem, 0, 1);
    th_log_reset();
    TH_EQ(k_trace_set_hooks(&hooks), 0);
    th_spawn(&th[0], wait_sem, NULL, TH_PRIO + 1, "w"); // runs at once, blocks on sem
    k_sim_irq_init(&irqs[0], give_isr, NULL);
    k_sim_irq_set_name(&irqs[0], "dev");
    k_sim_irq_after(&irqs[0], 1000000);
    k_sim_consume(2000000);
    TH_EQ(k_sem_take(&sem, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_trace_set_hooks(NULL), 0);
    k_sem_give(&sem); // no longer seen
    th_join(&th[0]);
    TH_LOG_EQ("isr+dev ready:w give:0 isr-dev take:0 take:-11");
}

static const struct th_case cases[] = {
    TH_CASE_HOST(consume_delivers_at_exact_times),
    TH_CASE_HOST(consume_preempted_resumes_with_rest),
    TH_CASE_HOST(idle_jumps_time),
    TH_CASE_HOST(call_cost_advances_time),
    TH_CASE_HOST(same_time_order),
    TH_CASE_HOST(cancel_and_reschedule),
    TH_CASE_HOST(periodic_device_irq),
    TH_CASE_HOST(deadlock_detected),
    TH_CASE_HOST(no_deadlock_while_timer_armed),
    TH_CASE_HOST(deadlock_default_hook_exits),
    TH_CASE_HOST(panic_default_exits),
    TH_CASE_HOST(stop_and_config),
    TH_CASE_HOST(stack_overflow_detected),
    TH_CASE_HOST(panic_hook_called),
    TH_CASE_HOST(determinism_in_process),
    TH_CASE_HOST(determinism_across_processes),
    TH_CASE_FLAGS(real_time_sleep, TH_HOST_ONLY | TH_REAL_TIME),
    TH_CASE_FLAGS(async_interrupt_real_time, TH_HOST_ONLY | TH_REAL_TIME),
    TH_CASE_HOST(report_lists_threads),
    TH_CASE_HOST(trace_hooks),
};

const struct th_suite th_suite_sim = TH_SUITE("sim", cases);

// --- demos run in a separate process by the cases above -----------------------------------------

static struct k_mutex demo_m;

static void demo_a(void *arg) {
    k_mutex_lock(&demo_m, K_FOREVER);
    k_sem_take(&sem, K_FOREVER);
}

static void demo_b(void *arg) {
    k_mutex_lock(&demo_m, K_FOREVER);
}

static void demo_boom(void *arg) {
    k_panic(K_PANIC_USER);
}

static uint32_t demo_seed;

static void demo_trace(void) {
    struct scen s = run_scenario(demo_seed);
    printf("trace %016llx switches %llu\n", (unsigned long long)s.hash,
           (unsigned long long)s.switches);
}

static void demo_stopper(void *arg) {
    k_sleep_ms(5);
    printf("stopping at %lld ms\n", (long long)k_uptime_ms());
    k_stop(7); // another thread is still blocked: k_start returns 7 anyway
}

static void demo_config(void *arg) {
    // k_init(cfg) below: 250 Hz, no slicing, 32-bit tick counter 10 ticks below the wrap.
    uint32_t t0 = k_tick_get();
    k_sleep_ms(100); // 25 ticks
    printf("hz %u timeout10ms %u ticks %u uptime %lld wrapped %d\n", (unsigned)k_tick_hz(),
           (unsigned)k_timeout_get_ticks(k_timeout_ms(10)), (unsigned)(k_tick_get() - t0),
           (long long)k_uptime_ms(), k_tick_get() < t0);
}

int th_posix_demo(int argc, char **argv) {
    k_init(NULL);
    static K_STACK_DEFINE(s1, 4096);
    static K_STACK_DEFINE(s2, 4096);
    if (strcmp(argv[1], "--demo-stop") == 0) {
        k_sem_init(&sem, 0, 1);
        k_thread_create(&th[0], s1, sizeof s1, wait_forever, &sem, 5, "blocked");
        k_thread_create(&th[1], s2, sizeof s2, demo_stopper, NULL, 4, "stopper");
        printf("k_start=%d\n", k_start());
        return 0;
    } else if (strcmp(argv[1], "--demo-config") == 0) {
        struct k_config cfg;
        k_config_default(&cfg);
        cfg.tick_hz = 250;
        cfg.timeslice_ticks = 0;
        cfg.tick_start = 0u - 10u;
        k_init(&cfg);
        k_thread_create(&th[0], s1, sizeof s1, demo_config, NULL, 5, "config");
        printf("k_start=%d\n", k_start()); // the only thread returned: 0
        return 0;
    } else if (strcmp(argv[1], "--demo-deadlock") == 0) {
        k_sem_init(&sem, 0, 1);
        k_mutex_init(&demo_m);
        k_thread_create(&th[0], s1, sizeof s1, demo_a, NULL, 5, "worker-a");
        k_thread_create(&th[1], s2, sizeof s2, demo_b, NULL, 4, "worker-b");
    } else if (strcmp(argv[1], "--demo-panic") == 0) {
        k_thread_create(&th[0], s1, sizeof s1, demo_boom, NULL, 5, "boom");
    } else if (strcmp(argv[1], "--demo-trace") == 0 && argc > 2) {
        static const struct th_case demo = {"trace", demo_trace, 0};
        demo_seed = (uint32_t)atoi(argv[2]);
        th_case_begin(&demo); // runs like a case: the "test" thread, the stack pool
    } else {
        return 2;
    }
    int rc = k_start();
    return rc < 0 ? 1 : rc;
}
