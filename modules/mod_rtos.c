// modules/mod_rtos.c: the rtos module: the kernel's objects for Python (DESIGN.md's API).
// Every object wraps the kernel object itself (a k_queue, k_sem, k_mutex, k_event, k_timer);
// blocking calls release the interpreter lock; the *_nowait forms, Semaphore.release and
// EventFlags.set are safe in hard interrupt handlers. Timeouts are in ms: -1 waits forever,
// 0 polls. A wait that times out raises rtos.Timeout (a TimeoutError), or returns False/0
// where DESIGN.md says so.
#include <stdio.h>
#include <string.h>

#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/objexc.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/state.h"

#define EXC_SLOTS                                                                              \
    .base = {&py_type_type}, .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,                \
    .print = py_exc_print, .make_new = py_exc_make_new, .attr = py_exc_attr,                   \
    .locals = (py_dict *)&py_exc_locals

const py_type mod_rtos_Timeout = {EXC_SLOTS, .name = PY_QSTR_Timeout, .base_type = &py_type_TimeoutError};
const py_type mod_rtos_Full = {EXC_SLOTS, .name = PY_QSTR_Full, .base_type = &mod_rtos_Timeout};
const py_type mod_rtos_Empty = {EXC_SLOTS, .name = PY_QSTR_Empty, .base_type = &mod_rtos_Timeout};

static int check_prio(py_val v) {
    py_int_t p = py_get_int(v);
    if (p < MOD_KTHREAD_PRIO_MIN || p > MOD_KTHREAD_PRIO_MAX) {
        py_raise_fmt(&py_type_ValueError, "priority must be in %d..%d", MOD_KTHREAD_PRIO_MIN, MOD_KTHREAD_PRIO_MAX);
    }
    return (int)p;
}

// ---- Thread ---------------------------------------------------------------------------------------
typedef struct rtos_thread {
    py_obj base;
    mod_kthread *th;
} rtos_thread;

extern const py_type mod_rtos_Thread;

static py_val thread_obj_of(mod_kthread *th) {
    if (th->obj == PY_NULL) {
        rtos_thread *t = py_new(rtos_thread, &mod_rtos_Thread);
        t->th = th;
        th->obj = (py_val)t;
    }
    return th->obj;
}

static py_val thread_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_target, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_args, 0, PY_NULL},
        {PY_QSTR_kwargs, 0, PY_NULL},
        {PY_QSTR_priority, 0, py_small_const(MOD_KTHREAD_PRIO_DEFAULT)},
        {PY_QSTR_stack_size, 0, py_small_const(0)},
        {PY_QSTR_name, 0, PY_NONE},
    };
    py_val a[6];
    py_arg_parse("Thread", n_args, n_kw, args, 0, spec, 6, a);
    if (!py_is_callable(a[0])) {
        py_raise_msg(&py_type_TypeError, "target must be callable");
    }
    py_val targs = a[1] ? py_call1((py_val)&py_type_tuple, a[1]) : py_tuple_new(0, NULL);
    int prio = check_prio(a[3]);
    py_int_t ss = py_get_int(a[4]);
    if (ss < 0) {
        py_raise_msg(&py_type_ValueError, "stack_size must be >= 0");
    }
    rtos_thread *t = py_new(rtos_thread, &mod_rtos_Thread);
    py_val name = a[5];
    if (name == PY_NONE) {
        // "Thread-N" as CPython's threading names them
        static uint32_t counter;
        char buf[24];
        snprintf(buf, sizeof(buf), "Thread-%u", (unsigned)++counter);
        name = py_str_from_cstr(buf);
    } else if (!py_is_str(name)) {
        py_raise_msg(&py_type_TypeError, "name must be a str");
    }
    t->th = mod_kthread_start(a[0], targs, a[2] ? a[2] : PY_NULL, prio, (size_t)ss, name, (py_val)t);
    return (py_val)t;
}

static py_val thread_join(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_timeout_ms, 0, py_small_const(-1)}};
    py_val a[1];
    py_arg_parse("join", n_args, n_kw, args, 1, spec, 1, a);
    rtos_thread *t = (rtos_thread *)args[0];
    if (t->th == mod_kthread_current()) {
        py_raise_msg(&py_type_RuntimeError, "cannot join current thread");
    }
    if (t->th->is_main) {
        py_raise_msg(&py_type_RuntimeError, "cannot join the main thread");
    }
    int r = mod_kthread_join(t->th, mod_kthread_timeout_ms(a[0]));
    return py_bool(r == 0);
}
static PY_FN_OBJ_KW(thread_join_obj, join, thread_join);

