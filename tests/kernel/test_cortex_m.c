// tests/kernel/test_cortex_m.c: the Cortex-M port's own cases, run on the target only (QEMU
// mps2-an385, by runner_target.c): the fine clock across ticks, busy waits with interrupts
// masked, BASEPRI masking (kernel levels held back, zero-latency levels live), nested
// interrupts with the switch taken at the outermost exit, k_stop from an interrupt, and the
// overflow guards and the fault handler (each ends the case through the panic hook).
// Interrupts come from the board's software interrupt (IRQ 31) and timer 0.
#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/timer.h"
#include "kernel/arch/cortex-m/cortex_m.h"
#include "tests/kernel/harness.h"

static struct k_thread th[2];
static struct k_sem sem;
static volatile int swi_ran, timer_ran;

static void clock_monotonic(void) {
    uint64_t last = k_uptime_ns(), first = last;
    for (int i = 0; i < 1000000 && last - first < 3500000u; i++) { // across several ticks
        uint64_t now = k_uptime_ns();
        TH_ASSERT(now >= last && now - last < 100000u);
        last = now;
    }
    TH_ASSERT(last - first >= 3500000u);
    uint64_t c0 = k_thread_cpu_ns(k_thread_self());
    k_busy_wait_us(2000);
    TH_ASSERT(k_thread_cpu_ns(k_thread_self()) - c0 >= 2000000u);
}

// With the tick held back for longer than a tick, the busy wait counts SysTick cycles (the
// kernel loses the ticks it could not take: the board's counter measures the wait).
static void busy_wait_masked_longer_than_tick(void) {
    board_counter_start();
    uint32_t c0 = board_counter();
    unsigned key = k_irq_lock();
    k_busy_wait_us(2500);
    k_irq_unlock(key);
    uint32_t us = (board_counter() - c0) / (MPS2_CPU_HZ / 1000000u);
    TH_ASSERT(us >= 2500u && us < 2510u);
}

static void swi_count(void) {
    swi_ran++;
}

static void kernel_level_masked_zero_latency_live(void) {
    board_swi_set_handler(swi_count);
    swi_ran = 0;
    unsigned key = k_irq_lock();
    board_swi_trigger();
    __asm volatile("dsb\n isb" ::: "memory");
    TH_EQ(swi_ran, 0); // level 5: held back by BASEPRI
    k_irq_unlock(key);
    TH_EQ(swi_ran, 1);                     // taken inside the unlock
    arch_cm_irq_priority(MPS2_IRQ_SWI, 1); // above ARCH_CM_BASEPRI_KERNEL
    key = k_irq_lock();
    board_swi_trigger();
    __asm volatile("dsb\n isb" ::: "memory");
    TH_EQ(swi_ran, 2); // zero-latency: runs in the critical section
    k_irq_unlock(key);
    arch_cm_irq_priority(MPS2_IRQ_SWI, MPS2_LEVEL_SWI);
    board_swi_set_handler(NULL);
}

static void timer_gives(unsigned id, void *arg) {
    (void)id;
    (void)arg;
    TH_ASSERT(k_is_in_isr());
    th_log("timer");
    TH_EQ(k_sem_give(&sem), 0);
    timer_ran = 1;
}

// Level 5 handler interrupted by a level 3 one: the thread the inner one wakes runs only
// after the outer one has returned.
static void swi_nests_timer(void) {
    timer_ran = 0;
    TH_EQ(drv_timer_start(0, 1, DRV_TIMER_ONE_SHOT, timer_gives, NULL), 0);
    while (!timer_ran) {
    }
    th_log("swi-end");
}

static void taker(void *arg) {
    (void)arg;
    TH_EQ(k_sem_take(&sem, K_FOREVER), 0);
    th_log("woken");
}

