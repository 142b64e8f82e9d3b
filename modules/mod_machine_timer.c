// modules/mod_machine_timer.c: machine.Timer. Timer(0..n-1) are the board's hardware timers
// (drivers/timer.h): their callback runs as a soft handler, or with hard=True in interrupt
// context. Timer(-1) is a software timer on a kernel timer (k_timer, 1 ms tick resolution):
// its callback always runs as a soft handler. The callback gets the Timer object.
// Hardware Timer objects are one per timer (Timer(0) is Timer(0)); a running software timer
// is listed in the module's GC roots until it is de-initialised or, one-shot, has fired.
#include <errno.h>
#include <rtos/kernel.h>

#include "drivers/timer.h"
#include "modules/kthread.h"
#include "modules/mod_machine.h"
#include "py/runtime.h"
#include "py/state.h"

enum { ONE_SHOT = 0, PERIODIC = 1 };

typedef struct machine_timer {
    py_obj base;
    int id; // -1: software
    bool periodic;
    bool hard;
    bool expired; // a one-shot software timer has fired (its k_timer is idle)
    uint64_t period_us;
    py_val callback;            // PY_NONE: none
    struct machine_timer *next; // running software timers
    struct k_timer kt;
} machine_timer;

// ---- running software timers ----------------------------------------------------------------
static void soft_unlink(machine_timer *t) {
    mod_machine_roots *r = mod_machine_roots_peek();
    if (!r) {
        return;
    }
    for (machine_timer **p = (machine_timer **)&r->soft_timers; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            t->next = NULL;
            return;
        }
    }
}

// One-shot timers that have fired no longer need to be kept alive. (The kernel is done with
// their k_timer: the callback below ran to its end in the kernel's top-priority timer thread.)
static void soft_sweep(void) {
    mod_machine_roots *r = mod_machine_roots_get();
    for (machine_timer **p = (machine_timer **)&r->soft_timers; *p;) {
        machine_timer *t = *p;
        if (t->expired) {
            *p = t->next;
            t->next = NULL;
        } else {
            p = &t->next;
        }
    }
}

static void soft_link(machine_timer *t) {
    mod_machine_roots *r = mod_machine_roots_get();
    for (machine_timer *i = (machine_timer *)r->soft_timers; i; i = i->next) {
        if (i == t) {
            return;
        }
    }
    t->next = (machine_timer *)r->soft_timers;
    r->soft_timers = (py_val)t;
}

// ---- callbacks
// ----------------------------------------------------------------------------------- A kernel
// timer expiry, in the kernel's timer thread (not a Python thread).
static void soft_fire(struct k_timer *kt, void *arg) {
    (void)kt;
    machine_timer *t = arg;
    if (!t->periodic) {
        t->expired = true;
    }
    if (t->callback != PY_NONE) {
        mod_machine_irq_call(t->callback, (py_val)t, false);
    }
}

// A hardware timer expiry, in interrupt context.
static void hw_fire(unsigned id, void *arg) {
    (void)arg;
    mod_machine_roots *r = mod_machine_roots_peek();
    machine_timer *t = r ? (machine_timer *)r->timers[id] : NULL;
    if (t && t->callback != PY_NONE) {
        mod_machine_irq_call(t->callback, (py_val)t, t->hard);
    }
}

// ---- the class
// ---------------------------------------------------------------------------------------
static void timer_stop(machine_timer *t) {
    if (t->id < 0) {
        k_timer_stop(&t->kt);
        soft_unlink(t);
    } else {
        drv_timer_stop((unsigned)t->id);
    }
}

