// boards/sim/wdt.c: drivers/wdt.h as a simulated interrupt at the feeding deadline. When it
// fires the board "resets": the trace gets "wdt reset", stderr a message, and the host
// program ends with BOARD_SIM_EXIT_WDT (nothing restarts it; see docs/board-sim.md).
#include <errno.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>

#include "boards/sim/board_sim.h"
#include "boards/sim/sim_priv.h"
#include "drivers/board.h"
#include "drivers/wdt.h"

#define WDT_MAX_MS (24u * 3600u * 1000u) // a day: plenty, and far from overflowing

static struct {
    bool running;
    uint32_t timeout_ms;
    struct k_sim_irq irq;
} W;

static void wdt_isr(void *arg) {
    (void)arg;
    uint64_t ns = k_sim_now_ns();
    board_sim_trace("wdt reset");
    fflush(stdout);
    fprintf(stderr, "rtpy board: watchdog reset at %llu.%09llu s (not fed for %u ms)\n",
            (unsigned long long)(ns / 1000000000u), (unsigned long long)(ns % 1000000000u),
            (unsigned)W.timeout_ms);
    board_exit(BOARD_SIM_EXIT_WDT);
}

void board_sim_wdt_init(void) {
    W.running = false;
    k_sim_irq_init(&W.irq, wdt_isr, NULL);
    k_sim_irq_set_name(&W.irq, "wdt");
}

int drv_wdt_start(uint32_t timeout_ms) {
    if (timeout_ms == 0 || timeout_ms > WDT_MAX_MS) {
        return -EINVAL;
    }
    W.timeout_ms = timeout_ms;
    W.running = true;
    return k_sim_irq_after(&W.irq, (uint64_t)timeout_ms * 1000000u);
}

int drv_wdt_feed(void) {
    if (!W.running) {
        return -EPERM;
    }
    return k_sim_irq_after(&W.irq, (uint64_t)W.timeout_ms * 1000000u);
}