static py_val thread_is_alive(py_val self) {
    mod_kthread *th = ((rtos_thread *)self)->th;
    return py_bool(!th->finished && k_thread_is_alive(th->ktp));
}
static PY_FN_OBJ_1(thread_is_alive_obj, is_alive, thread_is_alive);

static void thread_attr(py_val self, qstr attr, py_val *dest) {
    mod_kthread *th = ((rtos_thread *)self)->th;
    if (dest[0] == PY_SENTINEL) {
        if (attr == PY_QSTR_priority && dest[1]) {
            int p = check_prio(dest[1]);
            if (th->finished) {
                py_raise_msg(&py_type_RuntimeError, "thread has ended");
            }
            k_thread_priority_set(th->ktp, p);
            dest[0] = PY_NULL;
        } else if (attr == PY_QSTR_name && dest[1] && py_is_str(dest[1])) {
            th->name = dest[1];
            dest[0] = PY_NULL;
        }
        return;
    }
    if (attr == PY_QSTR_name) {
        dest[0] = th->name ? th->name : PY_NONE;
    } else if (attr == PY_QSTR_priority) {
        dest[0] = py_small(k_thread_priority_get(th->ktp));
    } else if (attr == PY_QSTR_ident) {
        dest[0] = py_small((py_int_t)th->ident);
    }
}

static void thread_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    mod_kthread *th = ((rtos_thread *)self)->th;
    py_printf(p, "<Thread %r priority=%d %s>", th->name ? th->name : PY_NONE, k_thread_priority_get(th->ktp),
              th->finished ? "stopped" : "alive");
}

static const py_dict_entry thread_locals_table[] = {
    PY_ROM_ENTRY(join, &thread_join_obj),
    PY_ROM_ENTRY(is_alive, &thread_is_alive_obj),
};
static PY_ROM_DICT(thread_locals, thread_locals_table);

const py_type mod_rtos_Thread = {
    .base = {&py_type_type},
    .name = PY_QSTR_Thread,
    .flags = PY_TF_EQ_ID,
    .print = thread_print,
    .make_new = thread_make_new,
    .attr = thread_attr,
    .locals = (py_dict *)&thread_locals,
    .base_type = &py_type_object,
};

static py_val rtos_current(void) {
    mod_kthread *me = mod_kthread_current();
    if (me == NULL) {
        py_raise_msg(&py_type_RuntimeError, "not in a Python thread");
    }
    return thread_obj_of(me);
}
static PY_FN_OBJ_0(rtos_current_obj, current, rtos_current);

static void do_yield(void *arg) {
    (void)arg;
    k_yield();
}
static py_val rtos_yield(void) {
    py_blocking_call(do_yield, NULL);
    return PY_NONE;
}
static PY_FN_OBJ_0(rtos_yield_obj, yield_, rtos_yield);

static void stats_one(struct k_thread *t, void *arg) {
    py_val list = (py_val)arg;
    struct k_thread_info info;
    if (k_thread_info(t, &info) != 0) {
        return;
    }
    py_val d = py_dict_new(6);
    py_dict_set_qstr((py_dict *)d, PY_QSTR_name, py_str_from_cstr(info.name ? info.name : "?"));
    py_dict_set_qstr((py_dict *)d, PY_QSTR_priority, py_small(info.prio));
    py_dict_set_qstr((py_dict *)d, PY_QSTR_state, py_str_from_cstr(k_thread_state_name(info.state)));
    py_dict_set_qstr((py_dict *)d, PY_QSTR_cpu_us, py_int_from_ll((long long)(info.cpu_ns / 1000)));
    py_dict_set_qstr((py_dict *)d, PY_QSTR_stack_used, py_int_from((py_int_t)info.stack_used));
    py_dict_set_qstr((py_dict *)d, PY_QSTR_stack_size, py_int_from((py_int_t)info.stack_size));
    py_list_append(list, d);
}

