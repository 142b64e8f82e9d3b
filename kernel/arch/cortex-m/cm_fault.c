// kernel/arch/cortex-m/cm_fault.c: the fault handler of the ARMv7-M port (HardFault,
// MemManage, BusFault, UsageFault all come here). It prints, through the board's polled
// console hook and without printf or heap, the fault status registers (CFSR, HFSR, MMFAR,
// BFAR), where the fault happened (the running thread's name, or the interrupt number) and the
// stacked frame (r0-r3, r12, lr, pc, xpsr), then panics: K_PANIC_STACK_OVERFLOW when the
// thread ran into its stack guard (the MPU region of cm_core.c), K_PANIC_CPU_FAULT otherwise.
// The panic hook may stop the kernel (k_stop returns from k_start): the test runner recovers
// that way. Non-goal: resuming the faulting code.
#include "kernel/internal/init.h"

#if !K_CFG_ARCH_POSIX

#define CFSR_MMARVALID (1u << 7)
#define CFSR_MSTKERR (1u << 4)
#define CFSR_BFARVALID (1u << 15)
#define CFSR_STKERR (1u << 12)

_Noreturn void arch_cm_fault_report(const uint32_t *frame, uint32_t exc_return);
void arch_cm_fault_entry(uint32_t *frame, uint32_t exc_return);

// The frame is on the stack the faulting code used: EXC_RETURN bit 2 tells which. lr keeps
// EXC_RETURN, so arch_cm_fault_entry returning resumes the faulting code.
__attribute__((naked)) void arch_cm_fault(void) {
    __asm volatile("tst lr, #4\n"
                   "ite eq\n"
                   "mrseq r0, msp\n"
                   "mrsne r0, psp\n"
                   "mov r1, lr\n"
                   "b arch_cm_fault_entry\n");
}

#define SEMIHOSTING_BKPT 0xbeabu // bkpt 0xab

// A semihosting call with nothing to answer it (no debugger, QEMU without
// -semihosting-config enable=on) faults: it returns -1 instead, as "not available". (QEMU
// sets no status bit for it: the instruction at the stacked pc tells. It is read only when
// no configurable fault is recorded, so the frame was stacked and the pc fetched.)
void arch_cm_fault_entry(uint32_t *frame, uint32_t exc_return) {
    if (CM_CFSR == 0 && !(frame[6] & 1u) &&
        *(const uint16_t *)(uintptr_t)frame[6] == SEMIHOSTING_BKPT) {
        frame[0] = UINT32_MAX;
        frame[6] += 2;
        return;
    }
    arch_cm_fault_report(frame, exc_return);
}

static const char *fault_name(unsigned exc) {
    switch (exc) {
    case 3: return "HardFault";
    case 4: return "MemManage";
    case 5: return "BusFault";
    case 6: return "UsageFault";
    default: return "fault";
    }
}

static void reg(const char *name, uint32_t v) {
    arch_cm_puts(name);
    arch_cm_puthex(v);
}

_Noreturn void arch_cm_fault_report(const uint32_t *frame, uint32_t exc_return) {
    (void)arch_irq_lock();
    unsigned ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    uint32_t cfsr = CM_CFSR, hfsr = CM_HFSR, mmfar = CM_MMFAR, bfar = CM_BFAR;
    bool in_thread = (exc_return & 4u) && kern_k.running; // thread mode on the PSP
    struct k_thread *t = in_thread ? kern_k.current : NULL;
    bool stacking = (cfsr & (CFSR_MSTKERR | CFSR_STKERR)) != 0;
    bool overflow = false;
    if (t && t->stack) {
        // The guard is the lowest K_CFG_STACK_GUARD_BYTES; the frame (32 bytes) may have
        // failed to stack just above it.
        uint32_t lo = (uint32_t)(uintptr_t)t->stack;
        uint32_t hi = lo + K_CFG_STACK_GUARD_BYTES;
        uint32_t sp = (uint32_t)(uintptr_t)frame;
        overflow = ((cfsr & CFSR_MMARVALID) && mmfar >= lo && mmfar < hi) ||
                   (stacking && sp < hi + 32u) || sp < lo;
    }
    arch_cm_puts("\nrtpy fault: ");
    arch_cm_puts(fault_name(ipsr));
    if (t) {
        arch_cm_puts(" in thread '");
        arch_cm_puts(k_thread_name(t));
        arch_cm_puts("'");
    } else if (!(exc_return & 8u)) {
        arch_cm_puts(" in interrupt handler, exception ");
        arch_cm_puthex(stacking ? 0u : frame[7] & 0x1ffu);
    } else {
        arch_cm_puts(" before the kernel started");
    }
    if (overflow) arch_cm_puts(": stack overflow");
    arch_cm_puts("\n");
    reg("  CFSR ", cfsr);
    reg(" HFSR ", hfsr);
    reg(" MMFAR ", mmfar);
    reg(" BFAR ", bfar);
    arch_cm_puts("\n");
    if (stacking) {
        reg("  no stacked frame (stacking failed), sp ", (uint32_t)(uintptr_t)frame);
        arch_cm_puts("\n");
    } else {
        reg("  r0 ", frame[0]);
        reg(" r1 ", frame[1]);
        reg(" r2 ", frame[2]);
        reg(" r3 ", frame[3]);
        arch_cm_puts("\n");
        reg("  r12 ", frame[4]);
        reg(" lr ", frame[5]);
        reg(" pc ", frame[6]);
        reg(" xpsr ", frame[7]);
        arch_cm_puts("\n");
    }
    // Clear the sticky status so that a system that recovers (k_stop from the panic hook)
    // starts clean.
    CM_CFSR = cfsr;
    CM_HFSR = hfsr;
    k_panic(overflow ? K_PANIC_STACK_OVERFLOW : K_PANIC_CPU_FAULT);
}

#endif // !K_CFG_ARCH_POSIX
