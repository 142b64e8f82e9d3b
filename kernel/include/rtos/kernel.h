// kernel/include/rtos/kernel.h: the whole public API of the rtpy real-time kernel.
// A preemptive, priority-based kernel: 32 priorities (higher number = more urgent), O(1) ready
// queue, caller-owned objects (threads, mutexes, semaphores, queues, event flags, timers, work
// items) and no allocation. Every call returns 0 or a negative errno and states its context
// (thread, ISR or any) and whether it blocks. The kernel knows nothing of Python.
// Invariant: fields of the structs below are private; use the calls. An object must not be
// initialised again while in use. Host-only simulation calls (virtual time, simulated
// interrupts) are in rtos/sim.h, which portable code does not include.
#ifndef RTOS_KERNEL_H
#define RTOS_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rtos/kernel_arch.h"
#include "rtos/kernel_config.h"

#ifndef ECANCELED
#define ECANCELED 125
#endif // ECANCELED

// ---------------------------------------------------------------------------------------------
// Priorities
// ---------------------------------------------------------------------------------------------

/** Lowest and highest thread priorities; a higher number is more urgent. */
#define K_PRIO_MIN 0
#define K_PRIO_MAX 31
#define K_PRIO_COUNT 32
/** Returned by queries when there is no thread (e.g. no waiter); also the idle thread's. */
#define K_PRIO_NONE (-1)

// ---------------------------------------------------------------------------------------------
// Timeouts: an opaque type built by named constructors, never a bare integer.
// A timeout of N ticks expires at the Nth tick interrupt after the call, so the wait lasts
// between N-1 and N tick periods (FreeRTOS rules); ask for N+1 ticks to wait at least N.
// Durations are converted to ticks by rounding up. Finite timeouts may be up to 2^32-2 ticks.
// ---------------------------------------------------------------------------------------------

typedef struct {
    uint32_t ticks; // private: UINT32_MAX = forever, 0 = do not wait
} k_timeout_t;

#define K_TICKS_FOREVER UINT32_MAX
/** Wait forever / do not wait (constant forms, usable in initialisers). */
#define K_FOREVER ((k_timeout_t){K_TICKS_FOREVER})
#define K_NO_WAIT ((k_timeout_t){0})

/** The never-expiring timeout. Any context; does not block. */
static inline k_timeout_t k_timeout_forever(void) {
    return K_FOREVER;
}
/** The "poll" timeout: the call fails at once with -EAGAIN instead of blocking. */
static inline k_timeout_t k_timeout_none(void) {
    return K_NO_WAIT;
}
/** A timeout of `ticks` ticks (UINT32_MAX is clamped to the longest finite timeout). */
static inline k_timeout_t k_timeout_ticks(uint32_t ticks) {
    k_timeout_t t = {ticks == K_TICKS_FOREVER ? K_TICKS_FOREVER - 1 : ticks};
    return t;
}
/** A timeout of `ms` milliseconds, rounded up to whole ticks at the current tick rate. */
k_timeout_t k_timeout_ms(uint32_t ms);
/** A timeout of `us` microseconds, rounded up to whole ticks. */
k_timeout_t k_timeout_us(uint64_t us);
static inline bool k_timeout_is_forever(k_timeout_t t) {
    return t.ticks == K_TICKS_FOREVER;
}
static inline bool k_timeout_is_none(k_timeout_t t) {
    return t.ticks == 0;
}
/** The timeout's length in ticks (K_TICKS_FOREVER for forever). */
static inline uint32_t k_timeout_get_ticks(k_timeout_t t) {
    return t.ticks;
}

// ---------------------------------------------------------------------------------------------
// Private building blocks embedded in the public structs.
// ---------------------------------------------------------------------------------------------

struct k_thread;
struct k_mutex;

/** Intrusive doubly linked list node / head (private). */
struct k_dnode {
    struct k_dnode *next, *prev;
};

/** A pending timeout (private): sorted by absolute 32-bit tick deadline. */
struct k_timeout_entry {
    struct k_dnode node;
    uint32_t deadline; // tick at which it fires (wrap-safe comparisons)
    uint32_t extra;    // ticks still to wait after the deadline (timeouts > 2^31 ticks)
    void (*fn)(struct k_timeout_entry *e);
};

