// boards/mps2-an385/startup.c: the vector table and the reset handler. The core loads the
// main stack pointer and the reset handler from the table at 0x0; the handler copies .data
// from its load address in "flash" to RAM, zeroes .bss, brings the board up (board_init) and
// runs main(); main's return value ends the program (board_exit: QEMU exits with it).
// Kernel exceptions (PendSV, SysTick, faults) go straight to the Cortex-M port's handlers:
// no wrapper is needed (see docs/kernel.md, interrupt entry/exit).
#include <stdint.h>
#include <string.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/board.h"
#include "kernel/arch/cortex-m/cortex_m.h"

// Linker symbols (mps2-an385.ld).
extern uint32_t board_data_load[], board_data_start[], board_data_end[];
extern uint32_t board_bss_start[], board_bss_end[];
extern uint32_t board_msp_top[];

int main(void);

typedef void (*vector_fn)(void);

__attribute__((section(".vectors"), used)) static const vector_fn vectors[16 + MPS2_IRQ_COUNT] = {
    (vector_fn)(uintptr_t)board_msp_top,
    board_reset_handler,
    board_isr_nmi,     // NMI: the watchdog
    arch_cm_fault,     // HardFault
    arch_cm_fault,     // MemManage
    arch_cm_fault,     // BusFault
    arch_cm_fault,     // UsageFault
    0,
    0,
    0,
    0,
    board_isr_default, // SVCall
    board_isr_default, // DebugMonitor
    0,
    arch_cm_pendsv,
    arch_cm_systick,
    [16 + MPS2_IRQ_UART0_RX] = board_isr_uart0_rx,
    [16 + MPS2_IRQ_UART0_TX] = board_isr_default,
    [16 + MPS2_IRQ_UART1_RX] = board_isr_uart1_rx,
    [16 + MPS2_IRQ_UART1_TX] = board_isr_default,
    [16 + MPS2_IRQ_UART2_RX] = board_isr_uart2_rx,
    [16 + MPS2_IRQ_UART2_TX] = board_isr_default,
    [16 + 6] = board_isr_default,
    [16 + 7] = board_isr_default,
    [16 + MPS2_IRQ_TIMER0] = board_isr_timer0,
    [16 + MPS2_IRQ_TIMER1] = board_isr_timer1,
    [16 + MPS2_IRQ_DUALTIMER] = board_isr_default,
    [16 + 11] = board_isr_default,
    [16 + MPS2_IRQ_UART_OVF] = board_isr_uart_overflow,
    [16 + 13 ... 16 + 30] = board_isr_default,
    [16 + MPS2_IRQ_SWI] = board_isr_swi,
};

// An interrupt nobody enabled, or NMI/SVC: report which and stop.
void board_isr_default(void) {
    unsigned ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    arch_cm_puts("\nrtpy: unexpected exception ");
    arch_cm_puthex(ipsr);
    arch_cm_puts("\n");
    arch_cm_halt(4);
}

// Runs on the main stack set from vectors[0]; nothing here may rely on initialised data.
// Linked at 0x0 the core found this table itself; linked as the bootloader's application
// (mps2-an385-app.ld) it is wherever the image was loaded, and the bootloader jumps here with
// interrupts masked: point VTOR at our table and unmask them, the state of a reset.
void board_reset_handler(void) {
    MPS2_REG(MPS2_SCB_VTOR) = (uint32_t)(uintptr_t)vectors;
    __asm volatile("dsb\n\tisb\n\tcpsie i" ::: "memory");
    board_counter_start(); // from reset: boot-time figures read it (no RAM use)
    uint32_t *src = board_data_load, *dst = board_data_start;
    while (dst < board_data_end)
        *dst++ = *src++;
    for (dst = board_bss_start; dst < board_bss_end;)
        *dst++ = 0;
    board_init();
    board_exit(main());
}
