// boards/mps2-an385/wdt.c: drivers/wdt.h on the CMSDK APB watchdog (0x40008000, clocked at the
// 25 MHz system clock; its interrupt is the NMI). The hardware resets only at a second
// expiry; we want the reset at the first, so the NMI handler resets the board at once, with
// WDT as the cause. Once started the watchdog cannot be stopped (locked after each write).
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/wdt.h"

#define WDOG 0x40008000u
#define WDOG_LOAD 0x000u
#define WDOG_CONTROL 0x008u // bit 0: count and interrupt, bit 1: reset output
#define WDOG_INTCLR 0x00Cu  // any write: clear the interrupt and reload
#define WDOG_LOCK 0xC00u
#define WDOG_UNLOCK_KEY 0x1ACCE551u

static volatile bool started;

int drv_wdt_start(uint32_t timeout_ms) {
    uint64_t ticks = (uint64_t)timeout_ms * (MPS2_CPU_HZ / 1000u);
    if (timeout_ms == 0 || ticks > 0xFFFFFFFFu) {
        return -EINVAL;
    }
    MPS2_REG(WDOG + WDOG_LOCK) = WDOG_UNLOCK_KEY;
    MPS2_REG(WDOG + WDOG_LOAD) = (uint32_t)ticks;
    MPS2_REG(WDOG + WDOG_INTCLR) = 1;
    MPS2_REG(WDOG + WDOG_CONTROL) = 3;
    MPS2_REG(WDOG + WDOG_LOCK) = 0;
    started = true;
    return 0;
}

int drv_wdt_feed(void) {
    if (!started) {
        return -EPERM;
    }
    MPS2_REG(WDOG + WDOG_LOCK) = WDOG_UNLOCK_KEY;
    MPS2_REG(WDOG + WDOG_INTCLR) = 1;
    MPS2_REG(WDOG + WDOG_LOCK) = 0;
    return 0;
}

// NMI: the only NMI source on the board is the watchdog.
void board_isr_nmi(void) {
    board_reset_for(BOARD_RESET_WDT);
}