static py_val rtos_stats(void) {
    py_val list = py_list_new(0, NULL);
    k_thread_foreach(stats_one, list);
    return list;
}
static PY_FN_OBJ_0(rtos_stats_obj, stats, rtos_stats);

// ---- Queue -------------------------------------------------------------------------------------------
typedef struct rtos_queue {
    py_obj base;
    struct k_queue q;
    py_val *buf; // the kernel queue's item storage: a GC block, so queued objects stay alive
    py_val full, empty; // preallocated: raised where nothing can be allocated (hard handlers)
} rtos_queue;

extern const py_type mod_rtos_Queue;

static py_val queue_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {{PY_QSTR_maxsize, PY_ARG_REQUIRED, PY_NULL}};
    py_val a[1];
    py_arg_parse("Queue", n_args, n_kw, args, 0, spec, 1, a);
    py_int_t n = py_get_int(a[0]);
    if (n < 1 || n > 0x10000) {
        py_raise_msg(&py_type_ValueError, "maxsize must be in 1..65536");
    }
    rtos_queue *q = py_new(rtos_queue, &mod_rtos_Queue);
    q->buf = py_gc_alloc((size_t)n * sizeof(py_val), 0);
    q->full = py_exc_new(&mod_rtos_Full, 0, NULL);
    q->empty = py_exc_new(&mod_rtos_Empty, 0, NULL);
    k_queue_init(&q->q, q->buf, sizeof(py_val), (size_t)n);
    return (py_val)q;
}

// Full/Empty: a new instance, or in a hard handler (heap locked) the queue's preallocated one,
// so that the handler can catch it instead of getting MemoryError.
static _Noreturn void raise_nowait(py_val prealloc) {
    if (py_gc_lock_depth() == 0) {
        py_raise(py_exc_new(prealloc->type, 0, NULL));
    }
    py_exc *e = (py_exc *)prealloc;
    e->traceback = NULL;
    e->context = e->cause = PY_NULL;
    py_raise(prealloc);
}

static py_val queue_put_impl(py_val self, py_val item, k_timeout_t t) {
    rtos_queue *q = (rtos_queue *)self;
    bool isr = k_is_in_isr();
    int r = isr ? k_queue_put(&q->q, &item, k_timeout_none()) : mod_kthread_queue_put(&q->q, &item, t);
    if (r != 0) {
        if (isr || k_timeout_is_none(t)) {
            raise_nowait(q->full);
        }
        py_raise(py_exc_new(&mod_rtos_Timeout, 0, NULL));
    }
    return PY_NONE;
}

static py_val queue_get_impl(py_val self, k_timeout_t t) {
    rtos_queue *q = (rtos_queue *)self;
    py_val item = PY_NULL;
    bool isr = k_is_in_isr();
    int r = isr ? k_queue_get(&q->q, &item, k_timeout_none()) : mod_kthread_queue_get(&q->q, &item, t);
    if (r != 0) {
        if (isr || k_timeout_is_none(t)) {
            raise_nowait(q->empty);
        }
        py_raise(py_exc_new(&mod_rtos_Timeout, 0, NULL));
    }
    return item;
}

static py_val queue_put(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_obj, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_timeout_ms, 0, py_small_const(-1)},
    };
    py_val a[2];
    py_arg_parse("put", n_args, n_kw, args, 1, spec, 2, a);
    return queue_put_impl(args[0], a[0], mod_kthread_timeout_ms(a[1]));
}
static PY_FN_OBJ_KW(queue_put_obj, put, queue_put);

static py_val queue_get(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_timeout_ms, 0, py_small_const(-1)}};
    py_val a[1];
    py_arg_parse("get", n_args, n_kw, args, 1, spec, 1, a);
    return queue_get_impl(args[0], mod_kthread_timeout_ms(a[0]));
}
static PY_FN_OBJ_KW(queue_get_obj, get, queue_get);

static py_val queue_put_nowait(py_val self, py_val item) { return queue_put_impl(self, item, k_timeout_none()); }
static PY_FN_OBJ_2(queue_put_nowait_obj, put_nowait, queue_put_nowait);
static py_val queue_get_nowait(py_val self) { return queue_get_impl(self, k_timeout_none()); }
static PY_FN_OBJ_1(queue_get_nowait_obj, get_nowait, queue_get_nowait);

