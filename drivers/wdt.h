// drivers/wdt.h: the watchdog timer (machine.WDT). Once started it cannot be stopped: if it is
// not fed within its timeout the board resets (boards/sim: the host program reports it and
// exits with BOARD_SIM_EXIT_WDT, see docs/board-sim.md). Errors are negative errno values.
// Non-goal: window mode, early-warning interrupts.
#ifndef DRIVERS_WDT_H
#define DRIVERS_WDT_H

#include <stdint.h>

/**
 * Starts the watchdog (or, if it runs, changes its timeout and feeds it). Returns 0; -EINVAL
 * (timeout 0 or longer than the hardware can count). Context: thread. Does not block.
 */
int drv_wdt_start(uint32_t timeout_ms);

/** Feeds the watchdog: the timeout starts again. Returns 0; -EPERM (not started). Any context. */
int drv_wdt_feed(void);

#endif // DRIVERS_WDT_H
