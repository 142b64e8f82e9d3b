// kernel/queue.c: message queues of fixed-size items in a caller-owned ring buffer.
// Invariants: getters wait only when the queue is empty and putters only when it is full, so
// at most one of the two wait queues is non-empty. A put with a waiting getter copies the item
// straight into the getter's buffer; a get from a full queue refills the freed slot from the
// most urgent putter. Waiters are served by priority, then arrival.
// Cost: each copy is O(item_size) with interrupts locked; keep items small (pass pointers).
#include <string.h>

#include "kernel/internal/sched.h"
#include "kernel/internal/wait.h"

#define PUT_FRONT 1u // wait_opt of a blocked putter

// Ring position i (head + offset, so at most 2 * capacity: no modulo needed beyond one wrap).
static inline uint8_t *slot(const struct k_queue *q, uint64_t i) {
    if (i >= q->capacity) i -= q->capacity;
    return q->buf + (size_t)i * q->item_size;
}

// Items of one word (a pointer, an int: the recommended use) are copied inline.
static inline void copy_item(const struct k_queue *q, void *dst, const void *src) {
    if (q->item_size == sizeof(uint32_t))
        memcpy(dst, src, sizeof(uint32_t));
    else
        memcpy(dst, src, q->item_size);
}

// Called only with room for one more item.
static void store(struct k_queue *q, const void *item, bool front) {
    if (front) {
        // The front is one slot before the head, wrapping below 0.
        q->head = q->head ? q->head - 1 : q->capacity - 1;
        copy_item(q, slot(q, q->head), item);
    } else {
        copy_item(q, slot(q, (uint64_t)q->head + q->count), item);
    }
    q->count++;
}

int k_queue_init(struct k_queue *q, void *buf, size_t item_size, size_t capacity) {
    KERN_ARG_CHECK(q && buf && item_size && capacity, -EINVAL);
    KERN_ARG_CHECK(item_size <= UINT32_MAX && capacity <= UINT32_MAX / item_size, -EINVAL);
    kern_waitq_init(&q->getters, K_WAIT_QUEUE_GET);
    kern_waitq_init(&q->putters, K_WAIT_QUEUE_PUT);
    q->buf = buf;
    q->item_size = (uint32_t)item_size;
    q->capacity = (uint32_t)capacity;
    q->head = 0;
    q->count = 0;
    return 0;
}

static int put(struct k_queue *q, const void *item, k_timeout_t timeout, bool front) {
    KERN_ARG_CHECK(q && item, -EINVAL);
    if (arch_in_isr() && !k_timeout_is_none(timeout)) return -EPERM;
    unsigned key = kern_lock();
    int err = 0;
    struct k_thread *g = kern_waitq_first(&q->getters);
    if (g) {
        // A getter waits only on an empty queue: give it the item directly, one copy instead
        // of two, and it cannot be overtaken by a get from a less urgent thread.
        copy_item(q, g->wait_data, item);
        kern_wake(g, 0);
        kern_sched_resched();
    } else if (q->count < q->capacity) {
        store(q, item, front);
    } else if (k_timeout_is_none(timeout)) {
        err = -EAGAIN;
    } else if ((err = kern_block_check(key)) == 0) {
        // The item stays in the caller's memory until a getter makes room and copies it in.
        struct k_thread *cur = kern_k.current;
        cur->wait_data = (void *)(uintptr_t)item;
        cur->wait_opt = front ? PUT_FRONT : 0;
        kern_pend_prepare(&q->putters, timeout);
        return kern_pend_finish(key); // 0: a getter moved our item into the queue
    }
    kern_unlock(key);
    return err;
}

int k_queue_put(struct k_queue *q, const void *item, k_timeout_t timeout) {
    return kern_trace_obj(K_TRACE_QUEUE_PUT, q, put(q, item, timeout, false));
}

int k_queue_put_front(struct k_queue *q, const void *item, k_timeout_t timeout) {
    return kern_trace_obj(K_TRACE_QUEUE_PUT, q, put(q, item, timeout, true));
}

static int queue_get(struct k_queue *q, void *item, k_timeout_t timeout) {
    KERN_ARG_CHECK(q && item, -EINVAL);
    if (arch_in_isr() && !k_timeout_is_none(timeout)) return -EPERM;
    unsigned key = kern_lock();
    int err = 0;
    if (q->count) {
        copy_item(q, item, slot(q, q->head));
        q->head = q->head + 1 == q->capacity ? 0 : q->head + 1;
        q->count--;
        // A full queue had putters waiting: the freed slot goes to the most urgent one now, so
        // waiters keep their priority order against later puts.
        struct k_thread *p = kern_waitq_first(&q->putters);
        if (p) {
            store(q, p->wait_data, p->wait_opt == PUT_FRONT);
            kern_wake(p, 0);
            kern_sched_resched();
        }
    } else if (k_timeout_is_none(timeout)) {
        err = -EAGAIN;
    } else if ((err = kern_block_check(key)) == 0) {
        kern_k.current->wait_data = item; // a putter copies straight into it
        kern_pend_prepare(&q->getters, timeout);
        return kern_pend_finish(key); // 0: a putter copied its item into ours
    }
    kern_unlock(key);
    return err;
}

int k_queue_get(struct k_queue *q, void *item, k_timeout_t timeout) {
    return kern_trace_obj(K_TRACE_QUEUE_GET, q, queue_get(q, item, timeout));
}

int k_queue_peek(const struct k_queue *q, void *item) {
    KERN_ARG_CHECK(q && item, -EINVAL);
    unsigned key = kern_lock();
    int err = -EAGAIN;
    if (q->count) {
        memcpy(item, slot(q, q->head), q->item_size);
        err = 0;
    }
    kern_unlock(key);
    return err;
}

// Blocked putters' items are refused too: after a purge the queue is empty, as the caller
// expects, and those putters learn it with -ECANCELED.
int k_queue_purge(struct k_queue *q) {
    KERN_ARG_CHECK(q, -EINVAL);
    unsigned key = kern_lock();
    int n = (int)q->count;
    q->count = 0;
    q->head = 0;
    if (kern_waitq_wake_all(&q->putters, -ECANCELED)) kern_sched_resched();
    kern_unlock(key);
    return n;
}

uint32_t k_queue_count(const struct k_queue *q) {
    return q ? q->count : 0;
}

uint32_t k_queue_space(const struct k_queue *q) {
    return q ? q->capacity - q->count : 0;
}

uint32_t k_queue_capacity(const struct k_queue *q) {
    return q ? q->capacity : 0;
}