/** What a wait queue belongs to, for reports (private). */
enum k_wait_kind {
    K_WAIT_NONE,
    K_WAIT_MUTEX,
    K_WAIT_SEM,
    K_WAIT_QUEUE_GET,
    K_WAIT_QUEUE_PUT,
    K_WAIT_EVENT,
    K_WAIT_JOIN,
    K_WAIT_WORK,
};

/** Threads blocked on an object, highest priority first, then arrival order (private). */
struct k_waitq {
    struct k_dnode list;
    uint8_t kind; // enum k_wait_kind
};

// ---------------------------------------------------------------------------------------------
// Kernel start-up and configuration
// ---------------------------------------------------------------------------------------------

/** How the host simulation keeps time (ignored on hardware). */
enum k_time_mode {
    K_TIME_VIRTUAL, // deterministic: time moves only by k_sim_consume, call costs and idle jumps
    K_TIME_REAL,    // follows the host's monotonic wall clock
};

/** Run-time configuration for k_init. Start from k_config_default(). */
struct k_config {
    uint32_t tick_hz;           // tick rate (default K_CFG_TICK_HZ = 1000)
    uint32_t timeslice_ticks;   // round-robin slice among equal priorities; 0 = off
    uint32_t tick_start;        // initial value of the 32-bit tick counter (tests of the wrap)
    void (*idle_hook)(void);    // called by the idle thread each time round its loop, or NULL
    enum k_time_mode time_mode; // host simulation only
    uint32_t sim_call_cost_ns;  // host, virtual time: ns charged per kernel call from a thread
};

/** Fills `cfg` with the defaults. Any context; does not block. */
void k_config_default(struct k_config *cfg);

/**
 * Initialises (or, on the host, re-initialises) the kernel: resets all kernel state, creates
 * the idle thread and the timer service thread. Call first, from main(), before creating any
 * object. `cfg` may be NULL for the defaults. On the host, any threads left from a previous
 * run that never reached k_start are discarded. Context: startup only (no kernel running).
 */
void k_init(const struct k_config *cfg);

/**
 * Starts scheduling: the highest-priority ready thread runs. k_start returns when the last
 * application thread has exited (0) or when k_stop(code) is called (code); on the host also
 * after a virtual-time deadlock whose hook returned (-EDEADLK). On the host the calling host
 * thread waits meanwhile (it is not a kernel thread); on Cortex-M the caller's registers and
 * main stack are kept and restored (k_stop from a nested interrupt handler cannot return:
 * the board halts). A program's main() therefore creates its "main" kernel thread and returns
 * k_start()'s value. Returns 0 at once if no application thread exists. Context: startup only.
 */
int k_start(void);

/**
 * Stops the kernel: k_start returns `code` and every remaining thread is discarded. Before
 * k_start (or, on Cortex-M, from a nested interrupt handler) the program ends instead (host:
 * exit(code); Cortex-M: the board's halt hook, QEMU: exit). Context: any. Never returns.
 */
_Noreturn void k_stop(int code);

/** True between k_start and the kernel stopping. Any context. */
bool k_is_running(void);

// ---------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------

typedef void (*k_thread_entry_t)(void *arg);

/** Thread states as reported by k_thread_state (a thread may be SUSPENDED while it waits). */
enum k_thread_state {
    K_THREAD_UNUSED,    // never created
    K_THREAD_READY,     // runnable, waiting for the CPU
    K_THREAD_RUNNING,   // the current thread
    K_THREAD_PENDING,   // blocked on an object (maybe with a timeout)
    K_THREAD_SLEEPING,  // in k_sleep
    K_THREAD_SUSPENDED, // suspended (whatever else it waits for)
    K_THREAD_DEAD,      // exited; may be joined and its memory reused
};

/** A thread (caller-owned; fields private). */
struct k_thread {
    struct k_dnode node;            // ready queue or wait queue link
    struct k_timeout_entry timeout; // sleep / wait timeout
    struct k_dnode all_node;        // list of live threads
    struct k_dnode owned;           // mutexes this thread owns
    struct k_waitq *pended_on;      // wait queue it is blocked on
    struct k_mutex *wait_mutex;     // mutex it is blocked on (priority inheritance chains)
    struct k_waitq joiners;         // threads in k_thread_join on this one
    k_thread_entry_t entry;
    void *arg;
    const char *name;
    uint8_t *stack;
    size_t stack_size;
    void *user_data;
    void *wait_data;     // object-specific: buffer of a queue put/get
    uint32_t wait_u32;   // object-specific: event mask in, matched bits out
    int wait_result;     // 0 or -errno, set by whoever ends the wait
    uint16_t flags;      // private state bits
    uint8_t wait_opt;    // object-specific options
    uint8_t sched_locks; // k_sched_lock nesting
    int8_t prio;         // effective priority (base raised by inheritance)
    int8_t base_prio;    // priority set by create / k_thread_priority_set
    int32_t slice_left;  // ticks left in the round-robin slice
    uint64_t cpu_ns;     // time spent running
    uint64_t run_since;  // when it was last switched in (ns)
    union {
        uint64_t words[K_ARCH_THREAD_WORDS];
        void *align;
    } arch; // the port's saved context
};