static py_val queue_qsize(py_val self) { return py_small(k_queue_count(&((rtos_queue *)self)->q)); }
static PY_FN_OBJ_1(queue_qsize_obj, qsize, queue_qsize);
static py_val queue_empty(py_val self) { return py_bool(k_queue_count(&((rtos_queue *)self)->q) == 0); }
static PY_FN_OBJ_1(queue_empty_obj, empty, queue_empty);
static py_val queue_full(py_val self) { return py_bool(k_queue_space(&((rtos_queue *)self)->q) == 0); }
static PY_FN_OBJ_1(queue_full_obj, full, queue_full);
static py_val queue_maxsize(py_val self) { return py_small(k_queue_capacity(&((rtos_queue *)self)->q)); }
static PY_FN_OBJ_1(queue_maxsize_obj, maxsize, queue_maxsize);

static const py_dict_entry queue_locals_table[] = {
    PY_ROM_ENTRY(put, &queue_put_obj),           PY_ROM_ENTRY(get, &queue_get_obj),
    PY_ROM_ENTRY(put_nowait, &queue_put_nowait_obj), PY_ROM_ENTRY(get_nowait, &queue_get_nowait_obj),
    PY_ROM_ENTRY(qsize, &queue_qsize_obj),       PY_ROM_ENTRY(empty, &queue_empty_obj),
    PY_ROM_ENTRY(full, &queue_full_obj),         PY_ROM_ENTRY(maxsize, &queue_maxsize_obj),
};
static PY_ROM_DICT(queue_locals, queue_locals_table);

const py_type mod_rtos_Queue = {
    .base = {&py_type_type},
    .name = PY_QSTR_Queue,
    .flags = PY_TF_EQ_ID,
    .make_new = queue_make_new,
    .locals = (py_dict *)&queue_locals,
    .base_type = &py_type_object,
};

// ---- Semaphore ----------------------------------------------------------------------------------------
typedef struct rtos_sem {
    py_obj base;
    struct k_sem s;
} rtos_sem;

extern const py_type mod_rtos_Semaphore;

static py_val sem_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_value, 0, py_small_const(0)},
        {PY_QSTR_limit, 0, py_small_const(0xffff)},
    };
    py_val a[2];
    py_arg_parse("Semaphore", n_args, n_kw, args, 0, spec, 2, a);
    py_int_t v = py_get_int(a[0]), lim = py_get_int(a[1]);
    if (v < 0 || lim < 1 || v > lim || lim > 0x7fffffff) {
        py_raise_msg(&py_type_ValueError, "need 0 <= value <= limit and limit >= 1");
    }
    rtos_sem *s = py_new(rtos_sem, &mod_rtos_Semaphore);
    k_sem_init(&s->s, (uint32_t)v, (uint32_t)lim);
    return (py_val)s;
}

static py_val sem_acquire(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_timeout_ms, 0, py_small_const(-1)}};
    py_val a[1];
    py_arg_parse("acquire", n_args, n_kw, args, 1, spec, 1, a);
    rtos_sem *s = (rtos_sem *)args[0];
    if (k_is_in_isr()) {
        return py_bool(k_sem_take(&s->s, k_timeout_none()) == 0);
    }
    return py_bool(mod_kthread_sem_take(&s->s, mod_kthread_timeout_ms(a[0])) == 0);
}
static PY_FN_OBJ_KW(sem_acquire_obj, acquire, sem_acquire);

