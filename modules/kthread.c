// modules/kthread.c: Python threads on kernel threads (see kthread.h for the model).
// Invariants: exactly one thread holds the interpreter lock while Python objects are touched;
// a thread's C stack is scanned by the GC from c_stack_sp whenever it does not hold the lock
// (py_blocking_call sets it); thread records live in the GC heap, reachable from PY_S through
// the module roots until the kernel reports the thread dead (its stack may be in use until
// then).
#include <stdio.h>
#include <string.h>

#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/objexc.h"
#include "py/port.h"
#include "py/runtime.h"

#define DEFAULT_STACK (256u << 10) // C stack of a Python thread on the host (the board: its own)
#define PYSTACK_SIZE (32u << 10)   // Python frames of a thread
#define SLICE_NS 10000000u          // equal-priority Python threads take turns every 10 ms
#define ISR_PYSTACK (4u << 10)

// Module state: the lock and the dispatcher; the GC-visible parts hang off PY_S->module_roots.
static struct {
    struct k_mutex gil;
    struct k_sem dispatch_sem;
    uint32_t next_ident;
    bool dispatch_started;
    int isr_depth;
    unsigned isr_lock_depth; // the heap lock depth the running hard handler started with
    py_thread_state isr_ts;
} K;

#define ROOT_THREADS MOD_ROOT_THREADS
#define ROOT_DEAD MOD_ROOT_DEAD
#define ROOT_DISPATCH MOD_ROOT_DISPATCH
#define ROOT_MAIN MOD_ROOT_MAIN
#define ROOT_ISR_PYSTACK MOD_ROOT_ISR_PYSTACK

static mod_kthread **root(int i) { return (mod_kthread **)&PY_S->module_roots[i]; }

mod_kthread *mod_kthread_current(void) {
    if (k_is_in_isr()) {
        return NULL;
    }
    return k_thread_user_data(k_thread_self());
}
mod_kthread *mod_kthread_main(void) { return *root(ROOT_MAIN); }
mod_kthread *mod_kthread_all(void) { return *root(ROOT_THREADS); }

// ---- the interpreter lock ---------------------------------------------------------------------
static void gil_contention(struct k_mutex *m, struct k_thread *waiter, void *arg) {
    (void)m;
    (void)waiter;
    (void)arg;
    PY_S->pending |= PY_PENDING_PORT;
    // The pending flag alone is looked at only on calls and backward jumps; ending the
    // holder's bytecode budget makes it look at its very next bytecode boundary, so a more
    // urgent thread woken by a non-blocking call (Semaphore.release, EventFlags.set, ...)
    // runs before the holder runs another bytecode.
    py_vm_budget_refresh();
}

void mod_kthread_charge(void) {
    py_state *S = PY_S;
    if (k_is_in_isr() || K.isr_depth || S->budget_granted >= (1 << 30)) {
        return; // a hard handler, or already inside py_port_budget
    }
    int32_t executed = py_budget_executed(S);
    if (executed <= 0) {
        return;
    }
    py_budget_grant(S, 1 << 30); // as py_vm_budget_expired: no recursion
    int32_t next = py_port_budget(executed);
    py_budget_grant(S, next > 0 ? next : 1);
    if (S->pending) {
        py_vm_budget_refresh(); // a request came meanwhile: the VM looks at it next bytecode
    }
}

// The thread's bytecodes are charged before another thread can run, so that the clock it
// sees includes them.
void py_port_gil_release(void) {
    mod_kthread_charge();
    k_mutex_unlock(&K.gil);
}

void py_port_gil_acquire(void) {
    k_mutex_lock(&K.gil, k_timeout_forever());
    mod_kthread *me = mod_kthread_current();
    if (me) {
        me->lock_since_ns = k_uptime_ns();
        PY_S->ts = me->tsp;
        if (me->tsp->pending_exc) {
            PY_S->pending |= PY_PENDING_EXC;
            py_vm_budget_refresh(); // raised at the next bytecode, not the next call or jump
        }
    }
}

void mod_kthread_pending(void) {
    if (k_is_in_isr() || K.isr_depth) {
        return; // a hard handler: the request stays for the interrupted thread
    }
    PY_S->pending &= ~(uint32_t)PY_PENDING_PORT;
    mod_kthread *me = mod_kthread_current();
    if (me == NULL) {
        return;
    }
    int top = k_mutex_waiters_top_priority(&K.gil);
    if (top == K_PRIO_NONE) {
        return;
    }
    int mine = k_thread_priority_get(me->ktp);
    if (top > mine || (top == mine && k_uptime_ns() - me->lock_since_ns >= SLICE_NS)) {
        py_thread_yield_lock(); // ownership passes to the waiter; we queue up behind it
    } else if (top == mine) {
        PY_S->pending |= PY_PENDING_PORT; // an equal-priority waiter: at the end of our slice
    }
}

