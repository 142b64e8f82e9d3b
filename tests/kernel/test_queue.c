// tests/kernel/test_queue.c: message queues (kernel/queue.c): FIFO order, full/empty, timeouts,
// getters and putters served by priority then arrival, direct hand-off, put_front, peek,
// purge, ring wrap-around with struct items.
#include <string.h>

#include "tests/kernel/harness.h"

static struct k_queue q;
static uint32_t buf[8];
static struct k_thread th[4];

static void fifo_and_counts(void) {
    TH_EQ(k_queue_init(&q, buf, sizeof buf[0], 5), 0);
    TH_EQ(k_queue_capacity(&q), 5);
    TH_EQ(k_queue_count(&q), 0);
    TH_EQ(k_queue_space(&q), 5);
    for (uint32_t i = 1; i <= 5; i++)
        TH_EQ(k_queue_put(&q, &i, K_NO_WAIT), 0);
    TH_EQ(k_queue_count(&q), 5);
    TH_EQ(k_queue_space(&q), 0);
    uint32_t v = 99;
    TH_EQ(k_queue_put(&q, &v, K_NO_WAIT), -EAGAIN);
    for (uint32_t i = 1; i <= 5; i++) {
        TH_EQ(k_queue_get(&q, &v, K_FOREVER), 0);
        TH_EQ(v, i);
    }
    TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), -EAGAIN);
    TH_EQ(k_queue_count(NULL), 0);
    TH_EQ(k_queue_space(NULL), 0);
    TH_EQ(k_queue_capacity(NULL), 0);
}

static void init_errors(void) {
    uint32_t v = 0;
    TH_EQ(k_queue_init(NULL, buf, 4, 2), -EINVAL);
    TH_EQ(k_queue_init(&q, NULL, 4, 2), -EINVAL);
    TH_EQ(k_queue_init(&q, buf, 0, 2), -EINVAL);
    TH_EQ(k_queue_init(&q, buf, 4, 0), -EINVAL);
    TH_EQ(k_queue_init(&q, buf, 4, 2), 0);
    TH_EQ(k_queue_put(&q, NULL, K_NO_WAIT), -EINVAL);
    TH_EQ(k_queue_get(&q, NULL, K_NO_WAIT), -EINVAL);
    TH_EQ(k_queue_put(NULL, &v, K_NO_WAIT), -EINVAL);
    TH_EQ(k_queue_peek(&q, NULL), -EINVAL);
    TH_EQ(k_queue_purge(NULL), -EINVAL);
}

static void timeouts(void) {
    k_queue_init(&q, buf, sizeof buf[0], 1);
    uint32_t v = 7;
    uint64_t t0 = k_uptime_ticks();
    TH_EQ(k_queue_get(&q, &v, k_timeout_ticks(4)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 4);
    TH_EQ(k_queue_put(&q, &v, K_NO_WAIT), 0);
    TH_EQ(k_queue_put(&q, &v, k_timeout_ticks(6)), -EAGAIN);
    TH_EQ(k_uptime_ticks() - t0, 10);
    TH_EQ(k_queue_count(&q), 1);
}

static void get_log(void *arg) {
    uint32_t v;
    TH_EQ(k_queue_get(&q, &v, K_FOREVER), 0);
    char tok[32];
    strcpy(tok, k_thread_name(k_thread_self()));
    size_t n = strlen(tok);
    tok[n] = '=';
    tok[n + 1] = (char)('0' + v);
    tok[n + 2] = 0;
    th_log(tok);
}

static void getters_by_priority_then_arrival(void) {
    k_queue_init(&q, buf, sizeof buf[0], 4);
    th_spawn(&th[0], get_log, NULL, TH_PRIO + 2, "g12");
    th_spawn(&th[1], get_log, NULL, TH_PRIO + 6, "g16a");
    th_spawn(&th[2], get_log, NULL, TH_PRIO + 4, "g14");
    th_spawn(&th[3], get_log, NULL, TH_PRIO + 6, "g16b");
    for (uint32_t i = 1; i <= 4; i++)
        TH_EQ(k_queue_put(&q, &i, K_NO_WAIT), 0);
    TH_LOG_EQ("g16a=1 g16b=2 g14=3 g12=4");
    TH_EQ(k_queue_count(&q), 0); // each item went straight to a getter
    for (int i = 0; i < 4; i++)
        th_join(&th[i]);
}

static void put_log(void *arg) {
    uint32_t v = (uint32_t)(uintptr_t)arg;
    TH_EQ(k_queue_put(&q, &v, K_FOREVER), 0);
    th_log(k_thread_name(k_thread_self()));
}

static void putters_by_priority(void) {
    k_queue_init(&q, buf, sizeof buf[0], 1);
    uint32_t v = 0;
    TH_EQ(k_queue_put(&q, &v, K_NO_WAIT), 0); // full
    th_spawn(&th[0], put_log, (void *)1, TH_PRIO + 1, "p11");
    th_spawn(&th[1], put_log, (void *)2, TH_PRIO + 5, "p15");
    th_spawn(&th[2], put_log, (void *)3, TH_PRIO + 3, "p13");
    uint32_t got[4];
    for (int i = 0; i < 4; i++)
        TH_EQ(k_queue_get(&q, &got[i], K_FOREVER), 0);
    TH_EQ(got[0], 0);
    TH_EQ(got[1], 2); // p15's item entered the freed slot first
    TH_EQ(got[2], 3);
    TH_EQ(got[3], 1);
    TH_LOG_EQ("p15 p13 p11");
    for (int i = 0; i < 3; i++)
        th_join(&th[i]);
}

static void put_front_and_peek(void) {
    k_queue_init(&q, buf, sizeof buf[0], 4);
    uint32_t v;
    TH_EQ(k_queue_peek(&q, &v), -EAGAIN);
    for (uint32_t i = 1; i <= 3; i++)
        TH_EQ(k_queue_put(&q, &i, K_NO_WAIT), 0);
    v = 9;
    TH_EQ(k_queue_put_front(&q, &v, K_NO_WAIT), 0);
    TH_EQ(k_queue_put_front(&q, &v, K_NO_WAIT), -EAGAIN); // full
    uint32_t p = 0;
    TH_EQ(k_queue_peek(&q, &p), 0);
    TH_EQ(p, 9);
    TH_EQ(k_queue_count(&q), 4); // peek does not remove
    uint32_t expect[] = {9, 1, 2, 3};
    for (int i = 0; i < 4; i++) {
        TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), 0);
        TH_EQ(v, expect[i]);
    }
}