static py_val sem_release(py_val self) {
    if (k_sem_give(&((rtos_sem *)self)->s) != 0) {
        py_raise_msg(&py_type_ValueError, "Semaphore released too many times");
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(sem_release_obj, release, sem_release);

static py_val sem_value(py_val self) { return py_small(k_sem_count(&((rtos_sem *)self)->s)); }
static PY_FN_OBJ_1(sem_value_obj, value, sem_value);

static py_val sem_enter(py_val self) {
    mod_kthread_sem_take(&((rtos_sem *)self)->s, k_timeout_forever());
    return self;
}
static PY_FN_OBJ_1(sem_enter_obj, __enter__, sem_enter);
static py_val sem_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return sem_release(args[0]);
}
static PY_FN_OBJ_VAR(sem_exit_obj, __exit__, 1, 4, sem_exit);

static const py_dict_entry sem_locals_table[] = {
    PY_ROM_ENTRY(acquire, &sem_acquire_obj), PY_ROM_ENTRY(release, &sem_release_obj),
    PY_ROM_ENTRY(value, &sem_value_obj),     PY_ROM_ENTRY(__enter__, &sem_enter_obj),
    PY_ROM_ENTRY(__exit__, &sem_exit_obj),
};
static PY_ROM_DICT(sem_locals, sem_locals_table);

const py_type mod_rtos_Semaphore = {
    .base = {&py_type_type},
    .name = PY_QSTR_Semaphore,
    .flags = PY_TF_EQ_ID,
    .make_new = sem_make_new,
    .locals = (py_dict *)&sem_locals,
    .base_type = &py_type_object,
};

// ---- Mutex -------------------------------------------------------------------------------------------
typedef struct rtos_mutex {
    py_obj base;
    struct k_mutex m;
} rtos_mutex;

extern const py_type mod_rtos_Mutex;

static py_val mutex_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    (void)args;
    py_arg_check_count("Mutex", n_args + n_kw, 0, 0);
    rtos_mutex *m = py_new(rtos_mutex, &mod_rtos_Mutex);
    k_mutex_init(&m->m);
    return (py_val)m;
}

static py_val mutex_acquire(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_timeout_ms, 0, py_small_const(-1)}};
    py_val a[1];
    py_arg_parse("acquire", n_args, n_kw, args, 1, spec, 1, a);
    if (k_is_in_isr()) {
        py_raise_msg(&py_type_RuntimeError, "Mutex cannot be used in an interrupt handler");
    }
    int r = mod_kthread_mutex_lock(&((rtos_mutex *)args[0])->m, mod_kthread_timeout_ms(a[0]));
    if (r == -EDEADLK) {
        py_raise_msg(&py_type_RuntimeError, "Mutex: waiting would deadlock");
    }
    return py_bool(r == 0);
}
static PY_FN_OBJ_KW(mutex_acquire_obj, acquire, mutex_acquire);

