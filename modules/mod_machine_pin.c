// modules/mod_machine_pin.c: machine.Pin on drivers/gpio.h, its interrupt handlers, and
// machine.time_pulse_us. There is one Pin object per pin (Pin(2) is Pin(2)), kept in the
// module's GC roots, so a registered handler stays alive and the driver's interrupt finds it
// by pin number. A soft handler is queued for the dispatch thread; a hard one runs in
// interrupt context with the heap locked (mod_kthread_irq_hard). Constants are the ESP32's.
#include <errno.h>
#include <rtos/kernel.h>

#include "drivers/gpio.h"
#include "modules/kthread.h"
#include "modules/mod_machine.h"
#include "py/runtime.h"

// Python-level constants (MicroPython's ESP32 values)
enum { MODE_IN = 1, MODE_OUT = 3, MODE_OPEN_DRAIN = 7 };
enum { PULL_DOWN = 1, PULL_UP = 2 };
enum { IRQ_RISING = 1, IRQ_FALLING = 2 }; // == DRV_GPIO_EDGE_*

typedef struct machine_pin {
    py_obj base;
    uint16_t id;
    uint8_t latch;   // what value() last set (toggle() inverts it)
    uint8_t trigger; // watched edges
    uint8_t flags;   // the edge(s) of the last interrupt
    bool hard;
    py_val handler; // PY_NULL: none
    py_val irq;     // the IRQ object irq() returns (made on first use)
} machine_pin;

typedef struct machine_pin_irq {
    py_obj base;
    machine_pin *pin;
} machine_pin_irq;

static unsigned pin_id_of(py_val id) {
    py_int_t n;
    if (py_get_int_maybe(id, &n)) {
        if (n < 0 || (size_t)n >= drv_gpio_count()) {
            py_raise_fmt(&py_type_ValueError, "invalid pin %d", (int)n);
        }
        return (unsigned)n;
    }
    if (py_is_str(id)) {
        size_t len;
        int r = drv_gpio_find(py_get_str(id, &len));
        if (r < 0) {
            py_raise_fmt(&py_type_ValueError, "no pin named %r", id);
        }
        return (unsigned)r;
    }
    if (py_isinstance(id, &mod_machine_pin_type)) {
        return ((machine_pin *)id)->id;
    }
    py_raise_msg(&py_type_TypeError, "pin id must be an int or a str");
}

static machine_pin *pin_get(unsigned id) {
    mod_machine_roots *r = mod_machine_roots_get();
    if (r->pins[id] == PY_NULL) {
        machine_pin *p = py_new(machine_pin, &mod_machine_pin_type);
        p->id = (uint16_t)id;
        p->handler = PY_NULL;
        p->latch = (uint8_t)(drv_gpio_read(id) > 0);
        r->pins[id] = (py_val)p;
    }
    return (machine_pin *)r->pins[id];
}

static void check(int err, machine_pin *p, const char *what) {
    if (err == -ENOTSUP) {
        py_raise_fmt(&py_type_ValueError, "pin %d: %s not supported", (int)p->id, what);
    }
    if (err) {
        mod_machine_raise_errno(err, what);
    }
}

static void pin_write(machine_pin *p, bool v) {
    mod_kthread_charge(); // the edge happens now, after the bytecodes so far
    check(drv_gpio_write(p->id, v), p, "output");
    p->latch = v;
}

// init(mode=-1, pull=-1, *, value=None): -1 leaves a setting as it is; the value is set
// before the mode, so an output starts at it without a glitch.
static void pin_init(machine_pin *p, size_t n_args, size_t n_kw, const py_val *args, size_t skip) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_mode, 0, py_small_const(-1)},    {PY_QSTR_pull, 0, py_small_const(-1)},
        {PY_QSTR_value, PY_ARG_KW_ONLY, PY_NONE}, {PY_QSTR_drive, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_alt, PY_ARG_KW_ONLY, PY_NONE},
    };
    py_val a[5];
    py_arg_parse("Pin", n_args, n_kw, args, skip, spec, 5, a);
    mod_kthread_charge();
    if (a[2] != PY_NONE) {
        pin_write(p, py_is_true(a[2]));
    }
    if (a[1] != py_small(-1)) {
        py_int_t pull = a[1] == PY_NONE ? 0 : py_get_int(a[1]);
        enum drv_gpio_pull dp = pull == PULL_UP     ? DRV_GPIO_PULL_UP
                                : pull == PULL_DOWN ? DRV_GPIO_PULL_DOWN
                                                    : DRV_GPIO_PULL_NONE;
        if (pull != 0 && pull != PULL_UP && pull != PULL_DOWN) {
            py_raise_msg(&py_type_ValueError, "invalid pull");
        }
        check(drv_gpio_pull(p->id, dp), p, "pull");
    }
    if (a[0] != py_small(-1) && a[0] != PY_NONE) {
        py_int_t mode = py_get_int(a[0]);
        enum drv_gpio_mode dm;
        if (mode == MODE_IN) {
            dm = DRV_GPIO_IN;
        } else if (mode == MODE_OUT) {
            dm = DRV_GPIO_OUT;
        } else if (mode == MODE_OPEN_DRAIN) {
            dm = DRV_GPIO_OPEN_DRAIN;
        } else {
            py_raise_msg(&py_type_ValueError, "invalid pin mode");
        }
        check(drv_gpio_config(p->id, dm), p, mode == MODE_IN ? "input" : "output");
    }
}

