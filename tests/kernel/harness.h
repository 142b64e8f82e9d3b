// tests/kernel/harness.h: the plain-C test harness for the kernel's unit and stress tests.
// Each case runs in a fresh kernel, in a kernel thread ("test", priority TH_PRIO); helper
// threads get stacks from a small pool (th_spawn). Assertions record the first failure and
// abort the case. Nothing here is host-specific: the host runner (runner_posix.c) supplies
// th_port_*, and a target runner can supply them for QEMU. ISR cases use th_irq_*, which the
// host runner implements with simulated interrupts.
#ifndef TESTS_KERNEL_HARNESS_H
#define TESTS_KERNEL_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rtos/kernel.h"

#define TH_PRIO 10 // priority of the thread running each case
// Helper stacks in the pool (a target runner may shrink them: -DTH_STACK_BYTES=...).
#ifndef TH_STACK_COUNT
#define TH_STACK_COUNT 32
#endif // TH_STACK_COUNT
#ifndef TH_STACK_BYTES
#define TH_STACK_BYTES 4096
#endif // TH_STACK_BYTES

#define TH_HOST_ONLY 1u // the case needs the host simulation (rtos/sim.h)
#define TH_TICK_WRAP 2u // start the 32-bit tick counter TH_WRAP_MARGIN ticks below the wrap
#define TH_REAL_TIME 4u // host: run the case in real-time (wall clock) mode
#define TH_NO_SLICE 8u  // run with round-robin slicing off
#define TH_LONG 16u     // a long case (stress): the runner allows it more wall-clock time
#define TH_WRAP_MARGIN 100u

struct th_case {
    const char *name;
    void (*fn)(void);
    unsigned flags;
};

struct th_suite {
    const char *name;
    const struct th_case *cases;
    unsigned count;
};

#define TH_CASE(fn)                                                                                \
    { #fn, fn, 0 }
#define TH_CASE_HOST(fn)                                                                           \
    { #fn, fn, TH_HOST_ONLY }
#define TH_CASE_FLAGS(fn, flags)                                                                   \
    { #fn, fn, flags }
#define TH_SUITE(name, cases)                                                                      \
    { name, cases, sizeof cases / sizeof cases[0] }

// Records a failure (the first one is reported) and aborts the case. From an ISR the failure
// is recorded and the handler continues; the case is aborted at its next check.
void th_fail(const char *file, int line, const char *what, long long a, long long b, int kind);

#define TH_ASSERT(c)                                                                               \
    do {                                                                                           \
        if (!(c)) th_fail(__FILE__, __LINE__, #c, 0, 0, 0);                                        \
    } while (0)

#define TH_EQ(a, b)                                                                                \
    do {                                                                                           \
        long long th_a_ = (long long)(a), th_b_ = (long long)(b);                                  \
        if (th_a_ != th_b_) th_fail(__FILE__, __LINE__, #a " == " #b, th_a_, th_b_, 1);            \
    } while (0)

#define TH_NE(a, b)                                                                                \
    do {                                                                                           \
        long long th_a_ = (long long)(a), th_b_ = (long long)(b);                                  \
        if (th_a_ == th_b_) th_fail(__FILE__, __LINE__, #a " != " #b, th_a_, th_b_, 2);            \
    } while (0)

// Creates a helper thread on a pool stack; fails the case if that is impossible.
void th_spawn(struct k_thread *t, k_thread_entry_t fn, void *arg, int prio, const char *name);
// A pool stack and its size (for cases that call k_thread_create themselves).
void *th_stack(void);
size_t th_stack_size(void);
// Joins t (forever) and checks that it worked.
void th_join(struct k_thread *t);

// Event log: cases record short tokens in order and compare the sequence.
void th_log(const char *token);
void th_log_reset(void);
// The log as one string, tokens separated by spaces ("A B C").
const char *th_log_str(void);
#define TH_LOG_EQ(expect) th_str_eq(__FILE__, __LINE__, th_log_str(), expect)
void th_str_eq(const char *file, int line, const char *got, const char *expect);

// Simulated interrupt for ISR cases: fn(arg) runs in interrupt context after `us` of time.
struct th_irq {
    void (*fn)(void *arg);
    void *arg;
    uint64_t port[12]; // the runner's storage (host: a struct k_sim_irq)
};
void th_irq_init(struct th_irq *irq, void (*fn)(void *arg), void *arg);
void th_irq_after_us(struct th_irq *irq, uint32_t us);

// Provided by the runner (host: runner_posix.c).
_Noreturn void th_port_abort_case(void);
void th_port_irq_init(struct th_irq *irq);
void th_port_irq_after_us(struct th_irq *irq, uint32_t us);
void th_port_print(const char *s);

// Used by runners: run one case in the current kernel (creates the test thread).
void th_case_begin(const struct th_case *c);
// After the kernel stopped: true if the case passed; prints its line.
bool th_case_end(const struct th_case *c, const char *suite, int start_rc);
// Marks the case failed with a message (runner-detected problems: deadlock, watchdog).
void th_case_fail_msg(const char *msg);
bool th_case_failed(void);
// Declares the case finished and passed so far (cases that end the kernel themselves, e.g.
// from a panic or deadlock hook, before k_stop).
void th_case_mark_done(void);
bool th_case_done(void);

#endif // TESTS_KERNEL_HARNESS_H