static py_val mutex_release(py_val self) {
    int r = k_mutex_unlock(&((rtos_mutex *)self)->m);
    if (r != 0) {
        py_raise_msg(&py_type_RuntimeError, r == -EPERM ? "Mutex released by a thread that does not own it"
                                                       : "Mutex is not locked");
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(mutex_release_obj, release, mutex_release);

static py_val mutex_locked(py_val self) { return py_bool(k_mutex_owner(&((rtos_mutex *)self)->m) != NULL); }
static PY_FN_OBJ_1(mutex_locked_obj, locked, mutex_locked);

static py_val mutex_enter(py_val self) {
    mod_kthread_mutex_lock(&((rtos_mutex *)self)->m, k_timeout_forever());
    return self;
}
static PY_FN_OBJ_1(mutex_enter_obj, __enter__, mutex_enter);
static py_val mutex_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return mutex_release(args[0]);
}
static PY_FN_OBJ_VAR(mutex_exit_obj, __exit__, 1, 4, mutex_exit);

static const py_dict_entry mutex_locals_table[] = {
    PY_ROM_ENTRY(acquire, &mutex_acquire_obj), PY_ROM_ENTRY(release, &mutex_release_obj),
    PY_ROM_ENTRY(locked, &mutex_locked_obj),   PY_ROM_ENTRY(__enter__, &mutex_enter_obj),
    PY_ROM_ENTRY(__exit__, &mutex_exit_obj),
};
static PY_ROM_DICT(mutex_locals, mutex_locals_table);

const py_type mod_rtos_Mutex = {
    .base = {&py_type_type},
    .name = PY_QSTR_Mutex,
    .flags = PY_TF_EQ_ID,
    .make_new = mutex_make_new,
    .locals = (py_dict *)&mutex_locals,
    .base_type = &py_type_object,
};

// ---- EventFlags -------------------------------------------------------------------------------------
typedef struct rtos_event {
    py_obj base;
    struct k_event e;
} rtos_event;

extern const py_type mod_rtos_EventFlags;

// Any int of 0..2**32-1 (bit 31 included: on a 32-bit target it is not a small int).
static uint32_t get_bits(py_val v) {
    uint8_t b[4];
    if (!py_is_int(v)) {
        (void)py_get_int(v); // the TypeError (or an __index__ result)
    }
    if (!py_int_to_bytes(py_is_int(v) ? v : py_int_from(py_get_int(v)), b, 4, false, false)) {
        py_raise_msg(&py_type_ValueError, "bits must fit in 32 bits");
    }
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static py_val event_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    (void)args;
    py_arg_check_count("EventFlags", n_args + n_kw, 0, 0);
    rtos_event *e = py_new(rtos_event, &mod_rtos_EventFlags);
    k_event_init(&e->e);
    return (py_val)e;
}

static py_val event_set(py_val self, py_val bits) {
    return py_int_from_ull(k_event_set(&((rtos_event *)self)->e, get_bits(bits)));
}
static PY_FN_OBJ_2(event_set_obj, set, event_set);
static py_val event_clear(py_val self, py_val bits) {
    return py_int_from_ull(k_event_clear(&((rtos_event *)self)->e, get_bits(bits)));
}
static PY_FN_OBJ_2(event_clear_obj, clear, event_clear);
static py_val event_get(py_val self) { return py_int_from_ull(k_event_get(&((rtos_event *)self)->e)); }
static PY_FN_OBJ_1(event_get_obj, get, event_get);

static py_val event_wait(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_bits, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_all, 0, PY_FALSE},
        {PY_QSTR_clear, 0, PY_TRUE},
        {PY_QSTR_timeout_ms, 0, py_small_const(-1)},
    };
    py_val a[4];
    py_arg_parse("wait", n_args, n_kw, args, 1, spec, 4, a);
    uint32_t mask = get_bits(a[0]);
    if (mask == 0) {
        py_raise_msg(&py_type_ValueError, "bits must not be 0");
    }
    unsigned opts = (py_is_true(a[1]) ? K_EVENT_ALL : K_EVENT_ANY) | (py_is_true(a[2]) ? K_EVENT_CLEAR : 0);
    uint32_t matched = 0;
    rtos_event *e = (rtos_event *)args[0];
    k_timeout_t t = k_is_in_isr() ? k_timeout_none() : mod_kthread_timeout_ms(a[3]);
    int r = mod_kthread_event_wait(&e->e, mask, opts, t, &matched);
    return py_int_from_ull(r == 0 ? matched : 0); // unsigned: bit 31 on a 32-bit target
}
static PY_FN_OBJ_KW(event_wait_obj, wait, event_wait);

static const py_dict_entry event_locals_table[] = {
    PY_ROM_ENTRY(set, &event_set_obj),   PY_ROM_ENTRY(clear, &event_clear_obj),
    PY_ROM_ENTRY(get, &event_get_obj),   PY_ROM_ENTRY(wait, &event_wait_obj),
};
static PY_ROM_DICT(event_locals, event_locals_table);

const py_type mod_rtos_EventFlags = {
    .base = {&py_type_type},
    .name = PY_QSTR_EventFlags,
    .flags = PY_TF_EQ_ID,
    .make_new = event_make_new,
    .locals = (py_dict *)&event_locals,
    .base_type = &py_type_object,
};

// ---- Timer -------------------------------------------------------------------------------------------
// The kernel timer calls back in its service thread (C); the Python callback then runs as a
// soft handler on the dispatch thread, with the Timer as its argument. A running timer keeps
// itself alive (it is listed in the module roots) until stopped.
typedef struct rtos_timer {
    py_obj base;
    struct k_timer t;
    py_val callback;
    uint32_t period_ms;
    bool periodic;
    struct rtos_timer *next_running;
} rtos_timer;

extern const py_type mod_rtos_Timer;
#define ROOT_TIMERS MOD_ROOT_TIMERS

static void timer_fire(struct k_timer *kt, void *arg) {
    (void)kt;
    rtos_timer *t = arg;
    mod_kthread_irq_soft(t->callback, (py_val)t);
}

static void running_remove(rtos_timer *t) {
    for (rtos_timer **p = (rtos_timer **)&PY_S->module_roots[ROOT_TIMERS]; *p; p = &(*p)->next_running) {
        if (*p == t) {
            *p = t->next_running;
            t->next_running = NULL;
            return;
        }
    }
}