static void front_putter(void *arg) {
    uint32_t v = 77;
    TH_EQ(k_queue_put_front(&q, &v, K_FOREVER), 0);
}

static void blocked_put_front(void) {
    k_queue_init(&q, buf, sizeof buf[0], 2);
    uint32_t v = 1;
    k_queue_put(&q, &v, K_NO_WAIT);
    v = 2;
    k_queue_put(&q, &v, K_NO_WAIT);
    th_spawn(&th[0], front_putter, NULL, TH_PRIO + 1, "front");
    TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), 0);
    TH_EQ(v, 1);
    TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), 0);
    TH_EQ(v, 77); // the blocked put_front went to the front
    TH_EQ(k_queue_get(&q, &v, K_NO_WAIT), 0);
    TH_EQ(v, 2);
    th_join(&th[0]);
}

static void put_result(void *arg) {
    uint32_t v = 5;
    *(int *)arg = k_queue_put(&q, &v, K_FOREVER);
}

static void purge(void) {
    static int r0, r1;
    k_queue_init(&q, buf, sizeof buf[0], 2);
    TH_EQ(k_queue_purge(&q), 0);
    uint32_t v = 1;
    k_queue_put(&q, &v, K_NO_WAIT);
    k_queue_put(&q, &v, K_NO_WAIT);
    th_spawn(&th[0], put_result, &r0, TH_PRIO + 1, "p0");
    th_spawn(&th[1], put_result, &r1, TH_PRIO + 1, "p1");
    TH_EQ(k_queue_purge(&q), 2);
    TH_EQ(r0, -ECANCELED);
    TH_EQ(r1, -ECANCELED);
    TH_EQ(k_queue_count(&q), 0);
    TH_EQ(k_queue_space(&q), 2);
    th_join(&th[0]);
    th_join(&th[1]);
}

struct msg {
    uint16_t id;
    uint8_t data[13];
};

static void wraparound_structs(void) {
    static struct msg ring[3];
    k_queue_init(&q, ring, sizeof ring[0], 3);
    uint16_t next_in = 0, next_out = 0;
    for (int round = 0; round < 200; round++) {
        int n = 1 + round % 3;
        for (int i = 0; i < n; i++) {
            struct msg m = {.id = next_in};
            memset(m.data, (int)(next_in & 0xff), sizeof m.data);
            TH_EQ(k_queue_put(&q, &m, K_NO_WAIT), 0);
            next_in++;
        }
        for (int i = 0; i < n; i++) {
            struct msg m;
            TH_EQ(k_queue_get(&q, &m, K_NO_WAIT), 0);
            TH_EQ(m.id, next_out);
            TH_EQ(m.data[12], next_out & 0xff);
            next_out++;
        }
    }
    TH_EQ(next_in, next_out);
}

static void producer(void *arg) {
    for (uint32_t i = 0; i < 500; i++)
        TH_EQ(k_queue_put(&q, &i, K_FOREVER), 0);
}

static void producer_consumer(void) {
    k_queue_init(&q, buf, sizeof buf[0], 3);
    th_spawn(&th[0], producer, NULL, TH_PRIO + 1, "prod");
    for (uint32_t i = 0; i < 500; i++) {
        uint32_t v;
        TH_EQ(k_queue_get(&q, &v, k_timeout_ticks(1)), 0);
        TH_EQ(v, i);
    }
    th_join(&th[0]);
}

static const struct th_case cases[] = {
    TH_CASE(fifo_and_counts),
    TH_CASE(init_errors),
    TH_CASE(timeouts),
    TH_CASE(getters_by_priority_then_arrival),
    TH_CASE(putters_by_priority),
    TH_CASE(put_front_and_peek),
    TH_CASE(blocked_put_front),
    TH_CASE(purge),
    TH_CASE(wraparound_structs),
    TH_CASE(producer_consumer),
};

const struct th_suite th_suite_queue = TH_SUITE("queue", cases);