static py_val pin_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    if (n_args < 1) {
        py_raise_msg(&py_type_TypeError, "Pin() needs a pin id");
    }
    machine_pin *p = pin_get(pin_id_of(args[0]));
    if (n_args > 1 || n_kw > 0) {
        pin_init(p, n_args, n_kw, args, 1);
    }
    return (py_val)p;
}

static py_val pin_init_m(size_t n_args, size_t n_kw, const py_val *args) {
    pin_init((machine_pin *)args[0], n_args, n_kw, args, 1);
    return PY_NONE;
}
static PY_FN_OBJ_KW(pin_init_obj, init, pin_init_m);

static py_val pin_value_impl(machine_pin *p, size_t n, const py_val *v) {
    if (n == 0) {
        mod_kthread_charge();
        return py_small(drv_gpio_read(p->id) > 0);
    }
    pin_write(p, py_is_true(v[0]));
    return PY_NONE;
}

static py_val pin_value(size_t n_args, const py_val *args) {
    return pin_value_impl((machine_pin *)args[0], n_args - 1, args + 1);
}
static PY_FN_OBJ_VAR(pin_value_obj, value, 1, 2, pin_value);

static py_val pin_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("Pin", n_kw);
    py_arg_check_count("Pin", n_args, 0, 1);
    return pin_value_impl((machine_pin *)self, n_args, args);
}

static py_val pin_on(py_val self) {
    pin_write((machine_pin *)self, true);
    return PY_NONE;
}
static PY_FN_OBJ_1(pin_on_obj, on, pin_on);
static py_val pin_off(py_val self) {
    pin_write((machine_pin *)self, false);
    return PY_NONE;
}
static PY_FN_OBJ_1(pin_off_obj, off, pin_off);
static py_val pin_toggle(py_val self) {
    machine_pin *p = (machine_pin *)self;
    pin_write(p, !p->latch);
    return PY_NONE;
}
static PY_FN_OBJ_1(pin_toggle_obj, toggle, pin_toggle);

// ---- interrupts
// ---------------------------------------------------------------------------------- The driver's
// callback, in interrupt context: the edge is the pin's level now (the sim board calls at the very
// instant of the edge).
static void pin_isr(unsigned id, void *arg) {
    (void)arg;
    mod_machine_roots *r = mod_machine_roots_peek();
    machine_pin *p = r ? (machine_pin *)r->pins[id] : NULL;
    if (p == NULL || p->handler == PY_NULL) {
        return;
    }
    p->flags = drv_gpio_read(id) > 0 ? IRQ_RISING : IRQ_FALLING;
    mod_machine_irq_call(p->handler, (py_val)p, p->hard);
}

static py_val pin_irq_obj_of(machine_pin *p) {
    if (p->irq == PY_NULL) {
        machine_pin_irq *i = py_new(machine_pin_irq, &mod_machine_pin_irq_type);
        i->pin = p;
        p->irq = (py_val)i;
    }
    return p->irq;
}

// irq(handler=None, trigger=IRQ_FALLING|IRQ_RISING, *, priority=1, wake=None, hard=False)
static py_val pin_irq(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_handler, 0, PY_NONE},
        {PY_QSTR_trigger, 0, py_small_const(IRQ_FALLING | IRQ_RISING)},
        {PY_QSTR_priority, 0, py_small_const(1)},
        {PY_QSTR_wake, 0, PY_NONE},
        {PY_QSTR_hard, 0, PY_FALSE},
    };
    py_val a[5];
    machine_pin *p = (machine_pin *)args[0];
    if (n_args == 1 && n_kw == 0) {
        return pin_irq_obj_of(p); // irq() with no arguments: the current settings
    }
    py_arg_parse("irq", n_args, n_kw, args, 1, spec, 5, a);
    py_val irq = pin_irq_obj_of(p);
    if (a[0] == PY_NONE) {
        check(drv_gpio_irq(p->id, DRV_GPIO_EDGE_BOTH, NULL, NULL), p, "irq");
        p->handler = PY_NULL;
        p->trigger = 0;
        return irq;
    }
    if (!py_is_callable(a[0])) {
        py_raise_msg(&py_type_TypeError, "handler must be callable");
    }
    py_int_t trig = py_get_int(a[1]);
    if (trig < 1 || trig > (IRQ_RISING | IRQ_FALLING)) {
        py_raise_msg(&py_type_ValueError, "invalid trigger");
    }
    bool hard = py_is_true(a[4]);
    // soft handlers need the dispatcher running, and so does what a hard one schedules
    // (micropython.schedule) or has to defer (see mod_kthread_irq_hard)
    mod_kthread_dispatch_start();
    // the handler is in place before the driver may call back
    p->handler = a[0];
    p->hard = hard;
    p->trigger = (uint8_t)trig;
    p->flags = 0;
    int err = drv_gpio_irq(p->id, (enum drv_gpio_edge)trig, pin_isr, NULL);
    if (err) {
        p->handler = PY_NULL;
        check(err, p, "irq");
    }
    return irq;
}
static PY_FN_OBJ_KW(pin_irq_fn_obj, irq, pin_irq);

