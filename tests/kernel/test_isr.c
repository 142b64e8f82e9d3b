// tests/kernel/test_isr.c: interrupt context: wake-ups from interrupt handlers switch threads
// when the handler returns, calls that may block are refused, the non-blocking forms work,
// critical sections hold interrupts back. Interrupts come from th_irq (the host runner
// implements it with simulated interrupts delivered at exact virtual times).
#include "tests/kernel/harness.h"

static struct th_irq irq;
static struct k_thread th[2];
static struct k_sem sem;
static struct k_queue q;
static uint32_t qbuf[4];
static struct k_event ev;
static struct k_mutex mtx;
static volatile int isr_ran;
static volatile uint64_t isr_at_ns;

static void give_isr(void *arg) {
    TH_ASSERT(k_is_in_isr());
    isr_at_ns = k_uptime_ns();
    th_log("isr");
    TH_EQ(k_sem_give(&sem), 0);
    th_log("isr-end"); // the woken thread has not run yet: the switch waits for our return
    isr_ran++;
}

static void taker(void *arg) {
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    th_log("woken");
}

static void isr_give_switches_on_exit(void) {
    k_sem_init(&sem, 0, 1);
    isr_ran = 0;
    th_spawn(&th[0], taker, NULL, TH_PRIO + 1, "taker");
    th_irq_init(&irq, give_isr, NULL);
    th_irq_after_us(&irq, 1500);
    // We are busy when the interrupt comes; the taker preempts us right after the handler.
    k_busy_wait_us(3000);
    th_log("busy-done");
    TH_EQ(isr_ran, 1);
    TH_LOG_EQ("isr isr-end woken busy-done");
    th_join(&th[0]);
}

static void lower_taker(void *arg) {
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    th_log("low-woken");
}

static void isr_wakes_lower_no_switch(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&th[0], lower_taker, NULL, TH_PRIO - 1, "low");
    k_sleep_ticks(1); // let it block
    th_irq_init(&irq, give_isr, NULL);
    th_irq_after_us(&irq, 100);
    k_busy_wait_us(500);
    th_log("busy-done"); // the interrupted (more urgent) thread continues first
    th_join(&th[0]);
    TH_LOG_EQ("isr isr-end busy-done low-woken");
}

static void wake_from_idle(void) {
    k_sem_init(&sem, 0, 1);
    th_irq_init(&irq, give_isr, NULL);
    uint64_t t0 = k_uptime_ns();
    th_irq_after_us(&irq, 2345);
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0); // everything sleeps: time jumps to the interrupt
    TH_EQ(isr_at_ns - t0, 2345000u);
    TH_LOG_EQ("isr isr-end");
}

static volatile int refusals;

static void refuse_isr(void *arg) {
    int bad = 0;
    uint32_t v = 0, m = 0;
    bad += k_sem_take(&sem, k_timeout_ticks(1)) != -EPERM;
    bad += k_sem_take(&sem, K_FOREVER) != -EPERM;
    bad += k_sleep_ticks(1) != -EPERM;
    bad += k_sleep(K_NO_WAIT) != -EPERM;
    bad += k_mutex_lock(&mtx, K_NO_WAIT) != -EPERM;
    bad += k_mutex_unlock(&mtx) != -EPERM;
    bad += k_queue_get(&q, &v, k_timeout_ticks(1)) != -EPERM;
    bad += k_queue_put(&q, &v, K_FOREVER) != -EPERM;
    bad += k_queue_put_front(&q, &v, k_timeout_ticks(5)) != -EPERM;
    bad += k_event_wait(&ev, 1, K_EVENT_ANY, K_FOREVER, &m) != -EPERM;
    bad += k_thread_join(&th[0], K_FOREVER) != -EPERM;
    bad += k_sleep_until(&v, 5) != -EPERM;
    refusals = bad == 0 ? 1 : -bad;
}

static void blocking_calls_refused_in_isr(void) {
    k_sem_init(&sem, 0, 1);
    k_queue_init(&q, qbuf, sizeof qbuf[0], 4);
    k_event_init(&ev);
    k_mutex_init(&mtx);
    refusals = 0;
    th_irq_init(&irq, refuse_isr, NULL);
    th_irq_after_us(&irq, 10);
    k_sleep_ticks(1);
    TH_EQ(refusals, 1);
}

static struct k_timer tm;
static struct k_work wk;
static volatile int timer_fired, work_ran;
static void tm_cb(struct k_timer *t, void *arg) {
    timer_fired++;
}
static void wk_fn(struct k_work *w) {
    work_ran++;
}

