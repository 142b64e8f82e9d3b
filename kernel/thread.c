// kernel/thread.c: thread life cycle (create, exit, join), sleeping, suspend/resume, priority
// changes and per-thread statistics (CPU time, stack high-water mark by painting).
// A thread is created on caller memory and lives on kern_k.threads until it exits; a dead
// thread's struct and stack may be reused at once (the host port reaps its host thread before
// any other kernel code runs). Exiting releases held mutexes and wakes joiners.
// Non-goal: no k_thread_abort of another thread (a killed mutex holder cannot be made safe).
#include <string.h>

#include "kernel/internal/thread.h"

#include "kernel/internal/mutex.h"
#include "kernel/internal/sched.h"
#include "kernel/internal/timeout.h"
#include "kernel/internal/wait.h"

// The flag alone could be garbage in caller memory that was never a thread; membership of the
// live list cannot be. O(threads), only on create.
bool kern_thread_is_live(const struct k_thread *t) {
    if (!(t->flags & KT_ALIVE)) return false;
    for (struct k_dnode *n = kern_k.threads.next; n != &kern_k.threads; n = n->next) {
        if (n == &t->all_node) return true;
    }
    return false;
}

// The paint is how the high-water mark and the overflow guard are measured: whatever the
// thread ever wrote is no longer KERN_STACK_PAINT.
// Words of paint, readable and writable over a byte array without breaking aliasing rules.
#if defined(__GNUC__)
typedef uint64_t paint64 __attribute__((may_alias, aligned(4)));
typedef uint32_t paint32 __attribute__((may_alias));
#else
typedef uint64_t paint64;
typedef uint32_t paint32;
#endif // __GNUC__
#define PAINT32 (KERN_STACK_PAINT * 0x01010101u)

// Painting is most of what creating a thread costs (and of the time to the first thread):
// 32 bytes per iteration when the stack is word-aligned, as K_STACK_DEFINE stacks are.
static void stack_paint(void *stack, size_t size) {
    arch_stack_prepare(stack, size);
    uint8_t *p = stack, *end = p + size;
    if (((uintptr_t)p & 3u) == 0) {
        const uint64_t pat = (uint64_t)PAINT32 << 32 | PAINT32;
        for (; end - p >= 32; p += 32) {
            paint64 *w = (paint64 *)(void *)p;
            w[0] = pat;
            w[1] = pat;
            w[2] = pat;
            w[3] = pat;
        }
    }
    memset(p, KERN_STACK_PAINT, (size_t)(end - p));
}

int kern_thread_create(struct k_thread *t, void *stack, size_t stack_size, k_thread_entry_t entry,
                       void *arg, int prio, const char *name, bool system) {
    // The stack is painted before the lock is taken: O(stack) must not mask interrupts. The
    // first check keeps us from painting over a live thread's stack; the second (locked) one
    // is the one that counts.
    unsigned key = kern_lock();
    bool busy = kern_thread_is_live(t);
    kern_unlock(key);
    if (busy) return -EBUSY;
    stack_paint(stack, stack_size);

    key = kern_lock();
    if (kern_thread_is_live(t)) {
        kern_unlock(key);
        return -EBUSY;
    }
    memset(t, 0, sizeof *t); // the struct may be a dead thread's: start from nothing
    t->entry = entry;
    t->arg = arg;
    t->name = name;
    t->stack = stack;
    t->stack_size = stack_size;
    t->prio = t->base_prio = (int8_t)prio;
    t->slice_left = (int32_t)kern_k.slice_ticks;
    kern_dlist_init(&t->owned);
    kern_waitq_init(&t->joiners, K_WAIT_JOIN);
    t->flags = (uint16_t)(KT_ALIVE | (system ? KT_SYSTEM : 0u));
    int err = arch_thread_init(t); // host: the pthread exists from here, parked
    if (err) {
        t->flags = 0;
        kern_unlock(key);
        return err;
    }
    kern_dlist_append(&kern_k.threads, &t->all_node);
    if (!system) kern_k.app_threads++;
    kern_sched_ready(t);
    kern_sched_resched(); // more urgent than the creator: it runs inside this unlock
    kern_unlock(key);
    return 0;
}