/** Size to give a thread `n` bytes of stack, including the arch's own reserve. */
#define K_STACK_SIZE(n)                                                                            \
    ((((size_t)(n) + K_ARCH_STACK_RESERVE) + (K_STACK_ALIGN - 1)) & ~(size_t)(K_STACK_ALIGN - 1))
/** Defines a suitably aligned stack array: `static K_STACK_DEFINE(my_stack, 1024);`. */
#define K_STACK_DEFINE(name, n)                                                                    \
    uint8_t name[K_STACK_SIZE(n)] __attribute__((aligned(K_STACK_ALIGN)))

/**
 * Creates a thread that runs entry(arg) at priority `prio` on the caller-provided stack
 * (`stack`, `stack_size` bytes; use K_STACK_DEFINE / K_STACK_SIZE). The stack is painted for
 * high-water accounting. The thread is ready at once; if it is more urgent than the caller
 * it runs before k_thread_create returns. Returning from entry is k_thread_exit(). `name` is
 * kept by pointer (may be NULL). `t` may be reused once the thread is dead.
 * Returns 0; -EINVAL (bad priority, NULL, stack smaller than K_ARCH_STACK_MIN);
 * -EBUSY (`t` is a live thread). Context: any (before k_start too). Does not block.
 */
int k_thread_create(struct k_thread *t, void *stack, size_t stack_size, k_thread_entry_t entry,
                    void *arg, int prio, const char *name);

/** The running thread (NULL before k_start; the interrupted thread in an ISR). Any context. */
struct k_thread *k_thread_self(void);

/**
 * Ends the calling thread: mutexes it still holds are released (handed to their next waiter),
 * joiners are woken. Context: thread. Never returns.
 */
_Noreturn void k_thread_exit(void);

/**
 * Waits until `t` has exited. Returns 0 (also if it was already dead); -EAGAIN timeout;
 * -EDEADLK (t is the caller, or called with interrupts or the scheduler locked);
 * -EINVAL (t never created: a zeroed struct); -EPERM (ISR with a timeout other than K_NO_WAIT).
 * Context: thread (ISR: K_NO_WAIT only). Blocks.
 */
int k_thread_join(struct k_thread *t, k_timeout_t timeout);

/**
 * Puts the calling thread to sleep for `timeout` (see the timeout rules above); K_NO_WAIT
 * just yields. Returns 0; -EINVAL (K_FOREVER: use k_thread_suspend); -EPERM from an ISR;
 * -EDEADLK with interrupts or the scheduler locked. Context: thread. Blocks.
 */
int k_sleep(k_timeout_t timeout);
/** k_sleep(k_timeout_ms(ms)). */
int k_sleep_ms(uint32_t ms);
/** k_sleep(k_timeout_ticks(ticks)). */
int k_sleep_ticks(uint32_t ticks);

/**
 * Periodic sleep without drift: sleeps until tick *prev_wake + period, then stores that tick in
 * *prev_wake (initialise it with k_tick_get()). Returns 0; -EAGAIN if that tick has already
 * passed (does not sleep, *prev_wake still advances by one period); -EINVAL; -EPERM from an
 * ISR; -EDEADLK with interrupts or the scheduler locked. Context: thread. Blocks.
 */
int k_sleep_until(uint32_t *prev_wake, uint32_t period);

/**
 * Gives the CPU to the next ready thread of the same priority, if any (the caller goes to
 * the back of its priority's queue). Context: thread (no effect in an ISR). Does not block.
 */
void k_yield(void);

