// kernel/arch/cortex-m/cm_core.c: the ARMv7-M port of the kernel (Cortex-M3 and up, no FPU
// context). Threads run privileged on the process stack (PSP); handlers and the code before
// k_start run on the main stack (MSP). A switch is PendSV, the least urgent exception: it
// saves r4-r11 below the hardware frame on the outgoing thread's stack, asks the kernel for the
// next thread (kern_sched_switch) and restores that one. SysTick is the tick. Critical sections
// are BASEPRI (cm_arch.h), so the zero-latency levels of cortex_m.h are never masked.
// k_start returns like on the host: arch_start saves the caller's registers and MSP, and
// arch_stop (k_stop, or the last application thread exiting) comes back to them from a thread
// or from a non-nested handler (by an exception return to a trampoline). Non-goal: FPU
// context (Cortex-M4F/M7 would add lazy stacking), unprivileged threads, tickless idle.
#include "kernel/internal/init.h"
#include "kernel/internal/sched.h"

#if !K_CFG_ARCH_POSIX

#if K_CFG_CM_MPU_GUARD && K_CFG_STACK_GUARD_BYTES < 32
#error "K_CFG_CM_MPU_GUARD needs K_CFG_STACK_GUARD_BYTES >= 32 (the smallest MPU region)"
#endif // K_CFG_CM_MPU_GUARD

#define NS_PER_S 1000000000u
#define EXC_THREAD_PSP 0xFFFFFFFDu // EXC_RETURN: thread mode, process stack
#define XPSR_THUMB 0x01000000u

static struct {
    uint32_t main_sp;     // MSP of k_start's caller (arch_start), 0 when not started
    uint32_t reload;      // SysTick reload value (cycles per tick - 1)
    uint32_t ns_per_tick; // tick period
    uint64_t tick_ns;     // fine clock at the last tick
    bool discard;         // the outgoing thread has exited: do not save its context
    bool mpu;             // the MPU guards the running thread's stack
} cm;

// The saved PSP lives in the thread's arch words; the registers are on its stack.
static inline uint32_t **sp_slot(struct k_thread *t) {
    return (uint32_t **)(void *)t->arch.words;
}

// --- the context switch ------------------------------------------------------------------------

// MPU region 7 makes the lowest 32 bytes of the running thread's stack read-only: an overflow
// faults on its first write (MemManage), reads (stack-use scans) still work. Region 7 wins
// over every other region. Stacks not aligned to 32 get no region (the paint guard remains).
#define MPU_REGION_GUARD 7u
#define MPU_REGION_MSP 6u
#define MPU_RBAR_VALID 0x10u
#define MPU_RASR_RO32 ((1u << 28) | (6u << 24) | (1u << 17) | (4u << 1) | 1u) // XN, RO, C, 32 B

extern char arch_cm_msp_guard[] __attribute__((weak));

static inline void mpu_guard(const struct k_thread *t) {
    if (!K_CFG_CM_MPU_GUARD || !cm.mpu) return;
    uint32_t base = (uint32_t)(uintptr_t)t->stack;
    CM_MPU_RBAR = (base & ~31u) | MPU_RBAR_VALID | MPU_REGION_GUARD;
    CM_MPU_RASR = (base & 31u) == 0 ? MPU_RASR_RO32 : 0u;
}

// Called by PendSV with the outgoing thread's stack pointer (after r4-r11 were pushed) and
// BASEPRI at the kernel level; returns the incoming thread's. Exported for the assembly only.
uint32_t *arch_cm_switch(uint32_t *sp);
uint32_t *arch_cm_switch(uint32_t *sp) {
    struct k_thread *from = kern_k.current;
    if (cm.discard)
        cm.discard = false; // from is already the next thread (arch_thread_exit)
    else
        *sp_slot(from) = sp;
    struct k_thread *to = kern_sched_switch(from);
    mpu_guard(to); // also after an exit, where from == to but the region is the dead one's
    return *sp_slot(to);
}

// A PendSV taken while thread mode runs on the MSP (before arch_start has launched the first
// thread, or after a stop) has no thread to switch: it is dropped, and arch_start requests
// again what is still needed.
__attribute__((naked)) void arch_cm_pendsv(void) {
    __asm volatile("tst lr, #4\n"
                   "it eq\n"
                   "bxeq lr\n"
                   "mrs r0, psp\n"
                   "stmdb r0!, {r4-r11}\n"
                   "movs r1, %0\n"
                   "msr basepri, r1\n"
                   "bl arch_cm_switch\n"
                   "movs r1, #0\n"
                   "msr basepri, r1\n"
                   "ldmia r0!, {r4-r11}\n"
                   "msr psp, r0\n"
                   "mvn lr, #2\n" // EXC_THREAD_PSP
                   "bx lr\n" ::"i"(ARCH_CM_BASEPRI_KERNEL));
}

