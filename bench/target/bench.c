// bench/target/bench.c: kernel micro-benchmarks on QEMU mps2-an385 in instruction counts.
// Under -icount shift=0 QEMU's virtual time is the instruction count (1 ns each), and the
// board's free-running counter (the dual timer, 25 MHz) advances once per 40 instructions, so
// a loop of N operations timed with it gives instructions per operation to 40/N. The loop's
// own cost is measured with an empty body and subtracted. Exception entry and exit are not
// instructions, so they are not counted (as in the FreeRTOS reference of TARGETS.md).
// Output: one "bench <key> <instructions>" line per figure, read by bench/target/run.py.
#include <stdio.h>
#include <string.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/board.h"
#include "rtos/kernel.h"

#define N 10000
#define INSN_PER_COUNT (1000000000u / MPS2_CPU_HZ) // 40: ns per count, 1 ns per instruction
#define PRIO 10

static K_STACK_DEFINE(main_stack, 1024);
static K_STACK_DEFINE(stack_a, 1024);
static K_STACK_DEFINE(stack_b, 1024);
static struct k_thread main_thread, ta, tb;
static struct k_sem s1, s2, done;
static struct k_mutex mtx;
static struct k_queue q1, q2;
static uint32_t q1buf[4], q2buf[4];
static uint32_t main_count; // counter value at the top of main()

static void report(const char *key, uint64_t insns_x100) {
    char line[80];
    snprintf(line, sizeof line, "bench %s %lu.%02lu\n", key, (unsigned long)(insns_x100 / 100u),
             (unsigned long)(insns_x100 % 100u));
    board_console_write(line, strlen(line));
}

// Instructions x100 per iteration for `counts` counter ticks over n iterations, minus the
// loop overhead (x100 per iteration).
static uint64_t per_op(uint32_t counts, uint32_t n, uint64_t overhead_x100) {
    uint64_t x100 = (uint64_t)counts * INSN_PER_COUNT * 100u / n;
    return x100 > overhead_x100 ? x100 - overhead_x100 : 0;
}

static uint64_t loop_overhead;

// The same loop shape as every measurement below, with an empty body the compiler keeps.
static void measure_overhead(void) {
    uint32_t c0 = board_counter();
    for (int i = 0; i < N; i++)
        __asm volatile("" ::: "memory");
    loop_overhead = per_op(board_counter() - c0, N, 0);
}

static void bench_no_switch(void) {
    uint32_t c0 = board_counter();
    for (int i = 0; i < N; i++) {
        unsigned key = k_irq_lock();
        k_irq_unlock(key);
    }
    report("irq_lock_unlock", per_op(board_counter() - c0, N, loop_overhead));

    k_sem_init(&s1, 0, 1);
    c0 = board_counter();
    for (int i = 0; i < N; i++) {
        k_sem_give(&s1);
        k_sem_take(&s1, K_NO_WAIT);
    }
    report("sem_give_take", per_op(board_counter() - c0, N, loop_overhead));

    k_mutex_init(&mtx);
    c0 = board_counter();
    for (int i = 0; i < N; i++) {
        k_mutex_lock(&mtx, K_FOREVER);
        k_mutex_unlock(&mtx);
    }
    report("mutex_lock_unlock", per_op(board_counter() - c0, N, loop_overhead));

    k_queue_init(&q1, q1buf, sizeof q1buf[0], 4);
    uint32_t v = 1;
    c0 = board_counter();
    for (int i = 0; i < N; i++) {
        k_queue_put(&q1, &v, K_NO_WAIT);
        k_queue_get(&q1, &v, K_NO_WAIT);
    }
    report("queue_put_get", per_op(board_counter() - c0, N, loop_overhead));
}

// --- with switches: two helper threads, the main thread waits on `done` ----------------------

static uint32_t t_start, t_end;

static void yielder(void *arg) {
    if (arg) t_start = board_counter();
    for (int i = 0; i < N; i++)
        k_yield();
    if (!arg) {
        t_end = board_counter();
        k_sem_give(&done);
    }
}

static void sem_ping(void *arg) {
    (void)arg;
    t_start = board_counter();
    for (int i = 0; i < N; i++) {
        k_sem_give(&s1);
        k_sem_take(&s2, K_FOREVER);
    }
    t_end = board_counter();
    k_sem_give(&done);
}

static void sem_pong(void *arg) {
    (void)arg;
    for (int i = 0; i < N; i++) {
        k_sem_take(&s1, K_FOREVER);
        k_sem_give(&s2);
    }
}

static void queue_ping(void *arg) {
    (void)arg;
    uint32_t v = 7;
    t_start = board_counter();
    for (int i = 0; i < N; i++) {
        k_queue_put(&q1, &v, K_FOREVER);
        k_queue_get(&q2, &v, K_FOREVER);
    }
    t_end = board_counter();
    k_sem_give(&done);
}

