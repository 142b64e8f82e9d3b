// kernel/timeout.c: the timeout list, the tick clock and the time calls.
// One list of armed timeouts sorted by absolute 32-bit deadline tick; the tick interrupt
// (kern_clock_announce) advances the counter and fires what is due, in deadline order, FIFO
// among equal deadlines. Deadlines are compared wrap-safe, so the 32-bit counter may wrap
// freely (k_config.tick_start puts it just below the wrap for tests). A wait longer than
// 2^31-1 ticks is armed in steps (`extra`), so any 32-bit duration is exact.
// Cost: arming is O(armed timeouts); each tick is O(1) plus O(1) per expiry.
#include "kernel/internal/timeout.h"

#include "kernel/internal/sched.h"

void kern_timeout_init(void) {
    kern_dlist_init(&kern_k.timeouts);
}

// a is earlier than b, across the 32-bit wrap, for times less than 2^31 ticks apart (which
// KERN_TIMEOUT_MAX_STEP guarantees for every armed deadline).
static inline bool before(uint32_t a, uint32_t b) {
    return (int32_t)(a - b) < 0;
}

static inline struct k_timeout_entry *entry_of(struct k_dnode *n) {
    return KERN_CONTAINER_OF(n, struct k_timeout_entry, node);
}

// Sorted insertion, after every entry with the same deadline: equal deadlines fire in the
// order they were armed, which keeps the simulation's schedule deterministic and fair.
static void insert(struct k_timeout_entry *e) {
    struct k_dnode *n;
    for (n = kern_k.timeouts.next; n != &kern_k.timeouts; n = n->next) {
        if (before(e->deadline, entry_of(n)->deadline)) break;
    }
    kern_dlist_insert_before(n, &e->node);
}

void kern_timeout_add(struct k_timeout_entry *e, uint32_t ticks,
                      void (*fn)(struct k_timeout_entry *e)) {
    if (ticks == 0) ticks = 1; // "now" is the next tick: the current one is already past
    uint32_t step = ticks > KERN_TIMEOUT_MAX_STEP ? KERN_TIMEOUT_MAX_STEP : ticks;
    e->extra = ticks - step;
    e->deadline = kern_k.tick + step;
    e->fn = fn;
    insert(e);
}

// Safe on an entry that already fired or was never armed (the node is unlinked then).
void kern_timeout_cancel(struct k_timeout_entry *e) {
    if (kern_dnode_linked(&e->node)) kern_dlist_remove(&e->node);
}

uint32_t kern_timeout_remaining(const struct k_timeout_entry *e) {
    if (!kern_timeout_armed(e)) return 0;
    uint64_t r = (uint64_t)(uint32_t)(e->deadline - kern_k.tick) + e->extra;
    return r > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)r;
}

// The tick interrupt, for n elapsed ticks (1 on hardware; a batch on the host when nothing is
// due in between). Each expiry runs with k.tick equal to its deadline, so a handler that
// re-arms relative to "now" (periodic timers) re-arms relative to its own deadline.
void kern_clock_announce(uint32_t n) {
    unsigned key = arch_irq_lock();
    uint32_t left = n;
    while (left) {
        // Advance straight to the next deadline (or by all that is left).
        uint32_t step = left;
        struct k_dnode *h = kern_dlist_first(&kern_k.timeouts);
        if (h) {
            uint32_t d = entry_of(h)->deadline - kern_k.tick;
            if (d >= 1 && d < step) step = d;
        }
        kern_k.tick += step;
        kern_k.ticks += step;
        left -= step;
        while ((h = kern_dlist_first(&kern_k.timeouts)) != NULL &&
               !before(kern_k.tick, entry_of(h)->deadline)) {
            struct k_timeout_entry *e = entry_of(h);
            kern_dlist_remove(h);
            if (e->extra) {
                // A wait longer than one step: only a milestone, arm the next step silently.
                uint32_t s = e->extra > KERN_TIMEOUT_MAX_STEP ? KERN_TIMEOUT_MAX_STEP : e->extra;
                e->extra -= s;
                e->deadline += s;
                insert(e);
                continue;
            }
            e->fn(e);
        }
    }
    kern_sched_slice_tick(n);
    kern_sched_resched(); // the switch, if any, happens when the interrupt returns
    arch_irq_unlock(key);
}

// What a tickless port may skip: nothing before the first deadline or the end of the slice.
uint32_t kern_clock_ticks_to_next_event(void) {
    uint32_t best = kern_sched_slice_remaining();
    struct k_dnode *h = kern_dlist_first(&kern_k.timeouts);
    if (h) {
        uint32_t d = entry_of(h)->deadline - kern_k.tick;
        if (d == 0 || d > KERN_TIMEOUT_MAX_STEP)
            d = 1; // overdue (cannot happen while ticks are announced in order)
        if (d < best) best = d;
    }
    return best;
}

// --- time calls -------------------------------------------------------------------------------

// Reading the time is a kernel call like any other: in virtual time it costs the call cost, so
// a thread spinning on the clock still sees it move (and ticks, timers, interrupts happen).
uint32_t k_tick_get(void) {
    arch_call_cost();
    return kern_k.tick;
}

uint64_t k_uptime_ticks(void) {
    unsigned key = kern_lock(); // 64-bit: not atomic on a 32-bit CPU
    uint64_t t = kern_k.ticks;
    kern_unlock(key);
    return t;
}

int64_t k_uptime_ms(void) {
    return (int64_t)k_ticks_to_ms(k_uptime_ticks());
}

uint64_t k_uptime_ns(void) {
    arch_call_cost();
    return arch_clock_ns();
}

uint64_t k_uptime_us(void) {
    return k_uptime_ns() / 1000u;
}

uint32_t k_tick_hz(void) {
    return kern_k.tick_hz;
}

// Finite durations never turn into "forever" by overflow.
static uint32_t saturate(uint64_t ticks) {
    return ticks >= K_TICKS_FOREVER ? K_TICKS_FOREVER - 1 : (uint32_t)ticks;
}

// Rounded up: a timeout is never shorter than asked for because of the conversion.
uint32_t k_ms_to_ticks(uint32_t ms) {
    uint64_t hz = kern_k.tick_hz;
    return saturate(((uint64_t)ms * hz + 999u) / 1000u);
}

uint64_t k_ticks_to_ms(uint64_t ticks) {
    uint64_t hz = kern_k.tick_hz; // split so that ticks * 1000 cannot overflow
    return (ticks / hz) * 1000u + (ticks % hz) * 1000u / hz;
}

k_timeout_t k_timeout_ms(uint32_t ms) {
    k_timeout_t t = {k_ms_to_ticks(ms)};
    return t;
}

k_timeout_t k_timeout_us(uint64_t us) {
    uint64_t hz = kern_k.tick_hz; // whole seconds and the rest, to stay within 64 bits
    uint64_t whole = us / 1000000u;
    if (whole >= K_TICKS_FOREVER) return k_timeout_ticks(K_TICKS_FOREVER - 1);
    uint64_t ticks = whole * hz + ((us % 1000000u) * hz + 999999u) / 1000000u;
    k_timeout_t t = {saturate(ticks)};
    return t;
}

void k_busy_wait_us(uint32_t us) {
    arch_busy_wait_ns((uint64_t)us * 1000u);
}