/**
 * Suspends `t` (which may be the caller): it will not run until k_thread_resume, even if what
 * it waits for happens meanwhile (the wait completes, the thread stays suspended).
 * Returns 0; -EINVAL (not alive, the idle thread, already suspended);
 * -EDEADLK (suspending oneself with interrupts or the scheduler locked).
 * Context: any (suspending the interrupted thread from an ISR takes effect on exit).
 * Blocks when t is the caller.
 */
int k_thread_suspend(struct k_thread *t);

/** Resumes a suspended thread. Returns 0; -EINVAL (not suspended). Any context. */
int k_thread_resume(struct k_thread *t);

/**
 * Sets t's base priority. Its effective priority is the higher of that and what it inherits
 * through mutexes; waiting positions and inherited priorities along mutex chains follow.
 * May switch threads at once. Returns 0; -EINVAL (bad priority, not alive, idle thread).
 * Context: any. Does not block.
 */
int k_thread_priority_set(struct k_thread *t, int prio);
/** Base priority of t (K_PRIO_NONE for the idle thread). Any context. */
int k_thread_priority_get(const struct k_thread *t);
/** Effective priority of t (base, raised by priority inheritance). Any context. */
int k_thread_priority_effective(const struct k_thread *t);

/** Current state of t. Any context. */
enum k_thread_state k_thread_state(const struct k_thread *t);
/** Name of a state ("ready", "pending", ...). Any context. */
const char *k_thread_state_name(enum k_thread_state s);
/** True if t has been created and has not exited. Any context. */
bool k_thread_is_alive(const struct k_thread *t);
/** t's name, or "" if it has none. Any context. */
const char *k_thread_name(const struct k_thread *t);

/** Per-thread pointer for the application (e.g. an interpreter's thread state). Any context. */
void k_thread_user_data_set(struct k_thread *t, void *p);
void *k_thread_user_data(const struct k_thread *t);

/** A snapshot of one thread, for statistics (rtos.stats()). */
struct k_thread_info {
    const char *name;
    int prio;      // effective
    int base_prio; // K_PRIO_NONE for idle
    enum k_thread_state state;
    enum k_wait_kind waiting_on; // K_WAIT_NONE unless PENDING
    const void *wait_object;     // the object it waits on (mutex, sem, ...), or NULL
    uint64_t cpu_ns;             // time spent running (virtual ns on the host simulation)
    size_t stack_size;
    size_t stack_used; // high-water mark from stack painting
    bool system;       // idle / timer service thread
};

/** Fills *info. Returns 0; -EINVAL (NULL or never created). Any context; O(stack) scan. */
int k_thread_info(const struct k_thread *t, struct k_thread_info *info);
/** Deepest stack use of t so far (bytes, from the paint). Any context; O(stack size). */
size_t k_thread_stack_used(const struct k_thread *t);
/**
 * The usable stack of t: [*lo, *hi). *lo is just above the overflow guard; the C stack grows
 * down towards it (an interpreter can keep a margin above *lo). On the host, the top of the
 * memory holds the host thread's descriptor, so *hi is an upper bound. Returns 0; -EINVAL.
 * Any context.
 */
int k_thread_stack_bounds(const struct k_thread *t, uintptr_t *lo, uintptr_t *hi);
/** Running time of t in ns (includes the current run if t is running). Any context. */
uint64_t k_thread_cpu_ns(const struct k_thread *t);
/**
 * Calls fn(t, arg) for every live thread (idle and timer service included), in creation
 * order, with interrupts locked: fn must be short and must not call blocking kernel calls or
 * create/exit threads. Context: any.
 */
void k_thread_foreach(void (*fn)(struct k_thread *t, void *arg), void *arg);
/** Number of live threads, kernel threads included. Any context. */
unsigned k_thread_count(void);

/**
 * Scheduler lock: the calling thread is not preempted by other threads until the matching
 * unlock (interrupts still run; wake-ups take effect at the unlock). Nestable. Blocking calls
 * fail with -EDEADLK meanwhile. Context: thread.
 */
void k_sched_lock(void);
void k_sched_unlock(void);

/** Changes the round-robin slice (ticks, 0 = off). Any context. */
void k_timeslice_set(uint32_t ticks);

// ---------------------------------------------------------------------------------------------
// Interrupts and critical sections
// ---------------------------------------------------------------------------------------------

/**
 * Masks interrupts (those that may call the kernel) and returns a key for k_irq_unlock.
 * Nestable; keep the section short and do not block in it. Any context.
 */
