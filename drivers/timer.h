// drivers/timer.h: hardware timers with a callback in interrupt context (machine.Timer's
// hard callbacks; soft ones are queued from there by the Python layer). Timers are numbered
// from 0. A timer runs one-shot or periodic; a periodic timer is re-armed by the hardware, so
// its period does not drift. Errors are negative errno values.
// Non-goal: capture/compare, PWM, reading the counter (use k_uptime_ns for time).
#ifndef DRIVERS_TIMER_H
#define DRIVERS_TIMER_H

#include <stdbool.h>
#include <stdint.h>

/** Called in interrupt context at each expiry. */
typedef void (*drv_timer_fn)(unsigned id, void *arg);

enum drv_timer_mode {
    DRV_TIMER_ONE_SHOT,
    DRV_TIMER_PERIODIC,
};

/** Number of timers. Any context. */
unsigned drv_timer_count(void);

/** Resolution: the timer's counting rate in Hz (the period is rounded to it). Any context. */
uint32_t drv_timer_hz(unsigned id);

/**
 * (Re)starts timer `id`: fn(id, arg) runs after `period_us` microseconds, then every
 * `period_us` if periodic. Returns 0; -EINVAL (no such timer, period 0 or longer than the
 * hardware can count, fn NULL). Context: any. Does not block.
 */
int drv_timer_start(unsigned id, uint32_t period_us, enum drv_timer_mode mode, drv_timer_fn fn,
                    void *arg);

/** Stops the timer (a pending expiry is dropped). Returns 0; -EINVAL. Any context. */
int drv_timer_stop(unsigned id);

/** True while the timer is armed. Any context. */
bool drv_timer_running(unsigned id);

#endif // DRIVERS_TIMER_H
