// boards/sim/timer.c: drivers/timer.h on four simulated hardware timers counting at 1 MHz.
// Each is one simulated interrupt scheduled at its exact expiry in virtual time; a periodic
// timer re-arms from its previous expiry (not from when the handler ran), so it never drifts.
#include <errno.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>

#include "boards/sim/sim_priv.h"
#include "drivers/timer.h"

struct timer {
    bool running;
    bool periodic;
    uint64_t period_ns;
    uint64_t when; // the expiry being waited for
    drv_timer_fn fn;
    void *arg;
    struct k_sim_irq irq;
};

static struct timer timers[SIM_TIMER_COUNT];

static void timer_isr(void *arg) {
    struct timer *t = arg;
    if (!t->running) {
        return;
    }
    if (t->periodic) {
        t->when += t->period_ns;
        k_sim_irq_at(&t->irq, t->when);
    } else {
        t->running = false;
    }
    t->fn((unsigned)(t - timers), t->arg);
}

void board_sim_timer_init(void) {
    for (unsigned i = 0; i < SIM_TIMER_COUNT; i++) {
        timers[i] = (struct timer){0};
        k_sim_irq_init(&timers[i].irq, timer_isr, &timers[i]);
        static const char *const irq_names[] = {"timer0", "timer1", "timer2", "timer3"};
        k_sim_irq_set_name(&timers[i].irq, i < 4 ? irq_names[i] : "timer");
    }
}

unsigned drv_timer_count(void) {
    return SIM_TIMER_COUNT;
}

uint32_t drv_timer_hz(unsigned id) {
    return id < SIM_TIMER_COUNT ? SIM_TIMER_HZ : 0u;
}

int drv_timer_start(unsigned id, uint32_t period_us, enum drv_timer_mode mode, drv_timer_fn fn,
                    void *arg) {
    if (id >= SIM_TIMER_COUNT || period_us == 0 || !fn) {
        return -EINVAL;
    }
    struct timer *t = &timers[id];
    unsigned key = k_irq_lock();
    t->fn = fn;
    t->arg = arg;
    t->periodic = mode == DRV_TIMER_PERIODIC;
    t->period_ns = (uint64_t)period_us * 1000u;
    t->when = k_sim_now_ns() + t->period_ns;
    t->running = true;
    k_sim_irq_at(&t->irq, t->when);
    k_irq_unlock(key);
    return 0;
}

int drv_timer_stop(unsigned id) {
    if (id >= SIM_TIMER_COUNT) {
        return -EINVAL;
    }
    unsigned key = k_irq_lock();
    timers[id].running = false;
    (void)k_sim_irq_cancel(&timers[id].irq);
    k_irq_unlock(key);
    return 0;
}

bool drv_timer_running(unsigned id) {
    return id < SIM_TIMER_COUNT && timers[id].running;
}