void py_port_pending(void) { mod_kthread_pending(); }

// ---- blocking waits ---------------------------------------------------------------------------
typedef struct wait_args {
    int kind;
    void *obj;
    void *item;
    k_timeout_t t;
    uint32_t mask;
    unsigned opts;
    uint32_t matched;
    int result;
} wait_args;

enum { W_SEM, W_MUTEX, W_QPUT, W_QGET, W_EVENT, W_JOIN, W_SLEEP };

static void do_wait(void *p) {
    wait_args *w = p;
    switch (w->kind) {
    case W_SEM: w->result = k_sem_take(w->obj, w->t); break;
    case W_MUTEX: w->result = k_mutex_lock(w->obj, w->t); break;
    case W_QPUT: w->result = k_queue_put(w->obj, w->item, w->t); break;
    case W_QGET: w->result = k_queue_get(w->obj, w->item, w->t); break;
    case W_EVENT: w->result = k_event_wait(w->obj, w->mask, w->opts, w->t, &w->matched); break;
    case W_JOIN: w->result = k_thread_join(w->obj, w->t); break;
    case W_SLEEP:
        // the thread's wake semaphore: a timeout is the normal end, a give ends it early
        w->result = k_sem_take(w->obj, w->t);
        break;
    }
}

static int wait(int kind, void *obj, void *item, k_timeout_t t) {
    wait_args w = {kind, obj, item, t, 0, 0, 0, 0};
    py_blocking_call(do_wait, &w);
    return w.result;
}

int mod_kthread_sem_take(struct k_sem *s, k_timeout_t t) {
    if (k_timeout_is_none(t)) {
        return k_sem_take(s, t); // polls need not release the lock
    }
    return wait(W_SEM, s, NULL, t);
}
int mod_kthread_mutex_lock(struct k_mutex *m, k_timeout_t t) {
    if (k_timeout_is_none(t)) {
        return k_mutex_lock(m, t);
    }
    return wait(W_MUTEX, m, NULL, t);
}
int mod_kthread_queue_put(struct k_queue *q, const void *item, k_timeout_t t) {
    if (k_timeout_is_none(t)) {
        return k_queue_put(q, item, t);
    }
    return wait(W_QPUT, q, (void *)item, t);
}
int mod_kthread_queue_get(struct k_queue *q, void *item, k_timeout_t t) {
    if (k_timeout_is_none(t)) {
        return k_queue_get(q, item, t);
    }
    return wait(W_QGET, q, item, t);
}
int mod_kthread_event_wait(struct k_event *e, uint32_t mask, unsigned opts, k_timeout_t t, uint32_t *matched) {
    if (k_timeout_is_none(t)) {
        return k_event_wait(e, mask, opts, t, matched);
    }
    wait_args w = {W_EVENT, e, NULL, t, mask, opts, 0, 0};
    py_blocking_call(do_wait, &w);
    *matched = w.matched;
    return w.result;
}
int mod_kthread_join(mod_kthread *th, k_timeout_t t) { return wait(W_JOIN, th->ktp, NULL, t); }

void mod_kthread_sleep(k_timeout_t t) {
    mod_kthread *me = mod_kthread_current();
    if (me == NULL || me->tsp->pending_exc) {
        return; // an interrupt is already due: do not start sleeping
    }
    wait(W_SLEEP, &me->wake, NULL, t);
    k_sem_reset(&me->wake);
}

k_timeout_t mod_kthread_timeout_ms(py_val ms) {
    if (ms == PY_NONE) {
        return k_timeout_forever();
    }
    py_int_t v;
    if (py_get_int_maybe(ms, &v)) {
        if (v < 0) {
            return k_timeout_forever();
        }
        return v == 0 ? k_timeout_none() : k_timeout_ms((uint32_t)(v > 0x7fffffff ? 0x7fffffff : v));
    }
    double d = py_get_float(ms);
    if (d < 0) {
        return k_timeout_forever();
    }
    if (d == 0) {
        return k_timeout_none();
    }
    return k_timeout_us((uint64_t)(d * 1000.0));
}

void mod_kthread_interrupt(mod_kthread *th, py_val exc) {
    th->tsp->pending_exc = exc;
    PY_S->pending |= PY_PENDING_EXC;
    k_sem_give(&th->wake);
}

// ---- threads ------------------------------------------------------------------------------------
// Frees the memory of threads the kernel has finished with.
static void reap(void) {
    for (mod_kthread **p = root(ROOT_DEAD); *p;) {
        mod_kthread *th = *p;
        if (k_thread_state(&th->kt) == K_THREAD_DEAD) {
            *p = th->next;
            mod_kthread_port_free(th->stack);
        } else {
            p = &th->next;
        }
    }
}

