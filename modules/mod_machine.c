// modules/mod_machine.c: the machine module (MicroPython's API): its table, the board-level
// functions (reset, reset_cause, freq, unique_id, idle, disable_irq/enable_irq), the WDT, and
// what the device classes share (the GC roots of interrupt handlers, errno mapping). The
// classes live in mod_machine_pin.c, _adc.c, _timer.c and _uart.c.
// Differences from MicroPython are listed in docs/python-api.md (e.g. freq(hz) does not change
// the simulated speed; soft_reset ends the program as SystemExit).
#include <errno.h>
#include <rtos/kernel.h>

#include "drivers/adc.h"
#include "drivers/board.h"
#include "drivers/gpio.h"
#include "drivers/timer.h"
#include "drivers/uart.h"
#include "drivers/wdt.h"
#include "modules/kthread.h"
#include "modules/mod_machine.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- shared
// --------------------------------------------------------------------------------------
mod_machine_roots *mod_machine_roots_peek(void) {
    return (mod_machine_roots *)PY_S->module_roots[MOD_ROOT_MACHINE];
}

mod_machine_roots *mod_machine_roots_get(void) {
    mod_machine_roots *r = mod_machine_roots_peek();
    if (r == NULL) {
        size_t np = drv_gpio_count(), nt = drv_timer_count(), nu = drv_uart_count();
        // one block: the header, then the three tables (all scanned by the GC)
        r = py_gc_alloc(sizeof(*r) + (np + nt + nu) * sizeof(py_val), 0);
        py_val *tables = (py_val *)(r + 1);
        r->pins = tables;
        r->timers = tables + np;
        r->uarts = tables + np + nt;
        PY_S->module_roots[MOD_ROOT_MACHINE] = (py_val)r;
    }
    return r;
}

void mod_machine_irq_call(py_val handler, py_val arg, bool hard) {
    if (hard) {
        mod_kthread_irq_hard(handler, arg);
    } else {
        (void)mod_kthread_irq_soft(handler, arg); // a full queue drops it, as MicroPython
    }
}

_Noreturn void mod_machine_raise_errno(int err, const char *what) {
    if (err == -EINVAL) {
        py_raise_fmt(&py_type_ValueError, "invalid %s", what);
    }
    if (err == -ENOTSUP) {
        py_raise_fmt(&py_type_ValueError, "%s: not supported on this board", what);
    }
    py_raise_os_error(-err);
}

// ---- board-level functions
// -------------------------------------------------------------------------
static py_val machine_reset(void) {
    py_port_flush();
    (void)mod_vfs_sync(); // files left open keep what was written (MicroPython's lose it)
    board_reset();
}
static PY_FN_OBJ_0(machine_reset_obj, reset, machine_reset);

// MicroPython ends the running program and restarts the interpreter; the host program has
// nothing to restart, so the program ends as with sys.exit() (status 0).
static py_val machine_soft_reset(void) {
    py_raise(py_exc_new(&py_type_SystemExit, 0, NULL));
}
static PY_FN_OBJ_0(machine_soft_reset_obj, soft_reset, machine_soft_reset);

static py_val machine_reset_cause(void) {
    return py_small((py_int_t)board_reset_cause());
}
static PY_FN_OBJ_0(machine_reset_cause_obj, reset_cause, machine_reset_cause);

// freq(hz) is accepted (ESP32 scripts set it) and reported back; it changes no timing.
static uint32_t freq_set;
static py_val machine_freq(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        return py_int_from((py_int_t)(freq_set ? freq_set : board_cpu_hz()));
    }
    py_int_t hz = py_get_int(args[0]);
    if (hz < 1000000 || hz > 1000000000) {
        py_raise_msg(&py_type_ValueError, "frequency must be 1 MHz - 1 GHz");
    }
    freq_set = (uint32_t)hz;
    return PY_NONE;
}
static PY_FN_OBJ_VAR(machine_freq_obj, freq, 0, 1, machine_freq);