int k_thread_create(struct k_thread *t, void *stack, size_t stack_size, k_thread_entry_t entry,
                    void *arg, int prio, const char *name) {
    KERN_ARG_CHECK(t && stack && entry, -EINVAL);
    KERN_ARG_CHECK(prio >= K_PRIO_MIN && prio <= K_PRIO_MAX, -EINVAL);
    KERN_ARG_CHECK(stack_size >= K_ARCH_STACK_MIN, -EINVAL);
    return kern_thread_create(t, stack, stack_size, entry, arg, prio, name, false);
}

// First code of every thread (called by the port); returning from entry is exiting.
_Noreturn void kern_thread_entry(struct k_thread *t) {
    t->entry(t->arg);
    k_thread_exit();
}

struct k_thread *k_thread_self(void) {
    return kern_k.running ? kern_k.current : NULL;
}

_Noreturn void k_thread_exit(void) {
    if (arch_in_isr() || !kern_k.running) k_panic(K_PANIC_ASSERT); // there is no thread to end
    (void)kern_lock(); // never unlocked here: the next thread restores its own state
    struct k_thread *cur = kern_k.current;
    KERN_ASSERT(cur != &kern_k.idle);
    // Whoever waits on this thread, for a mutex it holds or for its end, must not wait forever.
    kern_mutex_release_all(cur);
    kern_waitq_wake_all(&cur->joiners, 0);
    if (kern_sched_is_ready(cur)) kern_sched_unready(cur);
    kern_timeout_cancel(&cur->timeout);
    cur->flags = (uint16_t)((cur->flags & KT_SYSTEM) | KT_DEAD);
    cur->sched_locks = 0;
    kern_dlist_remove(&cur->all_node);
    // The host's k_start returns when the last application thread is gone.
    bool stop = false;
    if (!(cur->flags & KT_SYSTEM)) stop = --kern_k.app_threads == 0;
    struct k_thread *next = kern_sched_switch(cur); // cur is not ready: never picked
    arch_thread_exit(cur, next, stop);
}

// Joiners wait on the thread's own wait queue; k_thread_exit wakes them all with 0. A dead
// thread stays DEAD (and joinable) until its struct is used for a new thread.
int k_thread_join(struct k_thread *t, k_timeout_t timeout) {
    KERN_ARG_CHECK(t, -EINVAL);
    if (arch_in_isr() && !k_timeout_is_none(timeout)) return -EPERM;
    unsigned key = kern_lock();
    int err;
    if (t->flags & KT_DEAD)
        err = 0;
    else if (!(t->flags & KT_ALIVE))
        err = -EINVAL;
    else if (t == kern_k.current && kern_k.running && !arch_in_isr())
        err = -EDEADLK;
    else if (k_timeout_is_none(timeout))
        err = -EAGAIN;
    else if ((err = kern_block_check(key)) == 0) {
        kern_pend_prepare(&t->joiners, timeout);
        return kern_pend_finish(key);
    }
    kern_unlock(key);
    return err;
}

int k_sleep(k_timeout_t timeout) {
    if (arch_in_isr()) return -EPERM;
    KERN_ARG_CHECK(!k_timeout_is_forever(timeout), -EINVAL);
    unsigned key = kern_lock();
    int err = kern_block_check(key);
    if (err) {
        kern_unlock(key);
        return err;
    }
    if (k_timeout_is_none(timeout)) { // POSIX sleep(0) habit: give way to equal peers
        kern_unlock(key);
        k_yield();
        return 0;
    }
    kern_sleep_prepare(timeout.ticks);
    return kern_pend_finish(key);
}

int k_sleep_ms(uint32_t ms) {
    return k_sleep(k_timeout_ms(ms));
}

int k_sleep_ticks(uint32_t ticks) {
    return k_sleep(k_timeout_ticks(ticks));
}

int k_sleep_until(uint32_t *prev_wake, uint32_t period) {
    KERN_ARG_CHECK(prev_wake && period && period <= KERN_TIMEOUT_MAX_STEP, -EINVAL);
    if (arch_in_isr()) return -EPERM;
    unsigned key = kern_lock();
    int err = kern_block_check(key);
    if (err) {
        kern_unlock(key);
        return err;
    }
    // Deadlines advance by whole periods from the previous one, never from "now": no drift.
    // Wrap-safe difference: the deadline may be on the other side of the 32-bit wrap.
    uint32_t wake = *prev_wake + period;
    *prev_wake = wake;
    int32_t d = (int32_t)(wake - kern_k.tick);
    if (d <= 0) {
        kern_unlock(key);
        return -EAGAIN;
    }
    kern_sleep_prepare((uint32_t)d);
    return kern_pend_finish(key);
}

