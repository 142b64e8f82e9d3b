// modules/mod_thread.c: the _thread module (MicroPython's and CPython's low-level API).
// Threads are kernel threads at the default priority; locks are kernel semaphores (a lock
// may be released by another thread, unlike a mutex).
#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/runtime.h"

static size_t default_stack_size;

static py_val thread_start_new_thread(size_t n_args, const py_val *args) {
    py_val fn = args[0], a = args[1], kw = n_args > 2 ? args[2] : PY_NULL;
    if (!py_is_callable(fn)) {
        py_raise_msg(&py_type_TypeError, "first arg must be callable");
    }
    if (!py_isinstance(a, &py_type_tuple)) {
        py_raise_msg(&py_type_TypeError, "2nd arg must be a tuple");
    }
    if (kw != PY_NULL && !py_isinstance(kw, &py_type_dict)) {
        py_raise_msg(&py_type_TypeError, "optional 3rd arg must be a dictionary");
    }
    mod_kthread *me = mod_kthread_current();
    int prio = me ? k_thread_priority_get(me->ktp) : MOD_KTHREAD_PRIO_DEFAULT;
    if (prio > MOD_KTHREAD_PRIO_MAX) {
        prio = MOD_KTHREAD_PRIO_MAX;
    }
    mod_kthread *th = mod_kthread_start(fn, a, kw, prio, default_stack_size, PY_NULL, PY_NULL);
    return py_int_from((py_int_t)th->ident);
}
static PY_FN_OBJ_VAR(thread_start_new_thread_obj, start_new_thread, 2, 3, thread_start_new_thread);

static py_val thread_get_ident(void) {
    mod_kthread *me = mod_kthread_current();
    return py_int_from(me ? (py_int_t)me->ident : 0);
}
static PY_FN_OBJ_0(thread_get_ident_obj, get_ident, thread_get_ident);

static py_val thread_stack_size(size_t n_args, const py_val *args) {
    py_val prev = py_int_from((py_int_t)default_stack_size);
    if (n_args) {
        py_int_t s = py_get_int(args[0]);
        if (s != 0 && s < 4096) {
            py_raise_msg(&py_type_ValueError, "size not valid: 4096 bytes minimum");
        }
        default_stack_size = (size_t)s;
    }
    return prev;
}
static PY_FN_OBJ_VAR(thread_stack_size_obj, stack_size, 0, 1, thread_stack_size);

static py_val thread_exit(void) { py_raise(py_exc_new(&py_type_SystemExit, 0, NULL)); }
static PY_FN_OBJ_0(thread_exit_obj, exit, thread_exit);

// ---- locks ---------------------------------------------------------------------------------------
typedef struct lock_obj {
    py_obj base;
    struct k_sem sem; // 1 = unlocked
} lock_obj;

extern const py_type mod_thread_lock_type;

static py_val lock_new(void) {
    lock_obj *l = py_new(lock_obj, &mod_thread_lock_type);
    k_sem_init(&l->sem, 1, 1);
    return (py_val)l;
}

static py_val thread_allocate_lock(void) { return lock_new(); }
static PY_FN_OBJ_0(thread_allocate_lock_obj, allocate_lock, thread_allocate_lock);

static py_val lock_acquire(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_waitflag, 0, py_small_const(1)},
        {PY_QSTR_timeout, 0, py_small_const(-1)},
    };
    py_val a[2];
    py_arg_parse("acquire", n_args, n_kw, args, 1, spec, 2, a);
    lock_obj *l = (lock_obj *)args[0];
    bool wait = py_is_true(a[0]);
    double t = py_get_float(a[1]);
    if (!wait && t != -1) {
        py_raise_msg(&py_type_ValueError, "can't specify a timeout for a non-blocking call");
    }
    if (t < 0 && t != -1) {
        py_raise_msg(&py_type_ValueError, "timeout value must be a non-negative number");
    }
    k_timeout_t to = !wait ? k_timeout_none() : t < 0 ? k_timeout_forever() : k_timeout_us((uint64_t)(t * 1e6));
    return py_bool(mod_kthread_sem_take(&l->sem, to) == 0);
}
static PY_FN_OBJ_KW(lock_acquire_obj, acquire, lock_acquire);

static py_val lock_release(py_val self) {
    lock_obj *l = (lock_obj *)self;
    if (k_sem_count(&l->sem) != 0) {
        py_raise_msg(&py_type_RuntimeError, "release unlocked lock");
    }
    k_sem_give(&l->sem);
    return PY_NONE;
}
static PY_FN_OBJ_1(lock_release_obj, release, lock_release);

static py_val lock_locked(py_val self) { return py_bool(k_sem_count(&((lock_obj *)self)->sem) == 0); }
static PY_FN_OBJ_1(lock_locked_obj, locked, lock_locked);

static py_val lock_enter(py_val self) {
    mod_kthread_sem_take(&((lock_obj *)self)->sem, k_timeout_forever());
    return PY_TRUE;
}
static PY_FN_OBJ_1(lock_enter_obj, __enter__, lock_enter);

static py_val lock_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return lock_release(args[0]);
}
static PY_FN_OBJ_VAR(lock_exit_obj, __exit__, 1, 4, lock_exit);

static void lock_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "<%s _thread.lock object at %p>", lock_locked(self) == PY_TRUE ? "locked" : "unlocked",
              (void *)self);
}

static const py_dict_entry lock_locals_table[] = {
    PY_ROM_ENTRY(acquire, &lock_acquire_obj),
    PY_ROM_ENTRY(acquire_lock, &lock_acquire_obj),
    PY_ROM_ENTRY(release, &lock_release_obj),
    PY_ROM_ENTRY(release_lock, &lock_release_obj),
    PY_ROM_ENTRY(locked, &lock_locked_obj),
    PY_ROM_ENTRY(__enter__, &lock_enter_obj),
    PY_ROM_ENTRY(__exit__, &lock_exit_obj),
};
static PY_ROM_DICT(lock_locals, lock_locals_table);

const py_type mod_thread_lock_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_lock,
    .flags = PY_TF_EQ_ID,
    .print = lock_print,
    .locals = (py_dict *)&lock_locals,
    .base_type = &py_type_object,
};

static const py_dict_entry thread_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR__thread)),
    PY_ROM_ENTRY(start_new_thread, &thread_start_new_thread_obj),
    PY_ROM_ENTRY(get_ident, &thread_get_ident_obj),
    PY_ROM_ENTRY(stack_size, &thread_stack_size_obj),
    PY_ROM_ENTRY(exit, &thread_exit_obj),
    PY_ROM_ENTRY(allocate_lock, &thread_allocate_lock_obj),
    PY_ROM_ENTRY(LockType, &mod_thread_lock_type),
    PY_ROM_ENTRY(error, &py_type_RuntimeError),
};
static PY_ROM_DICT(thread_globals, thread_table);

const py_module mod_thread_module = {{&py_type_module}, (py_dict *)&thread_globals};