static py_val machine_unique_id(void) {
    uint8_t id[32];
    size_t n = board_unique_id(id, sizeof id);
    return py_bytes_new(id, n);
}
static PY_FN_OBJ_0(machine_unique_id_obj, unique_id, machine_unique_id);

// Waits for the next interrupt; the kernel's tick is one, so at most one tick (1 ms).
static void do_idle(void *arg) {
    (void)arg;
    k_sleep(k_timeout_ticks(1));
}
static py_val machine_idle(void) {
    if (!k_is_in_isr()) {
        py_blocking_call(do_idle, NULL);
    }
    return PY_NONE;
}
static PY_FN_OBJ_0(machine_idle_obj, idle, machine_idle);

static py_val machine_disable_irq(void) {
    return py_small((py_int_t)k_irq_lock());
}
static PY_FN_OBJ_0(machine_disable_irq_obj, disable_irq, machine_disable_irq);

static py_val machine_enable_irq(size_t n_args, const py_val *args) {
    k_irq_unlock(n_args ? (unsigned)py_get_int(args[0]) : 0u);
    return PY_NONE;
}
static PY_FN_OBJ_VAR(machine_enable_irq_obj, enable_irq, 0, 1, machine_enable_irq);

// ---- WDT
// -------------------------------------------------------------------------------------------
typedef struct machine_wdt {
    py_obj base;
    uint32_t timeout_ms;
} machine_wdt;

static py_val wdt_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_id, 0, py_small_const(0)},
        {PY_QSTR_timeout, 0, py_small_const(5000)},
    };
    py_val a[2];
    py_arg_parse("WDT", n_args, n_kw, args, 0, spec, 2, a);
    if (py_get_int(a[0]) != 0) {
        py_raise_msg(&py_type_ValueError, "WDT(0) is the only watchdog");
    }
    py_int_t t = py_get_int(a[1]);
    if (t < 1 || t > 0x7fffffff) {
        py_raise_msg(&py_type_ValueError, "timeout must be >= 1 ms");
    }
    mod_kthread_charge();
    int err = drv_wdt_start((uint32_t)t);
    if (err) {
        mod_machine_raise_errno(err, "WDT timeout");
    }
    machine_wdt *w = py_new(machine_wdt, &mod_machine_wdt_type);
    w->timeout_ms = (uint32_t)t;
    py_vm_budget_refresh(); // a new event: the bytecode budget is sized around it
    return (py_val)w;
}

static py_val wdt_feed(py_val self) {
    (void)self;
    mod_kthread_charge();
    (void)drv_wdt_feed();
    py_vm_budget_refresh();
    return PY_NONE;
}
static PY_FN_OBJ_1(wdt_feed_obj, feed, wdt_feed);

static const py_dict_entry wdt_locals_table[] = {
    PY_ROM_ENTRY(feed, &wdt_feed_obj),
};
static PY_ROM_DICT(wdt_locals, wdt_locals_table);

const py_type mod_machine_wdt_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_WDT,
    .flags = PY_TF_EQ_ID,
    .make_new = wdt_make_new,
    .locals = (py_dict *)&wdt_locals,
    .base_type = &py_type_object,
};

// ---- the module
// ------------------------------------------------------------------------------------
// ---- mem8, mem16, mem32: memory and device registers by address (MicroPython's) -------------
// mem32[addr] reads a 32-bit word (an int), mem32[addr] = v writes one; the address must be
// aligned to the width and inside what the board decodes (board_mem_ok: ValueError otherwise,
// always on the host). Values are unsigned and cut to the width when written.
typedef struct mem_obj {
    py_obj base;
    unsigned width; // bytes: 1, 2, 4
} mem_obj;

static void mem_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "<%u-bit memory>", 8u * ((const mem_obj *)self)->width);
}