static void list_remove(int r, mod_kthread *th) {
    for (mod_kthread **p = root(r); *p; p = &(*p)->next) {
        if (*p == th) {
            *p = th->next;
            return;
        }
    }
}

static void run_thread_body(mod_kthread *th) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        if (th->fn != PY_NULL) {
            py_call_ex(th->fn, th->args, th->kwargs);
        }
        py_nlr_pop();
    } else if (!py_exc_matches(nlr.exc, (py_val)&py_type_SystemExit)) {
        mod_kthread_port_report("Unhandled exception in thread started by ", nlr.exc);
    }
}

static void dispatch_loop(void);

static void thread_entry(void *arg) {
    mod_kthread *th = arg;
    k_thread_user_data_set(k_thread_self(), th); // before anything asks "who am I"
    uintptr_t lo = 0, hi = 0;
    k_thread_stack_bounds(&th->kt, &lo, &hi);
    py_thread_set_stack(&th->ts, (char *)__builtin_frame_address(0) + 256, lo);
    th->ts.c_stack_sp = th->ts.c_stack_top; // nothing to scan before it holds the lock
    py_port_gil_acquire();
    th->ts.c_stack_sp = NULL;
    if (th->fn == PY_NULL && th->obj == PY_NULL) {
        dispatch_loop(); // the soft-interrupt dispatcher never returns
    }
    run_thread_body(th);
    th->finished = true;
    py_thread_state_unlink(&th->ts);
    list_remove(ROOT_THREADS, th);
    th->next = *root(ROOT_DEAD);
    *root(ROOT_DEAD) = th;
    th->ts.c_stack_sp = th->ts.c_stack_top;
    py_port_gil_release();
}

mod_kthread *mod_kthread_start(py_val fn, py_val args, py_val kwargs, int prio, size_t stack_size,
                               py_val name, py_val obj) {
    if (prio < MOD_KTHREAD_PRIO_MIN || prio > MOD_KTHREAD_PRIO_DISPATCH) {
        py_raise_fmt(&py_type_ValueError, "priority must be in %d..%d", MOD_KTHREAD_PRIO_MIN,
                     MOD_KTHREAD_PRIO_MAX);
    }
    reap();
    mod_kthread *th = py_gc_alloc(sizeof(mod_kthread), 0);
    size_t ss = K_STACK_SIZE(stack_size ? stack_size : DEFAULT_STACK);
    th->stack = mod_kthread_port_alloc(ss);
    char *pystack = py_gc_try_alloc(PYSTACK_SIZE, PY_GC_LEAF);
    if (th->stack == NULL || pystack == NULL) {
        mod_kthread_port_free(th->stack);
        py_raise_msg(&py_type_MemoryError, "can't create thread");
    }
    th->stack_size = ss;
    th->ktp = &th->kt;
    th->tsp = &th->ts;
    th->fn = fn;
    th->args = args;
    th->kwargs = kwargs;
    th->obj = obj;
    th->name = name;
    th->ident = ++K.next_ident;
    k_sem_init(&th->wake, 0, 1);
    // link the thread state (not running yet: its C stack range is empty)
    py_thread_state *saved = PY_S->ts;
    py_thread_state_init(&th->ts, pystack, PYSTACK_SIZE);
    PY_S->ts = saved;
    th->next = *root(ROOT_THREADS);
    *root(ROOT_THREADS) = th;
    size_t nlen = 0;
    const char *nstr = name && py_is_str(name) ? py_get_str(name, &nlen) : "py";
    if (!(name && py_is_str(name))) {
        nlen = 2;
    }
    th->kname = py_gc_alloc(nlen + 1, PY_GC_LEAF);
    py_memcpy(th->kname, nstr, nlen);
    int err = k_thread_create(&th->kt, th->stack, ss, thread_entry, th, prio, th->kname);
    if (err) {
        py_thread_state_unlink(&th->ts);
        list_remove(ROOT_THREADS, th);
        mod_kthread_port_free(th->stack);
        py_raise_fmt(&py_type_RuntimeError, "can't start new thread (kernel error %d)", err);
    }
    return th;
}

// ---- interrupts in Python ------------------------------------------------------------------------
static void run_handler(py_val fn, py_val arg) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        if (arg == PY_NULL) {
            py_call0(fn);
        } else {
            py_call1(fn, arg);
        }
        py_nlr_pop();
    } else {
        mod_kthread_port_report("Uncaught exception in IRQ callback handler ", nlr.exc);
    }
}

static void dispatch_loop(void) {
    mod_kthread *me = mod_kthread_current();
    for (;;) {
        py_val fn, arg;
        while (py_sched_pop(&fn, &arg)) {
            run_handler(fn, arg);
        }
        me->ts.depth = 0;
        mod_kthread_sem_take(&K.dispatch_sem, k_timeout_forever());
    }
}