static void queue_pong(void *arg) {
    (void)arg;
    uint32_t v;
    for (int i = 0; i < N; i++) {
        k_queue_get(&q1, &v, K_FOREVER);
        k_queue_put(&q2, &v, K_FOREVER);
    }
}

// The low thread gives, the waiting high thread runs at once, takes again and blocks.
static void high_taker(void *arg) {
    (void)arg;
    for (int i = 0; i < N; i++)
        k_sem_take(&s1, K_FOREVER);
}

static void low_giver(void *arg) {
    (void)arg;
    t_start = board_counter();
    for (int i = 0; i < N; i++)
        k_sem_give(&s1);
    t_end = board_counter();
    k_sem_give(&done);
}

// Interrupt latency to a thread: the low thread notes the time and pends the software
// interrupt; its handler gives the semaphore the high thread waits on; the high thread notes
// the time as soon as it runs. Summed over N rounds.
static volatile uint32_t irq_t0;
static uint64_t irq_sum;

static void swi_gives(void) {
    k_sem_give(&s1);
}

static void irq_waiter(void *arg) {
    (void)arg;
    for (int i = 0; i < N; i++) {
        k_sem_take(&s1, K_FOREVER);
        irq_sum += board_counter() - irq_t0;
    }
}

// A round is measured with the 40-instruction counter: a loop whose length is a multiple of
// 40 would meet the counter at the same phase every time and bias the sum by up to 40, so each
// round starts after a delay of 0..39 loop iterations (3 instructions each: every phase).
static void irq_trigger(void *arg) {
    (void)arg;
    for (int i = 0; i < N; i++) {
        for (volatile int d = i % 40; d > 0; d--) {
        }
        irq_t0 = board_counter();
        board_swi_trigger();
    }
    k_sem_give(&done);
}

static void run_pair(k_thread_entry_t a, int pa, void *arga, k_thread_entry_t b, int pb) {
    k_sem_init(&done, 0, 1);
    k_thread_create(&tb, stack_b, sizeof stack_b, b, NULL, pb, "b");
    k_thread_create(&ta, stack_a, sizeof stack_a, a, arga, pa, "a");
    k_sem_take(&done, K_FOREVER);
    k_thread_join(&ta, K_FOREVER);
    k_thread_join(&tb, K_FOREVER);
}

static void bench_switches(void) {
    // Per switch: 2N yields, each one switch.
    run_pair(yielder, PRIO - 1, (void *)1, yielder, PRIO - 1);
    report("yield_switch", per_op(t_end - t_start, 2 * N, loop_overhead / 2));

    k_sem_init(&s1, 0, 1);
    k_sem_init(&s2, 0, 1);
    run_pair(sem_ping, PRIO - 1, NULL, sem_pong, PRIO - 1);
    report("sem_pingpong", per_op(t_end - t_start, N, loop_overhead));

    k_queue_init(&q1, q1buf, sizeof q1buf[0], 1);
    k_queue_init(&q2, q2buf, sizeof q2buf[0], 1);
    run_pair(queue_ping, PRIO - 1, NULL, queue_pong, PRIO - 1);
    report("queue_pingpong", per_op(t_end - t_start, N, loop_overhead));

    k_sem_init(&s1, 0, 1);
    run_pair(low_giver, PRIO - 2, NULL, high_taker, PRIO - 1);
    report("give_wakes_higher", per_op(t_end - t_start, N, loop_overhead));

    // Interrupt to thread: the counter reads themselves are calibrated out.
    uint32_t c0 = board_counter();
    uint32_t c1 = board_counter();
    uint32_t read_cost = c1 - c0; // usually 0 counts: under 40 instructions
    k_sem_init(&s1, 0, 1);
    irq_sum = 0;
    board_swi_set_handler(swi_gives);
    run_pair(irq_trigger, PRIO - 2, NULL, irq_waiter, PRIO - 1);
    board_swi_set_handler(NULL);
    report("irq_to_thread", per_op((uint32_t)irq_sum - read_cost * N, N, 0));
}

static void bench_main(void *arg) {
    (void)arg;
    uint32_t first = board_counter();
    report("main_to_first_thread", (uint64_t)(first - main_count) * INSN_PER_COUNT * 100u);
    measure_overhead();
    report("loop_overhead", loop_overhead);
    bench_no_switch();
    bench_switches();
    board_console_write("bench end\n", 10);
    k_stop(0);
}

int main(void) {
    board_counter_start();
    main_count = board_counter();
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.tick_hz = 100; // fewer tick interrupts inside the measurements
    cfg.timeslice_ticks = 0;
    k_init(&cfg);
    k_thread_create(&main_thread, main_stack, sizeof main_stack, bench_main, NULL, PRIO, "main");
    return k_start();
}