// Suspension is one more block bit: a pending or sleeping thread stays on its wait queue /
// timeout list, and when that wait ends it is still not ready until resumed.
int k_thread_suspend(struct k_thread *t) {
    KERN_ARG_CHECK(t, -EINVAL);
    unsigned key = kern_lock();
    int err = 0;
    if (!(t->flags & KT_ALIVE) || t == &kern_k.idle || (t->flags & KT_SUSPENDED))
        err = -EINVAL;
    else if (t == kern_k.current && kern_k.running && !arch_in_isr())
        err = kern_block_check(key); // suspending oneself is blocking
    if (!err) {
        kern_sched_block(t, KT_SUSPENDED);
        kern_sched_resched();
    }
    kern_unlock(key); // suspending oneself: the switch happens here, we return once resumed
    return err;
}

int k_thread_resume(struct k_thread *t) {
    KERN_ARG_CHECK(t, -EINVAL);
    unsigned key = kern_lock();
    int err = 0;
    if (!(t->flags & KT_ALIVE) || !(t->flags & KT_SUSPENDED)) {
        err = -EINVAL;
    } else {
        kern_sched_unblock(t, KT_SUSPENDED);
        kern_sched_resched();
    }
    kern_unlock(key);
    return err;
}

int k_thread_priority_set(struct k_thread *t, int prio) {
    KERN_ARG_CHECK(t && prio >= K_PRIO_MIN && prio <= K_PRIO_MAX, -EINVAL);
    unsigned key = kern_lock();
    int err = 0;
    if (!(t->flags & KT_ALIVE) || t == &kern_k.idle) {
        err = -EINVAL;
    } else {
        // The effective priority is recomputed (it may stay raised by inheritance) and the
        // change travels down the chain of mutex owners t may be waiting on.
        t->base_prio = (int8_t)prio;
        kern_mutex_prio_update(t);
        kern_sched_resched();
    }
    kern_unlock(key);
    return err;
}

int k_thread_priority_get(const struct k_thread *t) {
    return t ? t->base_prio : K_PRIO_NONE;
}

int k_thread_priority_effective(const struct k_thread *t) {
    return t ? t->prio : K_PRIO_NONE;
}

// Reported by priority of meaning: a suspended thread that also waits shows as suspended.
enum k_thread_state k_thread_state(const struct k_thread *t) {
    if (!t) return K_THREAD_UNUSED;
    unsigned f = t->flags;
    if (f & KT_DEAD) return K_THREAD_DEAD;
    if (!(f & KT_ALIVE)) return K_THREAD_UNUSED;
    if (f & KT_SUSPENDED) return K_THREAD_SUSPENDED;
    if (f & KT_PENDING) return K_THREAD_PENDING;
    if (f & KT_SLEEPING) return K_THREAD_SLEEPING;
    if (t == kern_k.current && kern_k.running) return K_THREAD_RUNNING;
    return K_THREAD_READY;
}

