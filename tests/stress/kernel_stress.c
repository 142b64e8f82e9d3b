// tests/stress/kernel_stress.c: randomized stress test of the kernel. 24 worker threads at
// mixed (and changing) priorities, a checker thread, periodic timers, work items and a
// simulated interrupt source hammer shared objects with random operations and timeouts, for
// at least STRESS_OPS operations, while invariants are checked:
//  - queue: every item produced is consumed exactly once (none lost, none duplicated), and
//    each consumer sees each producer's items in order;
//  - semaphore: tokens are conserved (count + held = limit, up to takes in flight), a give is
//    never refused;
//  - mutexes: mutual exclusion, recursion, owner bookkeeping, and the inheritance invariant
//    (a holder runs at least at the priority of every waiter); no inherited priority remains
//    once a thread holds nothing;
//  - event flags: every satisfied wait reports bits that satisfy it;
//  - timers and work: expiry counts match elapsed time exactly, no work item is lost.
// Deterministic in virtual time (the same run every time). Uses only portable kernel calls
// and the harness (th_irq), like the unit tests.
#include <stdio.h>
#include <string.h>

#include "tests/kernel/harness.h"

#ifndef STRESS_OPS
#define STRESS_OPS 1000000u
#endif // STRESS_OPS

#define NWORK 24
#define NPROD (NWORK + 1) // workers + the interrupt
#define ISR_PROD NWORK
#define MAX_SEQ 65536u
#define QCAP 16
#define SEM_LIMIT 5
#define NTIMERS 3

static struct k_thread workers[NWORK], checker;
static struct k_queue q;
static uint64_t qbuf[QCAP];
static struct k_sem sem;
static struct k_mutex m_outer, m_inner;
static struct k_event ev;
static struct k_timer timers[NTIMERS];
static struct k_work works[8];
static struct th_irq irq;

static struct {
    volatile uint32_t ops;
    volatile int stop;
    // queue accounting
    uint32_t produced[NPROD];
    uint32_t consumed_total, produced_total;
    uint32_t put_transit, get_transit;
    uint32_t last_seen[NWORK + 1][NPROD]; // seq + 1 of the last item seen, per consumer
    uint8_t seen[NPROD][MAX_SEQ / 8];
    // semaphore
    uint32_t held, sem_transit;
    uint32_t held_by[NWORK];
    // mutexes
    struct k_thread *inside_outer, *inside_inner;
    uint32_t sections;
    // timers, work
    uint32_t timer_calls[NTIMERS];
    uint32_t work_accepted, work_ran;
    // interrupt
    uint32_t irq_rng, irq_ops;
    // statistics
    uint32_t op_counts[16];
    uint32_t timeouts;
} st;

static const uint32_t timer_period[NTIMERS] = {1, 7, 31};

