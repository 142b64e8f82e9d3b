// modules/kthread.h: Python threads as kernel threads, the interpreter lock, blocking calls,
// and interrupt handlers written in Python. Shared by every port that runs on the kernel.
//
// The interpreter lock (GIL) is a kernel mutex with priority inheritance. A thread holding it
// runs bytecode; when a more urgent Python thread wants it, the mutex's contention hook sets
// PY_S->pending and the holder hands the lock over at its next bytecode boundary. Blocking
// calls release the lock (py_blocking_call). Soft interrupt handlers are queued (the schedule
// queue) and run by a dispatch thread at MOD_KTHREAD_PRIO_DISPATCH; hard handlers run at once
// in interrupt context with the heap locked.
#ifndef MODULES_KTHREAD_H
#define MODULES_KTHREAD_H

#include <rtos/kernel.h>

#include "py/obj.h"
#include "py/state.h"

// Kernel priorities (higher = more urgent). Python threads use 1..MOD_KTHREAD_PRIO_MAX.
#define MOD_KTHREAD_PRIO_MIN 1
#define MOD_KTHREAD_PRIO_MAX 27
#define MOD_KTHREAD_PRIO_DEFAULT 10 // the main thread's
#define MOD_KTHREAD_PRIO_DISPATCH 28 // runs soft interrupt handlers
// 29-30 are free for board drivers; 31 is the kernel's timer service

typedef struct mod_kthread {
    struct k_thread kt;       // the kernel thread (spawned threads)
    struct k_thread *ktp;     // &kt, or the port's main kernel thread
    py_thread_state ts;       // spawned threads' interpreter state
    py_thread_state *tsp;     // &ts, or &PY_S->main_thread for the main thread
    char *kname;              // the kernel thread's name (a GC block)
    struct mod_kthread *next; // all Python threads
    py_val obj;               // the rtos.Thread object, or PY_NULL
    py_val fn, args, kwargs;  // what the thread runs
    py_val name;
    void *stack;              // C stack (from the port)
    size_t stack_size;
    struct k_sem wake;        // interruptible waits: given to wake the thread early
    uint32_t ident;           // _thread.get_ident()
    uint64_t lock_since_ns;   // when it last took the interpreter lock (time slicing)
    bool is_main;
    bool finished;
} mod_kthread;

// What the port provides to this layer.
// Memory for a thread's C stack (usable size at least `size`) and for its Python stack;
// freed by mod_kthread_port_free when the thread has ended. NULL when out of memory.
void *mod_kthread_port_alloc(size_t size);
void mod_kthread_port_free(void *p);
// Reports an exception that ended a thread or a handler (a traceback on the console).
void mod_kthread_port_report(const char *what, py_val exc);

// Sets up the interpreter lock and makes the calling kernel thread the Python main thread
// (taking the lock). Call on the main kernel thread after py_init. Returns its record.
mod_kthread *mod_kthread_init(void);
// Starts the soft-interrupt dispatcher now (it also starts on first use from a thread).
void mod_kthread_dispatch_start(void);
// Starts a Python thread running fn(*args, **kwargs) at kernel priority prio. stack_size 0
// means the default. Raises MemoryError / ValueError / RuntimeError.
mod_kthread *mod_kthread_start(py_val fn, py_val args, py_val kwargs, int prio, size_t stack_size,
                               py_val name, py_val obj);
mod_kthread *mod_kthread_current(void);
mod_kthread *mod_kthread_main(void);
mod_kthread *mod_kthread_all(void); // linked by ->next

// Blocking waits with the interpreter lock released. Each returns the kernel's result.
int mod_kthread_sem_take(struct k_sem *s, k_timeout_t t);
int mod_kthread_mutex_lock(struct k_mutex *m, k_timeout_t t);
int mod_kthread_queue_put(struct k_queue *q, const void *item, k_timeout_t t);
int mod_kthread_queue_get(struct k_queue *q, void *item, k_timeout_t t);
int mod_kthread_event_wait(struct k_event *e, uint32_t mask, unsigned opts, k_timeout_t t, uint32_t *matched);
int mod_kthread_join(mod_kthread *th, k_timeout_t t);
// Sleeps (releasing the lock); ends early when the thread is interrupted (KeyboardInterrupt,
// then raised by the caller's next pending check).
void mod_kthread_sleep(k_timeout_t t);
// Converts a timeout in ms as Python APIs take it (-1 forever, 0 poll) to a kernel timeout.
k_timeout_t mod_kthread_timeout_ms(py_val ms);

// Delivers exc (e.g. KeyboardInterrupt) to a thread at its next bytecode boundary, waking
// it from a sleep. Any context.
void mod_kthread_interrupt(mod_kthread *th, py_val exc);

// Interrupt handlers in Python. From interrupt context (or any thread):
// soft: queue handler(arg) for the dispatch thread; false if the queue is full.
bool mod_kthread_irq_soft(py_val handler, py_val arg);
// hard: run handler(arg) now, on the interrupted context, with the heap locked (an
// allocation raises MemoryError); exceptions are reported, not propagated.
void mod_kthread_irq_hard(py_val handler, py_val arg);
// True while a hard handler runs (its Python code, on the interrupted context). Any context.
bool mod_kthread_in_irq_hard(void);
// The heap lock depth a running hard handler was entered with (the lock it runs under
// included: at least 1), 0 outside one. micropython.heap_unlock() in a handler stops there.
unsigned mod_kthread_irq_hard_lock_depth(void);
// Raises RuntimeError("gc.collect() not allowed in a hard interrupt handler"): preallocated by
// mod_kthread_init, as a hard handler cannot allocate one. For gc.collect in a hard handler,
// where a collection would miss what only the interrupted thread's stack refers to.
_Noreturn void mod_kthread_raise_irq_hard_gc(void);

// The port's py_port_pending and py_port_budget helpers: the lock hand-off.
void mod_kthread_pending(void);

// Charges the bytecodes the calling thread ran since its budget was last settled (the VM
// reports them only when its budget runs out): in virtual time the clock then includes them.
// Call before reading the clock or acting on the outside world from a Python thread holding
// the lock; py_port_gil_release does it. No-op in interrupt context. Never raises.
void mod_kthread_charge(void);

#endif // MODULES_KTHREAD_H
