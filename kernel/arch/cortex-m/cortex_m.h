// kernel/arch/cortex-m/cortex_m.h: what a Cortex-M (ARMv7-M) board needs from the kernel's
// port: the interrupt priority levels, the exception handlers to put in its vector table, the
// hooks the port calls back (fault/panic output, halt) and a few NVIC/SCB helpers.
// Priority model (lower number = more urgent, as the hardware counts):
//   level 0..1           faults and "zero-latency" interrupts: never masked by the kernel,
//                        they must not call it
//   level 2              ARCH_CM_PRIO_KERNEL_MAX: SysTick, the most urgent kernel-aware level
//   level 3..6           device interrupts that call the kernel (ARCH_CM_PRIO_DEVICE default)
//   level 7              PendSV, the context switch, below everything
// A critical section (k_irq_lock) sets BASEPRI = ARCH_CM_BASEPRI_KERNEL, which masks levels
// 2..7 and leaves levels 0..1 live. Levels are spread over the top K_CFG_CM_PRIO_BITS bits of
// the 8-bit priority field (3 on the AN385's Cortex-M3, the architectural minimum).
#ifndef KERNEL_ARCH_CORTEX_M_CORTEX_M_H
#define KERNEL_ARCH_CORTEX_M_CORTEX_M_H

#include <stddef.h>
#include <stdint.h>

#include "rtos/kernel_config.h"

// Implemented priority bits; levels are 0 .. 2^bits - 1.
#ifndef K_CFG_CM_PRIO_BITS
#define K_CFG_CM_PRIO_BITS 3
#endif // K_CFG_CM_PRIO_BITS

// Core clock in Hz: SysTick counts it, the fine clock (k_uptime_ns) is derived from it.
#ifndef K_CFG_CM_CPU_HZ
#define K_CFG_CM_CPU_HZ 25000000u
#endif // K_CFG_CM_CPU_HZ

// 1: the MPU guards the lowest 32 bytes of the running thread's stack (read-only), so an
// overflow faults at the first write instead of at the next switch. Needs stacks aligned to 32
// (K_STACK_DEFINE does it); threads on other stacks keep only the paint guard.
// Cost: ~200 bytes of flash, two MPU register writes per switch.
#ifndef K_CFG_CM_MPU_GUARD
#define K_CFG_CM_MPU_GUARD 1
#endif // K_CFG_CM_MPU_GUARD

#define ARCH_CM_PRIO(level) ((unsigned)(level) << (8 - K_CFG_CM_PRIO_BITS))
#define ARCH_CM_LEVELS (1u << K_CFG_CM_PRIO_BITS)
#define ARCH_CM_PRIO_FAULT ARCH_CM_PRIO(0)                   // MemManage, BusFault, UsageFault
#define ARCH_CM_PRIO_KERNEL_MAX ARCH_CM_PRIO(2)              // most urgent kernel-aware level
#define ARCH_CM_BASEPRI_KERNEL ARCH_CM_PRIO_KERNEL_MAX       // BASEPRI of a critical section
#define ARCH_CM_PRIO_SYSTICK ARCH_CM_PRIO_KERNEL_MAX         // (the fine clock relies on it)
#define ARCH_CM_PRIO_DEVICE ARCH_CM_PRIO(4)                  // default for device interrupts
#define ARCH_CM_PRIO_PENDSV ARCH_CM_PRIO(ARCH_CM_LEVELS - 1) // least urgent

#if K_CFG_CM_PRIO_BITS < 3 || K_CFG_CM_PRIO_BITS > 8
#error "K_CFG_CM_PRIO_BITS must be 3..8 (ARMv7-M implements at least 3)"
#endif // K_CFG_CM_PRIO_BITS

// --- exception handlers for the board's vector table ----------------------------------------
void arch_cm_pendsv(void);  // PendSV: the context switch
void arch_cm_systick(void); // SysTick: the kernel tick
void arch_cm_fault(void);   // HardFault, MemManage, BusFault, UsageFault: report and panic

// --- hooks the board provides (weak defaults in the port) ------------------------------------
// Writes n bytes to a console by polling; used by fault and panic reports, with interrupts
// masked, from any context. Default: output is dropped.
void arch_cm_console_write(const char *s, size_t n);
// Ends everything with `code` when nothing else can be done: after a panic, or k_stop with no
// k_start to return to. QEMU boards exit through semihosting. Default: masks interrupts and
// sleeps forever.
_Noreturn void arch_cm_halt(int code);

// --- helpers ------------------------------------------------------------------------------------
#define ARCH_CM_NVIC_ISER ((volatile uint32_t *)0xE000E100u)
#define ARCH_CM_NVIC_ICER ((volatile uint32_t *)0xE000E180u)
#define ARCH_CM_NVIC_ISPR ((volatile uint32_t *)0xE000E200u)
#define ARCH_CM_NVIC_ICPR ((volatile uint32_t *)0xE000E280u)
#define ARCH_CM_NVIC_IPR ((volatile uint8_t *)0xE000E400u)

/** Sets external interrupt `irq`'s priority to `level` (see above). Any context. */
static inline void arch_cm_irq_priority(unsigned irq, unsigned level) {
    ARCH_CM_NVIC_IPR[irq] = (uint8_t)ARCH_CM_PRIO(level);
}
/** Enables / disables external interrupt `irq` in the NVIC. Any context. */
static inline void arch_cm_irq_enable(unsigned irq) {
    ARCH_CM_NVIC_ISER[irq >> 5] = 1u << (irq & 31u);
}
static inline void arch_cm_irq_disable(unsigned irq) {
    ARCH_CM_NVIC_ICER[irq >> 5] = 1u << (irq & 31u);
    __asm volatile("dsb\n isb" ::: "memory");
}
/** Makes `irq` pending (a software-triggered interrupt) / clears its pending state. */
static inline void arch_cm_irq_pend(unsigned irq) {
    ARCH_CM_NVIC_ISPR[irq >> 5] = 1u << (irq & 31u);
}
static inline void arch_cm_irq_unpend(unsigned irq) {
    ARCH_CM_NVIC_ICPR[irq >> 5] = 1u << (irq & 31u);
}

/** Requests a system reset (SCB AIRCR.SYSRESETREQ). Any context. Never returns. */
_Noreturn void arch_cm_reset(void);

/** Writes a report line piece by piece through arch_cm_console_write (no printf, no stack). */
void arch_cm_puts(const char *s);
void arch_cm_puthex(uint32_t v);

#endif // KERNEL_ARCH_CORTEX_M_CORTEX_M_H
