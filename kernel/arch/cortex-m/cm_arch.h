// kernel/arch/cortex-m/cm_arch.h: the arch calls on the kernel's hot paths, inlined into every
// kernel call (included by kernel/internal/arch.h on Cortex-M builds), and the system-control
// registers the port uses.
// Interrupt masking is BASEPRI: the key is the previous BASEPRI (0 = unmasked). Unmasking lets
// a pended PendSV run at once, so a blocking call's switch happens inside its unlock; the ISB
// makes sure it has happened before the next instruction (the caller then reads its result).
#ifndef KERNEL_ARCH_CORTEX_M_CM_ARCH_H
#define KERNEL_ARCH_CORTEX_M_CM_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/arch/cortex-m/cortex_m.h"

#define CM_REG(a) (*(volatile uint32_t *)(a))
#define CM_ICSR CM_REG(0xE000ED04u)
#define CM_VTOR CM_REG(0xE000ED08u)
#define CM_AIRCR CM_REG(0xE000ED0Cu)
#define CM_SCR CM_REG(0xE000ED10u)
#define CM_CCR CM_REG(0xE000ED14u)
#define CM_SHPR1 CM_REG(0xE000ED18u) // MemManage, BusFault, UsageFault
#define CM_SHPR2 CM_REG(0xE000ED1Cu) // SVCall
#define CM_SHPR3 CM_REG(0xE000ED20u) // PendSV, SysTick
#define CM_SHCSR CM_REG(0xE000ED24u)
#define CM_CFSR CM_REG(0xE000ED28u)
#define CM_HFSR CM_REG(0xE000ED2Cu)
#define CM_MMFAR CM_REG(0xE000ED34u)
#define CM_BFAR CM_REG(0xE000ED38u)
#define CM_SYST_CSR CM_REG(0xE000E010u)
#define CM_SYST_RVR CM_REG(0xE000E014u)
#define CM_SYST_CVR CM_REG(0xE000E018u)
#define CM_MPU_TYPE CM_REG(0xE000ED90u)
#define CM_MPU_CTRL CM_REG(0xE000ED94u)
#define CM_MPU_RNR CM_REG(0xE000ED98u)
#define CM_MPU_RBAR CM_REG(0xE000ED9Cu)
#define CM_MPU_RASR CM_REG(0xE000EDA0u)

#define CM_ICSR_PENDSVSET (1u << 28)
#define CM_ICSR_PENDSVCLR (1u << 27)
#define CM_ICSR_PENDSTSET (1u << 26)
#define CM_ICSR_PENDSTCLR (1u << 25)
#define CM_ICSR_RETTOBASE (1u << 11)

__attribute__((always_inline)) static inline unsigned arch_irq_lock(void) {
    unsigned key;
    __asm volatile("mrs %0, basepri\n"
                   "msr basepri_max, %1\n"
                   : "=&r"(key)
                   : "r"(ARCH_CM_BASEPRI_KERNEL)
                   : "memory");
    return key;
}

__attribute__((always_inline)) static inline void arch_irq_unlock(unsigned key) {
    __asm volatile("msr basepri, %0\n"
                   "isb\n" ::"r"(key)
                   : "memory");
}

__attribute__((always_inline)) static inline bool arch_irq_unlocked(unsigned key) {
    return key == 0;
}

__attribute__((always_inline)) static inline bool arch_in_isr(void) {
    unsigned ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr != 0;
}

// Pending PendSV is taken when interrupts are next unmasked in thread context, or at the end
// of the outermost handler (it is the least urgent exception).
__attribute__((always_inline)) static inline void arch_switch_request(void) {
    CM_ICSR = CM_ICSR_PENDSVSET;
}

#endif // KERNEL_ARCH_CORTEX_M_CM_ARCH_H