const char *k_thread_state_name(enum k_thread_state s) {
    static const char *const names[] = {"unused",   "ready",     "running", "pending",
                                        "sleeping", "suspended", "dead"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "?";
}

bool k_thread_is_alive(const struct k_thread *t) {
    return t && (t->flags & KT_ALIVE);
}

const char *k_thread_name(const struct k_thread *t) {
    return t && t->name ? t->name : "";
}

void k_thread_user_data_set(struct k_thread *t, void *p) {
    KERN_ARG_CHECK(t, );
    t->user_data = p;
}

void *k_thread_user_data(const struct k_thread *t) {
    return t ? t->user_data : NULL;
}

// Stacks grow down: the paint survives at the low end, below the deepest point ever reached.
KERN_NO_ASAN static size_t paint_left(const uint8_t *stack, size_t size) {
    size_t i = 0;
    while (i < size && stack[i] == KERN_STACK_PAINT)
        i++;
    return i;
}

// Runs at every switch (K_CFG_STACK_CHECK): a few bytes at the bottom of the stack, which
// only an overflow (or a write that far down) can have touched.
// Word by word, unrolled, when the stack is word-aligned (K_STACK_DEFINE stacks are): it runs
// at every switch. Stacks are never smaller than the guard (K_ARCH_STACK_MIN).
_Static_assert(K_CFG_STACK_GUARD_BYTES % 4 == 0 && K_CFG_STACK_GUARD_BYTES <= K_ARCH_STACK_MIN,
               "K_CFG_STACK_GUARD_BYTES: a multiple of 4, at most K_ARCH_STACK_MIN");
KERN_NO_ASAN bool kern_thread_stack_guard_ok(const struct k_thread *t) {
    if (((uintptr_t)t->stack & 3u) == 0) {
        const paint32 *w = (const paint32 *)(const void *)t->stack;
        uint32_t diff = 0;
#if defined(__GNUC__)
#pragma GCC unroll 16
#endif // __GNUC__
        for (size_t i = 0; i < K_CFG_STACK_GUARD_BYTES / 4u; i++)
            diff |= w[i] ^ PAINT32;
        return diff == 0;
    }
    for (size_t i = 0; i < K_CFG_STACK_GUARD_BYTES; i++) {
        if (t->stack[i] != KERN_STACK_PAINT) return false;
    }
    return true;
}

size_t k_thread_stack_used(const struct k_thread *t) {
    if (!t || !t->stack) return 0;
    return t->stack_size - paint_left(t->stack, t->stack_size);
}

// Step 3's py_port_stack_limit: the interpreter raises RecursionError before reaching lo.
int k_thread_stack_bounds(const struct k_thread *t, uintptr_t *lo, uintptr_t *hi) {
    KERN_ARG_CHECK(t && lo && hi && t->stack, -EINVAL);
    *lo = (uintptr_t)t->stack + K_CFG_STACK_GUARD_BYTES;
    *hi = (uintptr_t)t->stack + t->stack_size;
    return 0;
}

uint64_t k_thread_cpu_ns(const struct k_thread *t) {
    if (!t) return 0;
    unsigned key = arch_irq_lock();
    uint64_t ns = t->cpu_ns;
    if (t == kern_k.current && kern_k.running) ns += arch_clock_ns() - t->run_since;
    arch_irq_unlock(key);
    return ns;
}

// The wait queue's kind says which object embeds it, so a report can name it.
enum k_wait_kind k_thread_waiting_on(const struct k_thread *t, const void **obj) {
    enum k_wait_kind kind = K_WAIT_NONE;
    const void *o = NULL;
    if (t && (t->flags & KT_PENDING) && t->pended_on) {
        kind = (enum k_wait_kind)t->pended_on->kind;
        o = t->pended_on; // each object's wait queue is its first member
        if (kind == K_WAIT_QUEUE_PUT)
            o = KERN_CONTAINER_OF(t->pended_on, struct k_queue, putters);
        else if (kind == K_WAIT_JOIN)
            o = KERN_CONTAINER_OF(t->pended_on, struct k_thread, joiners);
        else if (kind == K_WAIT_WORK)
            o = KERN_CONTAINER_OF(t->pended_on, struct k_work_q, idle);
    }
    if (obj) *obj = o;
    return kind;
}

int k_thread_info(const struct k_thread *t, struct k_thread_info *info) {
    KERN_ARG_CHECK(t && info, -EINVAL);
    if (!(t->flags & (KT_ALIVE | KT_DEAD))) return -EINVAL;
    unsigned key = arch_irq_lock();
    info->name = k_thread_name(t);
    info->prio = t->prio;
    info->base_prio = t->base_prio;
    info->state = k_thread_state(t);
    info->waiting_on = k_thread_waiting_on(t, &info->wait_object);
    info->system = (t->flags & KT_SYSTEM) != 0;
    info->stack_size = t->stack_size;
    arch_irq_unlock(key);
    info->cpu_ns = k_thread_cpu_ns(t);
    info->stack_used = k_thread_stack_used(t); // O(stack): outside the interrupt lock
    return 0;
}

void k_thread_foreach(void (*fn)(struct k_thread *t, void *arg), void *arg) {
    KERN_ARG_CHECK(fn, );
    unsigned key = arch_irq_lock();
    for (struct k_dnode *n = kern_k.threads.next; n != &kern_k.threads;) {
        struct k_dnode *next = n->next; // tolerate fn touching the thread's own links
        fn(KERN_CONTAINER_OF(n, struct k_thread, all_node), arg);
        n = next;
    }
    arch_irq_unlock(key);
}

unsigned k_thread_count(void) {
    unsigned key = arch_irq_lock();
    unsigned n = 0;
    for (struct k_dnode *p = kern_k.threads.next; p != &kern_k.threads; p = p->next)
        n++;
    arch_irq_unlock(key);
    return n;
}