// A new thread's stack: the hardware frame PendSV returns through (r0 = the thread, pc =
// kern_thread_entry, Thumb state) under the eight registers PendSV pops first.
int arch_thread_init(struct k_thread *t) {
    uint32_t top = ((uint32_t)(uintptr_t)t->stack + (uint32_t)t->stack_size) & ~7u;
    uint32_t *sp = (uint32_t *)(uintptr_t)top - 16;
    for (int i = 0; i < 16; i++)
        sp[i] = 0;
    sp[8 + 0] = (uint32_t)(uintptr_t)t;                       // r0
    sp[8 + 5] = 0xFFFFFFFFu;                                  // lr: no return
    sp[8 + 6] = (uint32_t)(uintptr_t)kern_thread_entry & ~1u; // pc
    sp[8 + 7] = XPSR_THUMB;                                   // xpsr
    *sp_slot(t) = sp;
    return 0;
}

// --- start and stop ----------------------------------------------------------------------------

// Prepares the launch with interrupts masked (arch_start unmasks them on the thread's stack).
uint32_t *arch_cm_start_prep(struct k_thread *first, uint32_t main_sp);
uint32_t *arch_cm_start_prep(struct k_thread *first, uint32_t main_sp) {
    (void)arch_irq_lock();
    cm.main_sp = main_sp;
    cm.discard = false;
    mpu_guard(first);
    // A switch requested since k_start picked `first` was dropped (see arch_cm_pendsv).
    kern_sched_resched();
    return *sp_slot(first) + 16; // `first` is entered by a call, not through its frames
}

// Saves k_start's caller context on the MSP (for arch_stop), moves thread mode to the PSP and
// calls kern_thread_entry(first) with interrupts unmasked. A switch pending at that moment
// preempts `first` right there, which is a proper context to save.
__attribute__((naked)) int arch_start(struct k_thread *first) {
    __asm volatile("push {r3-r11, lr}\n" // 10 words: the MSP stays 8-byte aligned
                   "mov r4, r0\n"
                   "mov r1, sp\n"
                   "bl arch_cm_start_prep\n"
                   "msr psp, r0\n"
                   "movs r3, #2\n" // CONTROL.SPSEL: thread mode uses the PSP
                   "msr control, r3\n"
                   "isb\n"
                   "movs r3, #0\n"
                   "msr basepri, r3\n"
                   "isb\n"
                   "mov r0, r4\n"
                   "bl kern_thread_entry\n");
}

// Back in k_start's caller, thread mode on the MSP: restore what launch saved and return the
// stop code (r0) from arch_start.
__attribute__((naked, noreturn, used)) static void main_return(void) {
    __asm volatile("pop {r3-r11, lr}\n"
                   "movs r1, #0\n"
                   "msr basepri, r1\n"
                   "isb\n"
                   "bx lr\n");
}

// From a thread (PSP): back to the MSP at k_start's frame.
__attribute__((naked, noreturn)) static void stop_from_thread(int code, uint32_t main_sp) {
    __asm volatile("movs r2, #0\n"
                   "msr control, r2\n"
                   "isb\n"
                   "mov sp, r1\n"
                   "b main_return\n");
}

// From the only active handler: build an exception frame just below k_start's frame (the
// handler's own stack is abandoned) and return through it to main_return in thread mode on
// the MSP, with r0 = code.
__attribute__((naked, noreturn)) static void stop_from_handler(int code, uint32_t main_sp) {
    __asm volatile("sub r1, r1, #32\n"
                   "mov sp, r1\n"
                   "str r0, [sp, #0]\n"
                   "movw r2, #:lower16:main_return\n"
                   "movt r2, #:upper16:main_return\n"
                   "bic r2, r2, #1\n"
                   "str r2, [sp, #24]\n"
                   "mov r2, #0x01000000\n"
                   "str r2, [sp, #28]\n"
                   "mvn lr, #6\n" // EXC_RETURN 0xFFFFFFF9: thread mode, main stack
                   "bx lr\n");
}

// Nothing of the stopped kernel may run again: no tick, no pending switch, no guard region.
static void quiesce(void) {
    CM_SYST_CSR = 0;
    CM_ICSR = CM_ICSR_PENDSTCLR | CM_ICSR_PENDSVCLR;
    if (K_CFG_CM_MPU_GUARD && cm.mpu) {
        CM_MPU_RNR = MPU_REGION_GUARD;
        CM_MPU_RASR = 0;
    }
}