unsigned k_irq_lock(void);
/** Restores the interrupt state saved in `key`; pending interrupts/switches then happen. */
void k_irq_unlock(unsigned key);
/** True in interrupt context (a simulated interrupt handler on the host). Any context. */
bool k_is_in_isr(void);

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

/** The 32-bit tick counter (starts at k_config.tick_start, wraps). Any context. */
uint32_t k_tick_get(void);
/** Ticks since k_init (64-bit, never wraps in practice). Any context. */
uint64_t k_uptime_ticks(void);
/** Milliseconds since k_init, at tick resolution. Any context. */
int64_t k_uptime_ms(void);
/** Microseconds since k_init, finer than a tick (host: virtual or wall clock). Any context. */
uint64_t k_uptime_us(void);
/** Nanoseconds since k_init, finer than a tick. Any context. */
uint64_t k_uptime_ns(void);
/** The tick rate in Hz. Any context. */
uint32_t k_tick_hz(void);
/** Milliseconds to ticks, rounded up (saturates at UINT32_MAX - 1). Any context. */
uint32_t k_ms_to_ticks(uint32_t ms);
/** Ticks to milliseconds, rounded down. Any context. */
uint64_t k_ticks_to_ms(uint64_t ticks);
/**
 * Spins for `us` microseconds without giving up the CPU (interrupts still run and may
 * preempt). Host, virtual time: charged to virtual time as busy CPU time. Context: any.
 */
void k_busy_wait_us(uint32_t us);

// ---------------------------------------------------------------------------------------------
// Mutex: recursive for its owner, priority inheritance along chains, owner-only unlock.
// ---------------------------------------------------------------------------------------------

/** Called with interrupts locked when a thread is about to block on the mutex (see below). */
typedef void (*k_mutex_hook_t)(struct k_mutex *m, struct k_thread *waiter, void *arg);

struct k_mutex {
    struct k_waitq waiters;
    struct k_thread *owner;
    uint32_t lock_count;
    struct k_dnode owner_node; // in owner->owned
    k_mutex_hook_t contention_hook;
    void *hook_arg;
};

/** Initialises an unlocked mutex. Returns 0; -EINVAL. Context: any. */
int k_mutex_init(struct k_mutex *m);

/**
 * Locks the mutex; a thread that already owns it just increments the lock count. While the
 * caller waits, the owner (and the owner of any mutex that one waits on, and so on) runs at
 * least at the caller's priority. Ownership passes directly to the most urgent waiter.
 * Returns 0; -EAGAIN (timeout, or K_NO_WAIT and locked by another thread);
 * -EDEADLK (waiting would close a cycle of owners, or interrupts/scheduler locked);
 * -EPERM (ISR); -EINVAL. Context: thread. Blocks.
 */
int k_mutex_lock(struct k_mutex *m, k_timeout_t timeout);

/**
 * Unlocks once; at lock count 0 the mutex passes to its most urgent waiter and the caller
 * loses any priority it inherited through it. Returns 0; -EPERM (caller is not the owner,
 * or ISR); -EINVAL (not locked, or NULL). Context: thread. Does not block (may switch).
 */
int k_mutex_unlock(struct k_mutex *m);

/** The owner, or NULL. Any context. */
struct k_thread *k_mutex_owner(const struct k_mutex *m);
/** The owner's recursion depth (0 when unlocked). Any context. */
uint32_t k_mutex_lock_count(const struct k_mutex *m);

/**
 * Effective priority of the most urgent thread waiting for the mutex, or K_PRIO_NONE.
 * O(1), lock-free read: meant to be polled by the holder (e.g. an interpreter lock checked at
 * bytecode boundaries: compare with k_thread_priority_get(k_thread_self())). Any context.
 */
int k_mutex_waiters_top_priority(const struct k_mutex *m);

/**
 * Installs a hook called each time a thread is about to block on the mutex (after it is
 * queued, with interrupts locked, in the waiter's context). It must only set flags: no kernel
 * calls. Pass NULL to remove. Returns 0; -EINVAL. Context: any.
 */
int k_mutex_set_contention_hook(struct k_mutex *m, k_mutex_hook_t fn, void *arg);

// ---------------------------------------------------------------------------------------------
// Counting semaphore with a limit
// ---------------------------------------------------------------------------------------------

struct k_sem {
    struct k_waitq waiters;
    uint32_t count;
    uint32_t limit;
};