static void pin_print(const py_print *pr, py_val self, int kind) {
    (void)kind;
    py_printf(pr, "Pin(%d)", (int)((machine_pin *)self)->id);
}

static void pin_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_NULL && attr == PY_QSTR_id) {
        dest[0] = py_small(((machine_pin *)self)->id);
    }
}

static const py_dict_entry pin_locals_table[] = {
    PY_ROM_ENTRY(init, &pin_init_obj),
    PY_ROM_ENTRY(value, &pin_value_obj),
    PY_ROM_ENTRY(on, &pin_on_obj),
    PY_ROM_ENTRY(off, &pin_off_obj),
    PY_ROM_ENTRY(toggle, &pin_toggle_obj),
    PY_ROM_ENTRY(irq, &pin_irq_fn_obj),
    PY_ROM_ENTRY(IN, py_small_const(MODE_IN)),
    PY_ROM_ENTRY(OUT, py_small_const(MODE_OUT)),
    PY_ROM_ENTRY(OPEN_DRAIN, py_small_const(MODE_OPEN_DRAIN)),
    PY_ROM_ENTRY(PULL_UP, py_small_const(PULL_UP)),
    PY_ROM_ENTRY(PULL_DOWN, py_small_const(PULL_DOWN)),
    PY_ROM_ENTRY(IRQ_RISING, py_small_const(IRQ_RISING)),
    PY_ROM_ENTRY(IRQ_FALLING, py_small_const(IRQ_FALLING)),
};
static PY_ROM_DICT(pin_locals, pin_locals_table);

const py_type mod_machine_pin_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_Pin,
    .flags = PY_TF_EQ_ID,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .attr = pin_attr,
    .locals = (py_dict *)&pin_locals,
    .base_type = &py_type_object,
};

// The IRQ object: trigger() gives the watched edges, flags() the edge(s) of the last interrupt.
static py_val irq_trigger(size_t n_args, const py_val *args) {
    machine_pin *p = ((machine_pin_irq *)args[0])->pin;
    (void)n_args;
    return py_small(p->trigger);
}
static PY_FN_OBJ_VAR(irq_trigger_obj, trigger, 1, 2, irq_trigger);
static py_val irq_flags(py_val self) {
    return py_small(((machine_pin_irq *)self)->pin->flags);
}
static PY_FN_OBJ_1(irq_flags_obj, flags, irq_flags);

static const py_dict_entry irq_locals_table[] = {
    PY_ROM_ENTRY(trigger, &irq_trigger_obj),
    PY_ROM_ENTRY(flags, &irq_flags_obj),
};
static PY_ROM_DICT(irq_locals, irq_locals_table);

const py_type mod_machine_pin_irq_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_IRQ,
    .flags = PY_TF_EQ_ID,
    .locals = (py_dict *)&irq_locals,
    .base_type = &py_type_object,
};

// ---- time_pulse_us ---------------------------------------------------------------------------
// time_pulse_us(pin, pulse_level, timeout_us=1000000): waits for the pin to reach the level
// (-2 on timeout), then times how long it stays there (-1 on timeout). It polls every
// microsecond by busy-waiting, holding the interpreter lock, as on MicroPython's ports.
static py_val machine_time_pulse_us(size_t n_args, const py_val *args) {
    unsigned id = pin_id_of(args[0]);
    int level = py_is_true(args[1]);
    py_int_t timeout = n_args > 2 ? py_get_int(args[2]) : 1000000;
    if (timeout < 0) {
        py_raise_msg(&py_type_ValueError, "timeout_us must be >= 0");
    }
    mod_kthread_charge();
    uint64_t start = k_uptime_us();
    while (drv_gpio_read(id) != level) {
        if (k_uptime_us() - start >= (uint64_t)timeout) {
            return py_small(-2);
        }
        k_busy_wait_us(1);
    }
    start = k_uptime_us();
    while (drv_gpio_read(id) == level) {
        if (k_uptime_us() - start >= (uint64_t)timeout) {
            return py_small(-1);
        }
        k_busy_wait_us(1);
    }
    return py_int_from((py_int_t)(k_uptime_us() - start));
}
const py_builtin mod_machine_time_pulse_us_obj = {
    {&py_type_builtin}, PY_QSTR_time_pulse_us, PY_FN_VAR, 2, 3, {.var = machine_time_pulse_us}};