_Noreturn void arch_stop(int code) {
    (void)arch_irq_lock();
    quiesce();
    uint32_t main_sp = cm.main_sp;
    if (!kern_k.running || !main_sp) arch_cm_halt(code); // no k_start to return to
    cm.main_sp = 0;
    if (!arch_in_isr()) stop_from_thread(code, main_sp);
    // Only the outermost handler can return to thread mode; a nested one cannot unwind the
    // handlers it interrupted.
    if (!(CM_ICSR & CM_ICSR_RETTOBASE)) {
        arch_cm_puts("rtpy: k_stop from a nested interrupt handler: halting\n");
        arch_cm_halt(code);
    }
    stop_from_handler(code, main_sp);
}

// The exiting thread's stack is never used again by us: PendSV discards it (the next thread is
// already current), or, for the last application thread, k_start returns 0 as on the host.
_Noreturn void arch_thread_exit(struct k_thread *self, struct k_thread *next, bool stop) {
    (void)self;
    (void)next;
    if (stop) arch_stop(0);
    cm.discard = true;
    arch_switch_request();
    arch_irq_unlock(0);
    for (;;) {
    }
}

// --- time ----------------------------------------------------------------------------------------

static inline uint64_t cycles_to_ns(uint32_t c) {
#if NS_PER_S % K_CFG_CM_CPU_HZ == 0
    return (uint64_t)c * (NS_PER_S / K_CFG_CM_CPU_HZ);
#else
    return (uint64_t)c * NS_PER_S / K_CFG_CM_CPU_HZ;
#endif // exact ns per cycle
}

void arch_init(const struct k_config *cfg) {
    unsigned key = arch_irq_lock();
    quiesce();
    uint32_t hz = cfg->tick_hz ? cfg->tick_hz : K_CFG_TICK_HZ;
    uint32_t cycles = K_CFG_CM_CPU_HZ / hz;
    if (cycles < 1000u) cycles = 1000u;           // keep the tick ISR a small share of the CPU
    if (cycles > 0x1000000u) cycles = 0x1000000u; // SysTick is 24 bits
    cm.reload = cycles - 1u;
    cm.ns_per_tick = NS_PER_S / hz;
    cm.tick_ns = 0;
    cm.main_sp = 0;
    cm.discard = false;
    // Faults first (level 0), SysTick at the top kernel level, PendSV last.
    CM_SHPR1 = ARCH_CM_PRIO_FAULT * 0x010101u;
    CM_SHPR3 = (ARCH_CM_PRIO_SYSTICK << 24) | (ARCH_CM_PRIO_PENDSV << 16);
    CM_SHCSR |= (1u << 16) | (1u << 17) | (1u << 18); // MemManage, BusFault, UsageFault
    CM_CCR |= (1u << 4) | (1u << 9);                  // trap divide by 0; 8-byte frames
    if (K_CFG_CM_MPU_GUARD && ((CM_MPU_TYPE >> 8) & 0xffu) >= 8u) {
        CM_MPU_CTRL = 0;
        CM_MPU_RNR = MPU_REGION_GUARD;
        CM_MPU_RASR = 0;
        // The board's linker script may name the bottom of the main (interrupt) stack.
        uint32_t msp_guard = (uint32_t)(uintptr_t)arch_cm_msp_guard;
        if (msp_guard && !(msp_guard & 31u)) {
            CM_MPU_RBAR = msp_guard | MPU_RBAR_VALID | MPU_REGION_MSP;
            CM_MPU_RASR = MPU_RASR_RO32;
        }
        CM_MPU_CTRL = 5u; // enabled, default map for privileged code outside the regions
        __asm volatile("dsb\n isb" ::: "memory");
        cm.mpu = true;
    }
    CM_SYST_RVR = cm.reload;
    CM_SYST_CVR = 0;
    CM_SYST_CSR = 7u; // processor clock, interrupt, enabled
    arch_irq_unlock(key);
}

// SysTick runs at the most urgent kernel-aware level: no kernel code can observe the clock
// between the counter's reload and the update of tick_ns below.
void arch_cm_systick(void) {
    unsigned key = arch_irq_lock();
    cm.tick_ns += cm.ns_per_tick;
    arch_irq_unlock(key);
    kern_clock_announce(1);
}

// SysTick counts reload, ..., 1, 0 and pends its interrupt on reaching 0, reloading on the
// next cycle: a period starts at 0. 0 is read as "not yet reloaded", and read again.
static inline uint32_t systick_val(void) {
    uint32_t v;
    for (int i = 0; i < 64 && (v = CM_SYST_CVR) == 0; i++) {
    }
    return v;
}