static void dispatch_ensure(void) {
    if (K.dispatch_started || k_is_in_isr()) {
        return;
    }
    K.dispatch_started = true;
    mod_kthread *th = mod_kthread_start(PY_NULL, PY_NULL, PY_NULL, MOD_KTHREAD_PRIO_DISPATCH, 64u << 10,
                                        py_str_from_cstr("irq-dispatch"), PY_NULL);
    *root(ROOT_DISPATCH) = th;
}

bool mod_kthread_irq_soft(py_val handler, py_val arg) {
    if (!py_sched_push(handler, arg)) {
        return false;
    }
    if (!K.dispatch_started) {
        dispatch_ensure();
    }
    k_sem_give(&K.dispatch_sem);
    return true;
}

void mod_kthread_dispatch_start(void) { dispatch_ensure(); }

void mod_kthread_irq_hard(py_val handler, py_val arg) {
    if (K.isr_depth > 0 || py_gc_isr_must_defer()) {
        // a hard handler interrupting another, or the last pass of a collection's marking
        // (rare: handlers ran in each pass before): run it as a soft one instead
        mod_kthread_irq_soft(handler, arg);
        return;
    }
    K.isr_depth++;
    py_state *S = PY_S;
    py_thread_state *saved = S->ts;
    py_thread_state *its = &K.isr_ts;
    its->nlr_top = NULL;
    its->frame = NULL;
    its->depth = 0;
    its->pystack_top = its->pystack_base;
    its->handled_exc = PY_NULL;
    // The handler runs on the stack the interrupt took: on the host the interrupted kernel
    // thread's (often the idle thread's, not the lock holder's), on Cortex-M the main stack.
    // Bound the recursion check by it when it is a kernel thread's, else leave it unchecked.
    char here;
    uintptr_t lo = 0, hi = 0;
    struct k_thread *kt = k_thread_self();
    if (kt && k_thread_stack_bounds(kt, &lo, &hi) == 0 && (uintptr_t)&here > lo && (uintptr_t)&here < hi) {
        py_thread_set_stack(its, &here, lo);
    } else {
        py_thread_set_stack(its, &here, 0);
    }
    S->ts = its;
    int32_t budget = S->budget, granted = S->budget_granted;
    py_gc_lock();
    K.isr_lock_depth = py_gc_lock_depth();
    run_handler(handler, arg);
    K.isr_lock_depth = 0;
    py_gc_unlock();
    S->budget = budget;
    S->budget_granted = granted;
    S->ts = saved;
    K.isr_depth--;
}

bool mod_kthread_in_irq_hard(void) { return K.isr_depth > 0; }

unsigned mod_kthread_irq_hard_lock_depth(void) { return K.isr_depth > 0 ? K.isr_lock_depth : 0; }

_Noreturn void mod_kthread_raise_irq_hard_gc(void) {
    py_exc *e = (py_exc *)PY_S->module_roots[MOD_ROOT_ISR_GC_ERROR];
    e->traceback = NULL; // a handler that kept it may have raised it again in a thread
    e->context = e->cause = PY_NULL;
    py_raise((py_val)e);
}

// ---- start-up --------------------------------------------------------------------------------------
mod_kthread *mod_kthread_init(void) {
    memset(&K, 0, sizeof(K));
    k_mutex_init(&K.gil);
    k_mutex_set_contention_hook(&K.gil, gil_contention, NULL);
    k_sem_init(&K.dispatch_sem, 0, 0xffff);
    mod_kthread *main = py_gc_alloc(sizeof(mod_kthread), 0);
    *root(ROOT_MAIN) = main;
    main->ktp = k_thread_self();
    main->tsp = &PY_S->main_thread;
    main->is_main = true;
    main->ident = ++K.next_ident;
    main->name = py_qstr_val(PY_QSTR_main);
    k_sem_init(&main->wake, 0, 1);
    k_thread_user_data_set(k_thread_self(), main);
    py_port_gil_acquire();
    // hard handlers' Python stack (their C stack is the interrupted context's)
    char *pystack = py_gc_alloc(ISR_PYSTACK, PY_GC_LEAF);
    K.isr_ts.pystack_base = K.isr_ts.pystack_top = pystack;
    K.isr_ts.pystack_limit = pystack + ISR_PYSTACK;
    PY_S->module_roots[ROOT_ISR_PYSTACK] = (py_val)pystack;
    PY_S->module_roots[MOD_ROOT_ISR_GC_ERROR] =
        py_exc_new_msg(&py_type_RuntimeError, "gc.collect() not allowed in a hard interrupt handler");
    return main;
}