/** Initialises with `initial` tokens, at most `limit` (>= 1). Returns 0; -EINVAL. Any. */
int k_sem_init(struct k_sem *s, uint32_t initial, uint32_t limit);
/**
 * Takes a token, waiting up to `timeout`. Returns 0; -EAGAIN (timeout or K_NO_WAIT with no
 * token); -ECANCELED (k_sem_reset while waiting); -EPERM (ISR with a timeout);
 * -EDEADLK (interrupts/scheduler locked); -EINVAL. Context: thread; ISR with K_NO_WAIT. Blocks.
 */
int k_sem_take(struct k_sem *s, k_timeout_t timeout);
/**
 * Gives a token: wakes the most urgent waiter, else counts it. Returns 0; -EOVERFLOW (count
 * already at the limit: the token is refused); -EINVAL. Context: any. Does not block.
 */
int k_sem_give(struct k_sem *s);
/** Tokens available. Any context. */
uint32_t k_sem_count(const struct k_sem *s);
/** Sets the count to 0 and wakes every waiter with -ECANCELED. Returns 0; -EINVAL. Any. */
int k_sem_reset(struct k_sem *s);

// ---------------------------------------------------------------------------------------------
// Message queue: fixed-size items copied into caller memory.
// ---------------------------------------------------------------------------------------------

struct k_queue {
    struct k_waitq getters;
    struct k_waitq putters;
    uint8_t *buf;
    uint32_t item_size;
    uint32_t capacity;
    uint32_t head;  // index of the oldest item
    uint32_t count; // items stored
};

/**
 * Initialises an empty queue of `capacity` items of `item_size` bytes stored in `buf`
 * (capacity * item_size bytes, caller-owned). Returns 0; -EINVAL. Context: any.
 */
int k_queue_init(struct k_queue *q, void *buf, size_t item_size, size_t capacity);
/**
 * Copies `item` to the back of the queue, waiting up to `timeout` for space. A waiting getter
 * receives the item directly. Returns 0; -EAGAIN (full: timeout or K_NO_WAIT);
 * -ECANCELED (k_queue_purge while waiting; the item was not queued); -EPERM (ISR with a
 * timeout); -EDEADLK; -EINVAL. Context: thread; ISR with K_NO_WAIT. Blocks. The copy is done
 * with interrupts locked: O(item_size).
 */
int k_queue_put(struct k_queue *q, const void *item, k_timeout_t timeout);
/** As k_queue_put, to the front (the item is the next one got). */
int k_queue_put_front(struct k_queue *q, const void *item, k_timeout_t timeout);
/**
 * Copies the oldest item to `item` and removes it, waiting up to `timeout`. Waiters are served
 * by priority, then arrival. Returns 0; -EAGAIN (empty: timeout or K_NO_WAIT);
 * -EPERM (ISR with a timeout); -EDEADLK; -EINVAL. Context: thread; ISR with K_NO_WAIT. Blocks.
 */
int k_queue_get(struct k_queue *q, void *item, k_timeout_t timeout);
/** Copies the oldest item without removing it. Returns 0; -EAGAIN (empty); -EINVAL. Any. */
int k_queue_peek(const struct k_queue *q, void *item);
/**
 * Discards every stored item, and wakes every thread blocked in put with -ECANCELED (their
 * items are discarded too). Returns the number of stored items discarded; -EINVAL. Any.
 */
int k_queue_purge(struct k_queue *q);
/** Items stored / free slots / capacity. Any context. */
uint32_t k_queue_count(const struct k_queue *q);
uint32_t k_queue_space(const struct k_queue *q);
uint32_t k_queue_capacity(const struct k_queue *q);

// ---------------------------------------------------------------------------------------------
// Event flags (32 bits)
// ---------------------------------------------------------------------------------------------

#define K_EVENT_ANY 0u   // wake when any bit of the mask is set
#define K_EVENT_ALL 1u   // wake when all bits of the mask are set
#define K_EVENT_CLEAR 2u // clear the matched mask bits when the wait is satisfied

struct k_event {
    struct k_waitq waiters;
    uint32_t bits;
};

/** Initialises with no bit set. Returns 0; -EINVAL. Any context. */
int k_event_init(struct k_event *e);
/**
 * Sets `bits`. Every waiter whose condition now holds is woken (all judged against the same
 * value; the bits of K_EVENT_CLEAR waiters are cleared afterwards). Returns the flags after
 * the call. Context: any. Does not block. Cost: O(waiters) with interrupts locked.
 */
