// tests/unit/ble_defer.h: for the BLE tests that run controllers and hosts in one process in
// the kernel's virtual time: deliveries at a given time (a packet across the air, an H4
// packet across the wire between host and controller), each a simulated interrupt. The bytes
// are copied, and stay in place while the receiver runs.
#ifndef TESTS_UNIT_BLE_DEFER_H
#define TESTS_UNIT_BLE_DEFER_H

#include <rtos/sim.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFER_SLOTS 128
#define DEFER_BYTES 300

typedef void (*defer_fn)(void *ctx, const void *data, size_t n);

struct defer_slot {
    struct k_sim_irq irq;
    defer_fn fn;
    void *ctx;
    size_t n;
    bool busy;
    _Alignas(8) unsigned char data[DEFER_BYTES];
};

static struct defer_slot defer_slots[DEFER_SLOTS];

static void defer_run(void *arg) {
    struct defer_slot *s = arg;
    s->fn(s->ctx, s->data, s->n);
    s->busy = false;
}

static inline void defer_reset(void) {
    memset(defer_slots, 0, sizeof defer_slots);
}

// Calls fn(ctx, copy of data, n) at virtual time `at` (in order of calls for equal times).
static inline void defer_at(uint64_t at, defer_fn fn, void *ctx, const void *data, size_t n) {
    if (n > DEFER_BYTES) {
        fprintf(stderr, "defer: %zu bytes is too many\n", n);
        abort();
    }
    for (unsigned i = 0; i < DEFER_SLOTS; i++) {
        struct defer_slot *s = &defer_slots[i];
        if (!s->busy) {
            s->busy = true;
            s->fn = fn;
            s->ctx = ctx;
            s->n = n;
            memcpy(s->data, data, n);
            k_sim_irq_init(&s->irq, defer_run, s);
            k_sim_irq_at(&s->irq, at);
            return;
        }
    }
    fprintf(stderr, "defer: more than %d deliveries pending\n", DEFER_SLOTS);
    abort();
}

#endif // TESTS_UNIT_BLE_DEFER_H