// init(*, mode=PERIODIC, period=-1, freq=-1, callback=None, tick_hz=1000, hard=False)
static void timer_init(machine_timer *t, size_t n_args, size_t n_kw, const py_val *args,
                       size_t skip) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_mode, PY_ARG_KW_ONLY, py_small_const(PERIODIC)},
        {PY_QSTR_period, PY_ARG_KW_ONLY, py_small_const(-1)},
        {PY_QSTR_freq, PY_ARG_KW_ONLY, py_small_const(-1)},
        {PY_QSTR_callback, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_tick_hz, PY_ARG_KW_ONLY, py_small_const(1000)},
        {PY_QSTR_hard, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[6];
    py_arg_parse("init", n_args, n_kw, args, skip, spec, 6, a);
    py_int_t mode = py_get_int(a[0]);
    if (mode != ONE_SHOT && mode != PERIODIC) {
        py_raise_msg(&py_type_ValueError, "invalid mode");
    }
    double period_us;
    double f = py_get_float(a[2]);
    if (f > 0) {
        period_us = 1e6 / f;
    } else {
        double p = py_get_float(a[1]), hz = py_get_float(a[4]);
        if (p < 0 || hz <= 0) {
            py_raise_msg(&py_type_ValueError, "period or freq needed");
        }
        period_us = p * 1e6 / hz;
    }
    period_us = period_us + 0.5;
    if (period_us < 1 || period_us > 4294967295.0) {
        py_raise_msg(&py_type_ValueError, "period out of range (1 us to 71 minutes)");
    }
    if (a[3] != PY_NONE && !py_is_callable(a[3])) {
        py_raise_msg(&py_type_TypeError, "callback must be callable");
    }
    bool hard = py_is_true(a[5]);
    if (hard && t->id < 0) {
        py_raise_msg(&py_type_ValueError,
                     "Timer(-1) runs soft callbacks only: use a hardware timer for hard=True");
    }
    mod_kthread_charge(); // the period counts from now, after the bytecodes so far
    timer_stop(t);
    t->periodic = mode == PERIODIC;
    t->hard = hard;
    t->callback = a[3];
    t->period_us = (uint64_t)period_us;
    t->expired = false;
    if (t->callback != PY_NONE) {
        mod_kthread_dispatch_start(); // as Pin.irq: for soft handlers and hard ones' schedule()
    }
    if (t->id < 0) {
        soft_sweep();
        k_timeout_t p = k_timeout_us(t->period_us);
        soft_link(t);
        k_timer_start(&t->kt, p, t->periodic ? p : k_timeout_none());
    } else {
        int err =
            drv_timer_start((unsigned)t->id, (uint32_t)t->period_us,
                            t->periodic ? DRV_TIMER_PERIODIC : DRV_TIMER_ONE_SHOT, hw_fire, NULL);
        if (err) {
            mod_machine_raise_errno(err, "timer period");
        }
    }
    py_vm_budget_refresh(); // the next event may now be sooner: size the budget around it
}

static py_val timer_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    py_int_t id = n_args ? py_get_int(args[0]) : -1;
    machine_timer *t;
    if (id == -1) {
        t = py_new(machine_timer, &mod_machine_timer_type);
        t->id = -1;
        t->callback = PY_NONE;
        k_timer_init(&t->kt, soft_fire, t);
    } else {
        if (id < 0 || (size_t)id >= drv_timer_count()) {
            py_raise_fmt(&py_type_ValueError, "Timer(%d) does not exist (0-%d, or -1)", (int)id,
                         (int)drv_timer_count() - 1);
        }
        mod_machine_roots *r = mod_machine_roots_get();
        if (r->timers[id] == PY_NULL) {
            t = py_new(machine_timer, &mod_machine_timer_type);
            t->id = (int)id;
            t->callback = PY_NONE;
            r->timers[id] = (py_val)t;
        }
        t = (machine_timer *)r->timers[id];
    }
    if (n_args > 1 || n_kw > 0) {
        timer_init(t, n_args, n_kw, args, n_args ? 1 : 0);
    }
    return (py_val)t;
}

static py_val timer_init_m(size_t n_args, size_t n_kw, const py_val *args) {
    timer_init((machine_timer *)args[0], n_args, n_kw, args, 1);
    return PY_NONE;
}
static PY_FN_OBJ_KW(timer_init_obj, init, timer_init_m);

static py_val timer_deinit(py_val self) {
    timer_stop((machine_timer *)self);
    return PY_NONE;
}
static PY_FN_OBJ_1(timer_deinit_obj, deinit, timer_deinit);

static void timer_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    machine_timer *t = (machine_timer *)self;
    py_printf(p, "Timer(%d, mode=%s, period=%lu us)", t->id, t->periodic ? "PERIODIC" : "ONE_SHOT",
              (unsigned long)t->period_us);
}

static const py_dict_entry timer_locals_table[] = {
    PY_ROM_ENTRY(init, &timer_init_obj),
    PY_ROM_ENTRY(deinit, &timer_deinit_obj),
    PY_ROM_ENTRY(ONE_SHOT, py_small_const(ONE_SHOT)),
    PY_ROM_ENTRY(PERIODIC, py_small_const(PERIODIC)),
};
static PY_ROM_DICT(timer_locals, timer_locals_table);

const py_type mod_machine_timer_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_Timer,
    .flags = PY_TF_EQ_ID,
    .print = timer_print,
    .make_new = timer_make_new,
    .locals = (py_dict *)&timer_locals,
    .base_type = &py_type_object,
};