uint32_t k_event_set(struct k_event *e, uint32_t bits);
/** Clears `bits`; returns the flags before the call. Any context. */
uint32_t k_event_clear(struct k_event *e, uint32_t bits);
/** The current flags. Any context. */
uint32_t k_event_get(const struct k_event *e);
/**
 * Waits until any (K_EVENT_ANY) or all (K_EVENT_ALL) bits of `mask` are set, optionally
 * clearing them (K_EVENT_CLEAR). On success *matched (may be NULL) receives flags & mask at
 * the moment the condition held. Returns 0; -EAGAIN (timeout or K_NO_WAIT; *matched = 0);
 * -EINVAL (mask 0, unknown option); -EPERM (ISR with a timeout); -EDEADLK.
 * Context: thread; ISR with K_NO_WAIT. Blocks.
 */
int k_event_wait(struct k_event *e, uint32_t mask, unsigned options, k_timeout_t timeout,
                 uint32_t *matched);

// ---------------------------------------------------------------------------------------------
// Work queues: deferred work run by a thread. The system work queue is served by the timer
// service thread (priority K_CFG_TIMER_PRIO).
// ---------------------------------------------------------------------------------------------

struct k_work;
struct k_work_q;
typedef void (*k_work_fn)(struct k_work *w);

struct k_work {
    struct k_dnode node;
    k_work_fn fn;
    struct k_work_q *queue; // where it is queued (valid while pending)
    uint8_t pending;
};

struct k_work_q {
    struct k_thread thread;
    struct k_dnode items;
    struct k_waitq idle; // the worker waits here for work
    uint8_t stopping;
};

/** Initialises a work item that will call fn(w). Returns 0; -EINVAL. Any context. */
int k_work_init(struct k_work *w, k_work_fn fn);
/**
 * Queues `w` on the system work queue (FIFO). Returns 0; -EBUSY (already queued, not
 * re-queued); -EINVAL. Context: any. Does not block.
 */
int k_work_submit(struct k_work *w);
/** Queues `w` on queue `q`. Returns as k_work_submit; -EINVAL if q is stopped. Any context. */
int k_work_submit_to(struct k_work_q *q, struct k_work *w);
/** Removes `w` if it is still queued. Returns 0; -EALREADY (not queued: done or running). */
int k_work_cancel(struct k_work *w);
/** True while `w` is queued and not yet started. Any context. */
bool k_work_is_pending(const struct k_work *w);
/**
 * Starts a work queue served by a new thread at `prio` on the given stack. Returns as
 * k_thread_create. Context: thread or startup.
 */
int k_work_q_start(struct k_work_q *q, void *stack, size_t stack_size, int prio, const char *name);
/**
 * Asks the queue's thread to exit once the queued work is done (join q's thread with
 * k_work_q_thread). Later submissions fail with -EINVAL. Returns 0; -EINVAL. Any context.
 */
int k_work_q_stop(struct k_work_q *q);
/** The thread serving `q`. */
struct k_thread *k_work_q_thread(struct k_work_q *q);

// ---------------------------------------------------------------------------------------------
// Software timers: callbacks run in the timer service thread (priority K_CFG_TIMER_PRIO).
// Periodic timers are re-armed from their previous deadline, so they never drift.
// ---------------------------------------------------------------------------------------------

struct k_timer;
typedef void (*k_timer_fn)(struct k_timer *t, void *arg);

struct k_timer {
    struct k_timeout_entry tmo;
    struct k_work work; // runs the callbacks in the service thread
    k_timer_fn fn;
    void *arg;
    uint32_t delay;    // ticks to the first expiry (for restart)
    uint32_t period;   // ticks between expiries; 0 = one-shot
    uint32_t pending;  // expiries whose callback has not run yet
    uint32_t expiries; // expiries since the last start
    uint8_t running;
};

/** Initialises a stopped timer calling fn(t, arg) (not while it runs). Returns 0; -EINVAL. */
int k_timer_init(struct k_timer *t, k_timer_fn fn, void *arg);
/**
 * (Re)starts the timer: first expiry after `delay` (K_NO_WAIT: at once), then every `period`
 * (K_NO_WAIT: one-shot). Restarting a running timer re-arms it from now and drops callbacks
 * not yet run. Returns 0; -EINVAL (delay or period K_FOREVER, NULL). Any context.
 */