static py_val timer_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_period_ms, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_callback, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_periodic, 0, PY_TRUE},
    };
    py_val a[3];
    py_arg_parse("Timer", n_args, n_kw, args, 0, spec, 3, a);
    py_int_t period = py_get_int(a[0]);
    if (period < 1 || period > 0x7fffffff) {
        py_raise_msg(&py_type_ValueError, "period_ms must be >= 1");
    }
    if (!py_is_callable(a[1])) {
        py_raise_msg(&py_type_TypeError, "callback must be callable");
    }
    rtos_timer *t = py_new(rtos_timer, &mod_rtos_Timer);
    t->callback = a[1];
    t->period_ms = (uint32_t)period;
    t->periodic = py_is_true(a[2]);
    k_timer_init(&t->t, timer_fire, t);
    mod_kthread_dispatch_start();
    return (py_val)t;
}

static py_val timer_start(py_val self) {
    rtos_timer *t = (rtos_timer *)self;
    mod_kthread_charge(); // the period counts from now, bytecodes included
    k_timeout_t p = k_timeout_ms(t->period_ms);
    k_timer_start(&t->t, p, t->periodic ? p : k_timeout_none());
    if (t->next_running == NULL && PY_S->module_roots[ROOT_TIMERS] != self) {
        t->next_running = (rtos_timer *)PY_S->module_roots[ROOT_TIMERS];
        PY_S->module_roots[ROOT_TIMERS] = self;
    }
    py_vm_budget_refresh();
    return PY_NONE;
}
static PY_FN_OBJ_1(timer_start_obj, start, timer_start);

static py_val timer_stop(py_val self) {
    rtos_timer *t = (rtos_timer *)self;
    k_timer_stop(&t->t);
    running_remove(t);
    return PY_NONE;
}
static PY_FN_OBJ_1(timer_stop_obj, stop, timer_stop);

static py_val timer_running(py_val self) { return py_bool(k_timer_is_running(&((rtos_timer *)self)->t)); }
static PY_FN_OBJ_1(timer_running_obj, running, timer_running);

static const py_dict_entry timer_locals_table[] = {
    PY_ROM_ENTRY(start, &timer_start_obj),
    PY_ROM_ENTRY(stop, &timer_stop_obj),
    PY_ROM_ENTRY(running, &timer_running_obj),
};
static PY_ROM_DICT(timer_locals, timer_locals_table);

const py_type mod_rtos_Timer = {
    .base = {&py_type_type},
    .name = PY_QSTR_Timer,
    .flags = PY_TF_EQ_ID,
    .make_new = timer_make_new,
    .locals = (py_dict *)&timer_locals,
    .base_type = &py_type_object,
};

// ---- the module ---------------------------------------------------------------------------------------
static const py_dict_entry rtos_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_rtos)),
    PY_ROM_ENTRY(Thread, &mod_rtos_Thread),
    PY_ROM_ENTRY(current, &rtos_current_obj),
    PY_ROM_ENTRY(yield_, &rtos_yield_obj),
    PY_ROM_ENTRY(stats, &rtos_stats_obj),
    PY_ROM_ENTRY(Queue, &mod_rtos_Queue),
    PY_ROM_ENTRY(Semaphore, &mod_rtos_Semaphore),
    PY_ROM_ENTRY(Mutex, &mod_rtos_Mutex),
    PY_ROM_ENTRY(EventFlags, &mod_rtos_EventFlags),
    PY_ROM_ENTRY(Timer, &mod_rtos_Timer),
    PY_ROM_ENTRY(Timeout, &mod_rtos_Timeout),
    PY_ROM_ENTRY(Full, &mod_rtos_Full),
    PY_ROM_ENTRY(Empty, &mod_rtos_Empty),
    PY_ROM_ENTRY(PRIORITY_MIN, py_small_const(MOD_KTHREAD_PRIO_MIN)),
    PY_ROM_ENTRY(PRIORITY_MAX, py_small_const(MOD_KTHREAD_PRIO_MAX)),
    PY_ROM_ENTRY(PRIORITY_DEFAULT, py_small_const(MOD_KTHREAD_PRIO_DEFAULT)),
};
static PY_ROM_DICT(rtos_globals, rtos_table);

const py_module mod_rtos_module = {{&py_type_module}, (py_dict *)&rtos_globals};