static py_val mem_subscr(py_val self, py_val index, py_val value) {
    unsigned w = ((const mem_obj *)self)->width;
    uint8_t raw[8];
    py_val ai = py_int_unwrap(index);
    if (ai == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "memory address must be int, not %s", py_type_name(index));
    }
    if (!py_int_to_bytes(ai, raw, sizeof raw, false, false)) {
        py_raise_msg(&py_type_ValueError, "address out of range");
    }
    unsigned long long a = 0;
    for (int i = 7; i >= 0; i--) {
        a = a << 8 | raw[i];
    }
    if (a > UINTPTR_MAX || a % w != 0 || !board_mem_ok((uintptr_t)a, w)) {
        py_raise_fmt(&py_type_ValueError, "address 0x%llx not accessible for %u-byte access", a, w);
    }
    volatile void *ptr = (volatile void *)(uintptr_t)a;
    if (value == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "memory can't be deleted");
    }
    if (value == PY_SENTINEL) {
        uint32_t v = w == 1 ? *(volatile uint8_t *)ptr : w == 2 ? *(volatile uint16_t *)ptr : *(volatile uint32_t *)ptr;
        return py_int_from_ull(v);
    }
    uint8_t vb[8];
    py_val iv = py_int_unwrap(value);
    if (iv == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "memory value must be int, not %s", py_type_name(value));
    }
    if (!py_int_to_bytes(iv, vb, sizeof vb, false, true)) {
        py_raise_msg(&py_type_OverflowError, "value out of range");
    }
    uint32_t v = (uint32_t)vb[0] | (uint32_t)vb[1] << 8 | (uint32_t)vb[2] << 16 | (uint32_t)vb[3] << 24;
    if (w == 1) {
        *(volatile uint8_t *)ptr = (uint8_t)v;
    } else if (w == 2) {
        *(volatile uint16_t *)ptr = (uint16_t)v;
    } else {
        *(volatile uint32_t *)ptr = v;
    }
    return PY_NONE;
}

static const py_type mem_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_mem,
    .print = mem_print,
    .subscr = mem_subscr,
    .base_type = &py_type_object,
};
static const mem_obj mem8_obj = {{&mem_type}, 1}, mem16_obj = {{&mem_type}, 2}, mem32_obj = {{&mem_type}, 4};

static const py_dict_entry machine_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_machine)),
    PY_ROM_ENTRY(Pin, &mod_machine_pin_type),
    PY_ROM_ENTRY(ADC, &mod_machine_adc_type),
    PY_ROM_ENTRY(Timer, &mod_machine_timer_type),
    PY_ROM_ENTRY(UART, &mod_machine_uart_type),
    PY_ROM_ENTRY(WDT, &mod_machine_wdt_type),
    PY_ROM_ENTRY(reset, &machine_reset_obj),
    PY_ROM_ENTRY(soft_reset, &machine_soft_reset_obj),
    PY_ROM_ENTRY(reset_cause, &machine_reset_cause_obj),
    PY_ROM_ENTRY(freq, &machine_freq_obj),
    PY_ROM_ENTRY(unique_id, &machine_unique_id_obj),
    PY_ROM_ENTRY(idle, &machine_idle_obj),
    PY_ROM_ENTRY(disable_irq, &machine_disable_irq_obj),
    PY_ROM_ENTRY(enable_irq, &machine_enable_irq_obj),
    PY_ROM_ENTRY(time_pulse_us, &mod_machine_time_pulse_us_obj),
    PY_ROM_ENTRY(mem8, &mem8_obj),
    PY_ROM_ENTRY(mem16, &mem16_obj),
    PY_ROM_ENTRY(mem32, &mem32_obj),
    PY_ROM_ENTRY(PWRON_RESET, py_small_const(BOARD_RESET_POWER_ON)),
    PY_ROM_ENTRY(HARD_RESET, py_small_const(BOARD_RESET_HARD)),
    PY_ROM_ENTRY(WDT_RESET, py_small_const(BOARD_RESET_WDT)),
    PY_ROM_ENTRY(DEEPSLEEP_RESET, py_small_const(BOARD_RESET_DEEPSLEEP)),
    PY_ROM_ENTRY(SOFT_RESET, py_small_const(BOARD_RESET_SOFT)),
};
static PY_ROM_DICT(machine_globals, machine_table);

const py_module mod_machine_module = {{&py_type_module}, (py_dict *)&machine_globals};