int k_timer_start(struct k_timer *t, k_timeout_t delay, k_timeout_t period);
/** Restarts with the delay and period of the last k_timer_start. Returns 0; -EINVAL. Any. */
int k_timer_restart(struct k_timer *t);
/**
 * Stops the timer; callbacks not yet run are dropped (one already running completes).
 * Returns 0; -EALREADY (was not running); -EINVAL. Any context.
 */
int k_timer_stop(struct k_timer *t);
/** True while armed. Any context. */
bool k_timer_is_running(const struct k_timer *t);
/** Ticks until the next expiry (0 when stopped). Any context. */
uint32_t k_timer_remaining_ticks(const struct k_timer *t);
/** Expiries since the last start (counted at expiry, before the callback runs). Any. */
uint32_t k_timer_expiries(const struct k_timer *t);

// ---------------------------------------------------------------------------------------------
// Hooks, tracing and fatal errors
// ---------------------------------------------------------------------------------------------

/** Called on every context switch, with interrupts locked: keep it short, no kernel calls. */
typedef void (*k_switch_hook_t)(struct k_thread *from, struct k_thread *to, void *arg);
/** Installs (NULL removes) the switch trace hook. Context: any. */
void k_trace_set_switch_hook(k_switch_hook_t fn, void *arg);
/** Number of context switches since k_init. Any context. */
uint64_t k_switch_count(void);

/** Kernel-object calls reported to the trace hooks (k_trace_hooks.object). */
enum k_trace_op {
    K_TRACE_SEM_GIVE,
    K_TRACE_SEM_TAKE,
    K_TRACE_MUTEX_LOCK,
    K_TRACE_MUTEX_UNLOCK,
    K_TRACE_QUEUE_PUT, // also k_queue_put_front
    K_TRACE_QUEUE_GET,
    K_TRACE_EVENT_SET,
    K_TRACE_EVENT_WAIT,
};

/**
 * The trace hook table a port fills (the switch itself goes to k_trace_set_switch_hook).
 * Every function must be set. They run with interrupts locked or in an ISR except `object`
 * (called as the traced call returns, in its caller's context): keep them short, make no
 * kernel calls (reading k_sem_count and the like is fine).
 *   ready   t became ready after waiting, sleeping or being suspended (a wake-up)
 *   isr     a (simulated) interrupt handler starts (enter true) or ends; `name` names it
 *   object  a kernel-object call finished with `result` (0 or -errno; for k_event_set: 0)
 * With no table (or K_CFG_TRACE 0) each hook point costs one test of a pointer.
 */
struct k_trace_hooks {
    void (*ready)(struct k_thread *t, void *arg);
    void (*isr)(const char *name, bool enter, void *arg);
    void (*object)(enum k_trace_op op, const void *obj, int result, void *arg);
    void *arg;
};
/** Installs (NULL removes) the trace hook table. Returns 0; -EINVAL (a NULL entry). Any. */
int k_trace_set_hooks(const struct k_trace_hooks *hooks);
/** What t waits on (K_WAIT_NONE unless PENDING) and, in *obj if not NULL, the object. Any. */
enum k_wait_kind k_thread_waiting_on(const struct k_thread *t, const void **obj);

/** Reasons given to k_panic. */
enum k_panic_reason {
    K_PANIC_ASSERT = 1,     // internal invariant broken
    K_PANIC_BAD_ARG,        // argument check failed (K_CFG_ARG_CHECK_PANIC)
    K_PANIC_STACK_OVERFLOW, // a thread's stack guard was overwritten (or, Cortex-M, hit)
    K_PANIC_CPU_FAULT,      // a CPU fault (Cortex-M: Hard/MemManage/Bus/UsageFault), reported
    K_PANIC_USER,           // application reasons start here
};

/** Called by k_panic with interrupts locked; it should not return (e.g. reset, k_stop). */
typedef void (*k_panic_hook_t)(int reason, struct k_thread *thread);
/** Installs the board's panic hook (NULL: the port's default). Context: any. */
void k_set_panic_hook(k_panic_hook_t fn);
/**
 * Fatal error: locks interrupts, calls the panic hook, then the port's panic handler
 * (host: prints the reason and the thread list, exits with status K_SIM_EXIT_PANIC = 4).
 * Context: any. Never returns.
 */
_Noreturn void k_panic(int reason);

#endif // RTOS_KERNEL_H
