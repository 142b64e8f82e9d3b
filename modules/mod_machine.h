// modules/mod_machine.h: what the machine module's files share (mod_machine*.c). The module
// is MicroPython's `machine` on the driver interfaces of drivers/*.h, so it runs on any board
// (boards/sim on the host, boards/mps2-an385). Objects that interrupts reach (Pin, hardware
// Timer and UART objects, running software timers) are listed in one GC block held by
// PY_S->module_roots[MOD_ROOT_MACHINE], so their handlers stay alive while registered.
#ifndef MODULES_MOD_MACHINE_H
#define MODULES_MOD_MACHINE_H

#include "py/obj.h"

extern const py_type mod_machine_pin_type, mod_machine_pin_irq_type, mod_machine_adc_type,
    mod_machine_timer_type, mod_machine_uart_type, mod_machine_wdt_type;
extern const py_module mod_machine_module;

// The GC-visible table of objects that interrupt handlers look up, by device number.
typedef struct mod_machine_roots {
    py_val *pins;       // drv_gpio_count() Pin objects (PY_NULL until first used)
    py_val *timers;     // drv_timer_count() hardware Timer objects
    py_val *uarts;      // drv_uart_count() UART objects
    py_val soft_timers; // running Timer(-1) objects, linked through their `next` field
} mod_machine_roots;

// The table, allocated on first use (raises MemoryError). Thread context with the lock held.
mod_machine_roots *mod_machine_roots_get(void);
// The table if it exists, else NULL. Any context (interrupt handlers use this one).
mod_machine_roots *mod_machine_roots_peek(void);

// Runs a Python interrupt handler for an event of a driver: as a soft handler (queued for the
// dispatch thread) or, with `hard`, at once in interrupt context with the heap locked.
void mod_machine_irq_call(py_val handler, py_val arg, bool hard);

// Raises the exception that fits a driver's negative errno (`what` names the device).
_Noreturn void mod_machine_raise_errno(int err, const char *what);

// machine.time_pulse_us, in mod_machine_pin.c.
extern const py_builtin mod_machine_time_pulse_us_obj;

#endif // MODULES_MOD_MACHINE_H