static void nested_interrupts_switch_at_outermost_exit(void) {
    k_sem_init(&sem, 0, 1);
    th_spawn(&th[0], taker, NULL, TH_PRIO + 1, "taker");
    board_swi_set_handler(swi_nests_timer);
    board_swi_trigger();
    __asm volatile("dsb\n isb" ::: "memory");
    th_log("thread");
    board_swi_set_handler(NULL);
    th_join(&th[0]);
    TH_LOG_EQ("timer swi-end woken thread");
}

static void swi_stops(void) {
    th_case_mark_done();
    k_stop(0);
}

// k_start returns from an interrupt handler's k_stop too (the runner goes on).
static void stop_from_interrupt(void) {
    board_swi_set_handler(swi_stops);
    board_swi_trigger();
    __asm volatile("dsb\n isb" ::: "memory");
    th_fail(__FILE__, __LINE__, "still running after k_stop", 0, 0, 0);
}

// --- overflow guards and faults: the panic hook ends the case -----------------------------------

static volatile int expect_reason;

static void panic_hook(int reason, struct k_thread *t) {
    board_swi_set_handler(NULL);
    if (reason == expect_reason && t == &th[0])
        th_case_mark_done();
    else
        th_case_fail_msg("panic with an unexpected reason or thread");
    k_stop(0);
}

static volatile int dive_limit = 1 << 30;

// Frames smaller than the 32-byte guard: a frame larger than the guard can skip over it (the
// limit of any guard region; the interpreter bounds its recursion with k_thread_stack_bounds).
static int dive(int n) {
    volatile char pad[8];
    pad[0] = (char)n;
    return n < dive_limit ? dive(n + 1) + pad[0] : 0;
}

static void overflow(void *arg) {
    (void)arg;
    (void)dive(0);
}

// The MPU region faults at the first write into the lowest 32 bytes: reported at once.
static void mpu_guard_catches_overflow(void) {
    expect_reason = K_PANIC_STACK_OVERFLOW;
    k_set_panic_hook(panic_hook);
    th_spawn(&th[0], overflow, NULL, TH_PRIO + 1, "diver");
    th_fail(__FILE__, __LINE__, "overflow not caught", 0, 0, 0);
}

static void clobber_bottom(void *arg) {
    *(volatile uint32_t *)arg = 0; // as if the stack had overflowed
    k_sleep_ticks(1);              // switching out checks the guard
    th_fail(__FILE__, __LINE__, "overflow not detected", 0, 0, 0);
}

// A stack not aligned to 32 has no MPU region: the paint guard catches it at the next switch.
static void paint_guard_on_unaligned_stack(void) {
    expect_reason = K_PANIC_STACK_OVERFLOW;
    k_set_panic_hook(panic_hook);
    uint8_t *stk = (uint8_t *)th_stack() + 8;
    TH_EQ(k_thread_create(&th[0], stk, th_stack_size() - 8, clobber_bottom, stk, TH_PRIO + 1,
                          "clobber"),
          0);
    th_fail(__FILE__, __LINE__, "overflow not detected", 0, 0, 0);
}

static void undefined_instruction(void *arg) {
    (void)arg;
    __asm volatile("udf #0");
}

static void fault_reported_and_panics(void) {
    expect_reason = K_PANIC_CPU_FAULT;
    k_set_panic_hook(panic_hook);
    th_spawn(&th[0], undefined_instruction, NULL, TH_PRIO + 1, "udf");
    th_fail(__FILE__, __LINE__, "fault not reported", 0, 0, 0);
}

static const struct th_case cases[] = {
    TH_CASE(clock_monotonic),
    TH_CASE(busy_wait_masked_longer_than_tick),
    TH_CASE(kernel_level_masked_zero_latency_live),
    TH_CASE(nested_interrupts_switch_at_outermost_exit),
    TH_CASE(stop_from_interrupt),
    TH_CASE(mpu_guard_catches_overflow),
    TH_CASE(paint_guard_on_unaligned_stack),
    TH_CASE(fault_reported_and_panics),
};

const struct th_suite th_suite_cortex_m = TH_SUITE("cortex_m", cases);