// The tick count plus the SysTick position. A reload that happened while interrupts are
// masked shows as a pending SysTick: count that tick too.
uint64_t arch_clock_ns(void) {
    unsigned key = arch_irq_lock();
    uint32_t val = systick_val();
    uint64_t base = cm.tick_ns;
    if (CM_ICSR & CM_ICSR_PENDSTSET) {
        val = systick_val();
        base += cm.ns_per_tick;
    }
    arch_irq_unlock(key);
    return base + cycles_to_ns(cm.reload + 1u - val);
}

// k_busy_wait_us is CPU time on the host simulation (a preempted busy thread resumes with the
// rest of its wait to run), so a thread waits for its own CPU time. With interrupts masked, in
// a handler or before k_start nothing can preempt it: count SysTick cycles, which works
// however long the tick is held back.
void arch_busy_wait_ns(uint64_t ns) {
    unsigned key = arch_irq_lock();
    bool cpu_time = arch_irq_unlocked(key) && !arch_in_isr() && kern_k.running;
    arch_irq_unlock(key);
    if (cpu_time) {
        struct k_thread *self = kern_k.current;
        uint64_t end = k_thread_cpu_ns(self) + ns;
        while (k_thread_cpu_ns(self) < end) {
        }
        return;
    }
    uint64_t left = ns * K_CFG_CM_CPU_HZ / NS_PER_S; // cycles
    uint32_t last = CM_SYST_CVR;
    while (left) {
        uint32_t now = CM_SYST_CVR;
        uint32_t d = last >= now ? last - now : last + cm.reload + 1u - now;
        last = now;
        left = d >= left ? 0 : left - d;
    }
}

void arch_idle(void) {
    __asm volatile("dsb\n wfi" ::: "memory");
}

void arch_stack_prepare(void *stack, size_t size) {
    (void)stack;
    (void)size;
}

// --- panic, reset, output ---------------------------------------------------------------------

__attribute__((weak)) void arch_cm_console_write(const char *s, size_t n) {
    (void)s;
    (void)n;
}

__attribute__((weak)) _Noreturn void arch_cm_halt(int code) {
    (void)code;
    __asm volatile("cpsid i" ::: "memory");
    for (;;)
        __asm volatile("wfi");
}

void arch_cm_puts(const char *s) {
    size_t n = 0;
    while (s[n])
        n++;
    arch_cm_console_write(s, n);
}

void arch_cm_puthex(uint32_t v) {
    char b[10] = {'0', 'x'};
    for (int i = 0; i < 8; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15u];
    arch_cm_console_write(b, sizeof b);
}

static void putdec(uint32_t v) {
    char b[10];
    int i = sizeof b;
    do {
        b[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    arch_cm_console_write(b + i, sizeof b - (size_t)i);
}

_Noreturn void arch_cm_reset(void) {
    __asm volatile("dsb" ::: "memory");
    CM_AIRCR = (0x5FAu << 16) | (CM_AIRCR & (7u << 8)) | (1u << 2); // VECTKEY, SYSRESETREQ
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}

static const char *panic_name(int reason) {
    switch (reason) {
    case K_PANIC_ASSERT: return "kernel assertion failed";
    case K_PANIC_BAD_ARG: return "bad argument";
    case K_PANIC_STACK_OVERFLOW: return "stack overflow";
    case K_PANIC_CPU_FAULT: return "CPU fault";
    default: return "application panic";
    }
}

// One line per thread, as the host's report: name, priorities, state, stack use.
static void report_thread(struct k_thread *t, void *arg) {
    (void)arg;
    struct k_thread_info i;
    if (k_thread_info(t, &i)) return;
    arch_cm_puts("  ");
    arch_cm_puts(i.name[0] ? i.name : "?");
    arch_cm_puts(" prio ");
    if (i.prio < 0)
        arch_cm_puts("-1");
    else
        putdec((uint32_t)i.prio);
    arch_cm_puts(" ");
    arch_cm_puts(k_thread_state_name(i.state));
    arch_cm_puts(" stack ");
    putdec((uint32_t)i.stack_used);
    arch_cm_puts("/");
    putdec((uint32_t)i.stack_size);
    arch_cm_puts(i.system ? " [kernel]\n" : "\n");
}

_Noreturn void arch_panic(int reason) {
    struct k_thread *t = kern_k.running ? kern_k.current : NULL;
    arch_cm_puts("rtpy kernel panic: ");
    arch_cm_puts(panic_name(reason));
    arch_cm_puts(" in thread '");
    arch_cm_puts(t ? k_thread_name(t) : "-");
    arch_cm_puts("'\n");
    if (kern_k.threads.next) k_thread_foreach(report_thread, NULL);
    arch_cm_halt(4); // the host simulation's K_SIM_EXIT_PANIC
}

#endif // !K_CFG_ARCH_POSIX