static void nonblocking_isr(void *arg) {
    int bad = 0;
    uint32_t v = 11, out = 0, m = 0;
    bad += k_queue_put(&q, &v, K_NO_WAIT) != 0;
    v = 12;
    bad += k_queue_put_front(&q, &v, K_NO_WAIT) != 0;
    bad += k_queue_peek(&q, &out) != 0 || out != 12;
    bad += k_queue_get(&q, &out, K_NO_WAIT) != 0 || out != 12;
    bad += k_sem_give(&sem) != 0;
    bad += k_sem_take(&sem, K_NO_WAIT) != 0;
    bad += k_sem_take(&sem, K_NO_WAIT) != -EAGAIN;
    bad += k_sem_give(&sem) != 0;
    bad += k_event_set(&ev, 0x3) != 0x3;
    bad += k_event_wait(&ev, 0x1, K_EVENT_CLEAR, K_NO_WAIT, &m) != 0 || m != 0x1;
    bad += k_timer_start(&tm, k_timeout_ticks(2), K_NO_WAIT) != 0;
    bad += k_work_submit(&wk) != 0;
    bad += k_thread_self() != arg;                // the interrupted thread
    bad += k_thread_join(&th[0], K_NO_WAIT) != 0; // dead: does not block
    k_yield();                                    // no effect in an ISR
    refusals = bad == 0 ? 1 : -bad;
}

static void nop(void *arg) {}

static void nonblocking_calls_in_isr(void) {
    k_sem_init(&sem, 0, 1);
    k_queue_init(&q, qbuf, sizeof qbuf[0], 4);
    k_event_init(&ev);
    k_timer_init(&tm, tm_cb, NULL);
    k_work_init(&wk, wk_fn);
    timer_fired = work_ran = 0;
    refusals = 0;
    th_spawn(&th[0], nop, NULL, TH_PRIO + 1, "dead");
    th_irq_init(&irq, nonblocking_isr, k_thread_self());
    th_irq_after_us(&irq, 10);
    k_busy_wait_us(20);
    TH_EQ(refusals, 1);
    TH_EQ(work_ran, 1); // the service thread ran right after the handler
    TH_EQ(k_sem_count(&sem), 1);
    TH_EQ(k_event_get(&ev), 0x2);
    uint32_t v;
    TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), 0);
    TH_EQ(v, 11);
    k_sleep_ticks(3);
    TH_EQ(timer_fired, 1);
    th_join(&th[0]);
}

static void queue_isr(void *arg) {
    uint32_t v = (uint32_t)(uintptr_t)arg;
    TH_EQ(k_queue_put(&q, &v, K_NO_WAIT), 0);
}

static struct th_irq irqs[3];

static void isr_feeds_queue(void) {
    k_queue_init(&q, qbuf, sizeof qbuf[0], 4);
    for (int i = 0; i < 3; i++) {
        th_irq_init(&irqs[i], queue_isr, (void *)(uintptr_t)(100 + i));
        th_irq_after_us(&irqs[i], 1000u * (uint32_t)(3 - i)); // delivered in time order
    }
    uint64_t t0 = k_uptime_ns();
    uint32_t v;
    TH_EQ(k_queue_get(&q, &v, K_FOREVER), 0);
    TH_EQ(v, 102);
    TH_EQ((k_uptime_ns() - t0) / 1000u, 1000); // woken right at the first interrupt
    TH_EQ(k_queue_get(&q, &v, K_FOREVER), 0);
    TH_EQ(v, 101);
    TH_EQ(k_queue_get(&q, &v, K_FOREVER), 0);
    TH_EQ(v, 100);
}

static void critical_section_defers_interrupt(void) {
    isr_ran = 0;
    k_sem_init(&sem, 0, 1);
    th_spawn(&th[0], taker, NULL, TH_PRIO + 1, "taker");
    th_irq_init(&irq, give_isr, NULL);
    th_irq_after_us(&irq, 100);
    unsigned key = k_irq_lock();
    k_busy_wait_us(1000); // the interrupt falls due here but is held back
    TH_EQ(isr_ran, 0);
    th_log("unlock");
    k_irq_unlock(key); // taken now, and its wake-up switches to the taker
    th_log("after");
    TH_EQ(isr_ran, 1);
    TH_LOG_EQ("unlock isr isr-end woken after");
    th_join(&th[0]);
}

static void suspend_isr(void *arg) {
    TH_EQ(k_thread_suspend(arg), 0);
}

static void spin_log(void *arg) {
    for (int i = 0; i < 5; i++)
        k_busy_wait_us(1000);
    th_log("spin-done");
}

static void isr_suspends_interrupted_thread(void) {
    th_spawn(&th[0], spin_log, NULL, TH_PRIO - 1, "spin");
    th_irq_init(&irq, suspend_isr, &th[0]);
    th_irq_after_us(&irq, 2000);
    k_sleep_ticks(1); // spin runs; the interrupt suspends it mid-spin
    k_sleep_ticks(5);
    TH_EQ(k_thread_state(&th[0]), K_THREAD_SUSPENDED);
    TH_LOG_EQ("");
    TH_EQ(k_thread_resume(&th[0]), 0);
    th_join(&th[0]);
    TH_LOG_EQ("spin-done");
}

static const struct th_case cases[] = {
    TH_CASE(isr_give_switches_on_exit),
    TH_CASE(isr_wakes_lower_no_switch),
    TH_CASE(wake_from_idle),
    TH_CASE(blocking_calls_refused_in_isr),
    TH_CASE(nonblocking_calls_in_isr),
    TH_CASE(isr_feeds_queue),
    TH_CASE(critical_section_defers_interrupt),
    TH_CASE(isr_suspends_interrupted_thread),
};

const struct th_suite th_suite_isr = TH_SUITE("isr", cases);