static uint32_t xs(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static void count_op(void) {
    unsigned key = k_irq_lock();
    if (++st.ops >= STRESS_OPS) st.stop = 1;
    k_irq_unlock(key);
}

// Records a consumed item; `consumer` is a worker index, or NWORK for the final drain.
// Called with interrupts locked (the accounting must not be seen half done).
static void consume(uint64_t item, unsigned consumer) {
    uint32_t pid = (uint32_t)(item >> 32), seq = (uint32_t)item;
    TH_ASSERT(pid < NPROD && seq < MAX_SEQ);
    uint8_t bit = (uint8_t)(1u << (seq & 7));
    TH_ASSERT(!(st.seen[pid][seq >> 3] & bit)); // duplicated item
    st.seen[pid][seq >> 3] |= bit;
    TH_ASSERT(seq + 1 > st.last_seen[consumer][pid]); // per-producer FIFO
    st.last_seen[consumer][pid] = seq + 1;
    st.consumed_total++;
}

static void op_put(unsigned self, uint32_t r) {
    unsigned key = k_irq_lock();
    uint32_t seq = st.produced[self];
    if (seq >= MAX_SEQ) {
        k_irq_unlock(key);
        return;
    }
    st.put_transit++;
    k_irq_unlock(key);
    uint64_t item = ((uint64_t)self << 32) | seq;
    int err = k_queue_put(&q, &item, k_timeout_ticks(r % 4));
    TH_ASSERT(err == 0 || err == -EAGAIN);
    key = k_irq_lock();
    st.put_transit--;
    if (!err) {
        st.produced[self]++;
        st.produced_total++;
    } else {
        st.timeouts++;
    }
    k_irq_unlock(key);
}

static void op_get(unsigned self, uint32_t r) {
    unsigned key = k_irq_lock();
    st.get_transit++;
    k_irq_unlock(key);
    uint64_t item;
    int err = k_queue_get(&q, &item, k_timeout_ticks(r % 4));
    TH_ASSERT(err == 0 || err == -EAGAIN);
    key = k_irq_lock();
    st.get_transit--;
    if (!err) consume(item, self);
    k_irq_unlock(key);
}

static void op_sem(unsigned self, uint32_t r) {
    if (st.held_by[self] && (r & 1)) {
        unsigned key = k_irq_lock();
        st.held_by[self]--;
        st.held--;
        k_irq_unlock(key);
        TH_EQ(k_sem_give(&sem), 0); // a refused give would mean a duplicated token
        return;
    }
    unsigned key = k_irq_lock();
    st.sem_transit++;
    k_irq_unlock(key);
    int err = k_sem_take(&sem, k_timeout_ticks(r % 3));
    TH_ASSERT(err == 0 || err == -EAGAIN);
    key = k_irq_lock();
    st.sem_transit--;
    if (!err) {
        st.held++;
        st.held_by[self]++;
    }
    k_irq_unlock(key);
}

static void check_inheritance(struct k_mutex *m) {
    int top = k_mutex_waiters_top_priority(m);
    TH_ASSERT(k_thread_priority_effective(k_thread_self()) >= top);
}

static void op_mutex(unsigned self, uint32_t r) {
    struct k_thread *me = k_thread_self();
    if (k_mutex_lock(&m_outer, k_timeout_ticks(1 + r % 3)) != 0) return;
    TH_ASSERT(st.inside_outer == NULL);
    st.inside_outer = me;
    TH_ASSERT(k_mutex_owner(&m_outer) == me);
    unsigned depth = (r >> 4) % 3; // recursion
    for (unsigned i = 0; i < depth; i++)
        TH_EQ(k_mutex_lock(&m_outer, K_NO_WAIT), 0);
    TH_EQ(k_mutex_lock_count(&m_outer), depth + 1);
    if ((r >> 8) & 1) {
        // Nested, always in the order outer -> inner: chains, no cycles.
        if (k_mutex_lock(&m_inner, k_timeout_ticks(2)) == 0) {
            TH_ASSERT(st.inside_inner == NULL);
            st.inside_inner = me;
            k_busy_wait_us((r >> 12) % 200);
            check_inheritance(&m_inner);
            TH_ASSERT(st.inside_inner == me);
            st.inside_inner = NULL;
            TH_EQ(k_mutex_unlock(&m_inner), 0);
        }
    }
    switch ((r >> 10) % 4) {
    case 0: k_yield(); break;
    case 1: k_sleep_ticks(1); break;
    default: k_busy_wait_us((r >> 14) % 300); break;
    }
    check_inheritance(&m_outer);
    TH_ASSERT(st.inside_outer == me);
    st.sections++;
    st.inside_outer = NULL;
    for (unsigned i = 0; i <= depth; i++)
        TH_EQ(k_mutex_unlock(&m_outer), 0);
    int again = k_mutex_unlock(&m_outer); // free (-EINVAL) or handed to a waiter (-EPERM)
    TH_ASSERT(again == -EINVAL || again == -EPERM);
    // Holding nothing: no inherited priority may remain.
    TH_EQ(k_thread_priority_effective(me), k_thread_priority_get(me));
}

static bool satisfies(uint32_t got, uint32_t mask, unsigned opt) {
    if (got & ~mask) return false;
    return (opt & K_EVENT_ALL) ? got == mask : got != 0;
}

static void op_event_wait(uint32_t r) {
    uint32_t mask = (r >> 8) & 0xff;
    if (!mask) mask = 1;
    unsigned opt = (r >> 16) & 3;
    uint32_t got = 0;
    int err = k_event_wait(&ev, mask, opt, k_timeout_ticks((r >> 20) % 3), &got);
    TH_ASSERT(err == 0 || err == -EAGAIN);
    if (!err)
        TH_ASSERT(satisfies(got, mask, opt));
    else
        TH_EQ(got, 0);
}

static void work_fn(struct k_work *w) {
    unsigned key = k_irq_lock();
    st.work_ran++;
    k_irq_unlock(key);
}

static void submit_work(uint32_t r) {
    unsigned key = k_irq_lock();
    int err = k_work_submit(&works[r % 8]);
    if (!err) st.work_accepted++;
    k_irq_unlock(key);
    TH_ASSERT(err == 0 || err == -EBUSY);
}

static void worker(void *arg) {
    unsigned self = (unsigned)(uintptr_t)arg;
    uint32_t rng = 0x9e3779b9u * (self + 1);
    int base = k_thread_priority_get(k_thread_self());
    while (!st.stop) {
        uint32_t r = xs(&rng);
        unsigned op = r % 16;
        st.op_counts[op]++;
        switch (op) {
        case 0:
        case 1:
        case 2: op_put(self, r >> 4); break;
        case 3:
        case 4:
        case 5: op_get(self, r >> 4); break;
        case 6:
        case 7: op_sem(self, r >> 4); break;
        case 8:
        case 9: op_mutex(self, r >> 4); break;
        case 10: k_event_set(&ev, (r >> 8) & 0xff); break;
        case 11: op_event_wait(r); break;
        case 12: k_yield(); break;
        case 13: k_sleep_ticks((r >> 8) % 3); break;
        case 14: k_busy_wait_us((r >> 8) % 150); break;
        default:
            if (r & 0x100)
                submit_work(r >> 9);
            else {
                int p = base + (int)((r >> 9) % 5) - 2;
                TH_EQ(k_thread_priority_set(k_thread_self(), p < 0 ? 0 : p), 0);
            }
            break;
        }
        count_op();
    }
    TH_EQ(k_thread_priority_set(k_thread_self(), base), 0);
    // Give back held tokens.
    while (st.held_by[self]) {
        unsigned key = k_irq_lock();
        st.held_by[self]--;
        st.held--;
        k_irq_unlock(key);
        TH_EQ(k_sem_give(&sem), 0);
    }
}

static void check_now(void) {
    unsigned key = k_irq_lock();
    uint32_t count = k_sem_count(&sem);
    TH_ASSERT(count + st.held <= SEM_LIMIT);
    TH_ASSERT(count + st.held + st.sem_transit >= SEM_LIMIT);
    uint32_t qn = k_queue_count(&q);
    TH_ASSERT(qn <= QCAP);
    TH_ASSERT(st.consumed_total <= st.produced_total + st.put_transit);
    TH_ASSERT(qn <= st.produced_total + st.put_transit - st.consumed_total);
    // (a blocked putter's item may be consumed before its putter counts it: signed)
    TH_ASSERT((int64_t)qn + st.get_transit >= (int64_t)st.produced_total - st.consumed_total);
    if (st.inside_outer) TH_ASSERT(k_mutex_owner(&m_outer) == st.inside_outer);
    k_irq_unlock(key);
}

static void checker_fn(void *arg) {
    while (!st.stop) {
        check_now();
        k_sleep_ticks(5);
    }
}

static void timer_cb(struct k_timer *t, void *arg) {
    st.timer_calls[(uintptr_t)arg]++;
}

static void irq_fn(void *arg) {
    uint32_t r = xs(&st.irq_rng);
    switch (r % 5) {
    case 0: {
        uint32_t seq = st.produced[ISR_PROD];
        if (seq < MAX_SEQ) {
            uint64_t item = ((uint64_t)ISR_PROD << 32) | seq;
            if (k_queue_put(&q, &item, K_NO_WAIT) == 0) {
                st.produced[ISR_PROD]++;
                st.produced_total++;
            }
        }
        break;
    }
    case 1:
        if (k_sem_take(&sem, K_NO_WAIT) == 0) TH_EQ(k_sem_give(&sem), 0);
        break;
    case 2: k_event_set(&ev, r >> 24); break;
    case 3: submit_work(r >> 8); break;
    default: TH_EQ(k_sem_take(&sem, k_timeout_ticks(1)), -EPERM); break;
    }
    st.irq_ops++;
    if (!st.stop) {
        count_op();
        th_irq_after_us(&irq, 20 + (r >> 8) % 480);
    }
}

static void stress_mixed(void) {
    memset(&st, 0, sizeof st);
    st.irq_rng = 12345;
    TH_EQ(k_queue_init(&q, qbuf, sizeof qbuf[0], QCAP), 0);
    TH_EQ(k_sem_init(&sem, SEM_LIMIT, SEM_LIMIT), 0);
    k_mutex_init(&m_outer);
    k_mutex_init(&m_inner);
    k_event_init(&ev);
    for (int i = 0; i < 8; i++)
        k_work_init(&works[i], work_fn);
    for (uintptr_t i = 0; i < NTIMERS; i++)
        k_timer_init(&timers[i], timer_cb, (void *)i);
    uint32_t t_start = k_tick_get();
    for (int i = 0; i < NTIMERS; i++)
        k_timer_start(&timers[i], k_timeout_ticks(timer_period[i]),
                      k_timeout_ticks(timer_period[i]));
    th_irq_init(&irq, irq_fn, NULL);
    th_irq_after_us(&irq, 100);
    th_spawn(&checker, checker_fn, NULL, 25, "checker");
    k_sched_lock();
    for (unsigned i = 0; i < NWORK; i++) {
        static char names[NWORK][8];
        snprintf(names[i], sizeof names[i], "w%u", i);
        th_spawn(&workers[i], worker, (void *)(uintptr_t)i, 1 + (int)((i * 5) % 20), names[i]);
    }
    k_sched_unlock();
    for (unsigned i = 0; i < NWORK; i++)
        th_join(&workers[i]);
    th_join(&checker);
    // Timers: stop them all in one tick, then check the exact expiry counts.
    k_sched_lock();
    uint32_t t_end = k_tick_get();
    for (int i = 0; i < NTIMERS; i++) {
        TH_EQ(k_timer_expiries(&timers[i]), (t_end - t_start) / timer_period[i]);
        TH_ASSERT(st.timer_calls[i] <= k_timer_expiries(&timers[i]));
        TH_EQ(k_timer_stop(&timers[i]), 0);
    }
    k_sched_unlock();
    k_sleep_ticks(2); // the interrupt source stops itself; queued work drains
    TH_EQ(st.work_ran, st.work_accepted);
    // Drain the queue, then every produced item must have been consumed exactly once.
    uint64_t item;
    while (k_queue_get(&q, &item, K_NO_WAIT) == 0) {
        unsigned key = k_irq_lock();
        consume(item, NWORK);
        k_irq_unlock(key);
    }
    TH_EQ(st.consumed_total, st.produced_total);
    uint32_t total = 0;
    for (unsigned p = 0; p < NPROD; p++) {
        for (uint32_t s = 0; s < st.produced[p]; s++)
            TH_ASSERT(st.seen[p][s >> 3] & (1u << (s & 7)));
        total += st.produced[p];
    }
    TH_EQ(total, st.produced_total);
    TH_EQ(k_sem_count(&sem), SEM_LIMIT);
    TH_EQ(st.held, 0);
    TH_ASSERT(k_mutex_owner(&m_outer) == NULL && k_mutex_owner(&m_inner) == NULL);
    TH_ASSERT(st.ops >= STRESS_OPS);
    char line[300];
    snprintf(line, sizeof line,
             "     %u ops (%u by the interrupt), %u items through the queue, %u mutex sections, "
             "%u timeouts, %u work items, %llu switches, %.3f s virtual\n",
             st.ops, st.irq_ops, st.produced_total, st.sections, st.timeouts, st.work_ran,
             (unsigned long long)k_switch_count(), (double)k_uptime_ns() / 1e9);
    th_port_print(line);
}

static const struct th_case cases[] = {
    TH_CASE_FLAGS(stress_mixed, TH_LONG),
};

static const struct th_suite suite = TH_SUITE("stress", cases);
const struct th_suite *const th_suites[] = {&suite};
const unsigned th_suite_count = 1;
