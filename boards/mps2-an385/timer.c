// boards/mps2-an385/timer.c: drivers/timer.h on the CMSDK APB timers TIMER0 and TIMER1
// (32-bit down-counters at 25 MHz, 40 ns resolution, periods up to ~171 s). The counter
// reloads itself in hardware, so periodic expiries do not drift; the handler clears the
// interrupt, stops a one-shot timer and calls the callback in interrupt context (level 3).
// The dual timer is not here: the board keeps it as the benchmark counter.
#include <errno.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/timer.h"
#include "kernel/arch/cortex-m/cortex_m.h"

#define TIMER_COUNT 2u

struct timer {
    uint32_t base;
    uint8_t irq;
    volatile uint8_t running;
    uint8_t periodic;
    drv_timer_fn fn;
    void *arg;
};

static struct timer timers[TIMER_COUNT] = {
    {MPS2_TIMER0, MPS2_IRQ_TIMER0, 0, 0, 0, 0},
    {MPS2_TIMER1, MPS2_IRQ_TIMER1, 0, 0, 0, 0},
};

#define REG(t, off) MPS2_REG((t)->base + (off))

unsigned drv_timer_count(void) {
    return TIMER_COUNT;
}

uint32_t drv_timer_hz(unsigned id) {
    return id < TIMER_COUNT ? MPS2_CPU_HZ : 0u;
}

void board_timer_init_all(void) {
    for (unsigned i = 0; i < TIMER_COUNT; i++) {
        struct timer *t = &timers[i];
        REG(t, MPS2_TIMER_CTRL) = 0;
        REG(t, MPS2_TIMER_INT) = 1u;
        arch_cm_irq_priority(t->irq, MPS2_LEVEL_TIMER);
        arch_cm_irq_unpend(t->irq);
        arch_cm_irq_enable(t->irq);
    }
}

int drv_timer_start(unsigned id, uint32_t period_us, enum drv_timer_mode mode, drv_timer_fn fn,
                    void *arg) {
    if (id >= TIMER_COUNT || !fn || period_us == 0) return -EINVAL;
    uint64_t ticks = (uint64_t)period_us * (MPS2_CPU_HZ / 1000000u);
    if (ticks > 0xFFFFFFFFu) return -EINVAL;
    struct timer *t = &timers[id];
    arch_cm_irq_disable(t->irq);
    REG(t, MPS2_TIMER_CTRL) = 0;
    REG(t, MPS2_TIMER_INT) = 1u;
    arch_cm_irq_unpend(t->irq);
    t->fn = fn;
    t->arg = arg;
    t->periodic = mode == DRV_TIMER_PERIODIC;
    t->running = 1;
    // The counter interrupts when it reaches 0 and reloads: both values count the full period.
    REG(t, MPS2_TIMER_RELOAD) = (uint32_t)ticks;
    REG(t, MPS2_TIMER_VALUE) = (uint32_t)ticks;
    REG(t, MPS2_TIMER_CTRL) = 1u | 8u; // enable, interrupt
    arch_cm_irq_enable(t->irq);
    return 0;
}

int drv_timer_stop(unsigned id) {
    if (id >= TIMER_COUNT) return -EINVAL;
    struct timer *t = &timers[id];
    REG(t, MPS2_TIMER_CTRL) = 0;
    REG(t, MPS2_TIMER_INT) = 1u;
    arch_cm_irq_unpend(t->irq);
    t->running = 0;
    return 0;
}

bool drv_timer_running(unsigned id) {
    return id < TIMER_COUNT && timers[id].running;
}

static void timer_isr(unsigned id) {
    struct timer *t = &timers[id];
    REG(t, MPS2_TIMER_INT) = 1u;
    if (!t->running) return;
    if (!t->periodic) {
        REG(t, MPS2_TIMER_CTRL) = 0;
        t->running = 0;
    }
    t->fn(id, t->arg);
}

void board_isr_timer0(void) {
    timer_isr(0);
}
void board_isr_timer1(void) {
    timer_isr(1);
}
