// boards/mps2-an385/mps2_an385.h: the ARM MPS2 board with the AN385 FPGA image (Cortex-M3 at
// 25 MHz) as QEMU's `-M mps2-an385` models it: memory map, peripheral registers, interrupt
// numbers and the board's own extras (software interrupt, benchmark counter). Portable code
// uses drivers/*.h and drivers/board.h instead.
// Memory (QEMU hw/arm/mps2.c): 0x00000000 ZBT SSRAM1 4 MiB ("flash": code and constants),
// 0x20000000 ZBT SSRAM2/3 4 MiB (data, bss, heap, main stack), 0x21000000 PSRAM 16 MiB (unused),
// 0x01000000 block RAM 16 KiB (unused).
#ifndef BOARDS_MPS2_AN385_MPS2_AN385_H
#define BOARDS_MPS2_AN385_MPS2_AN385_H

#include <stdint.h>

#include "drivers/board.h"

#define MPS2_CPU_HZ 25000000u

// PSRAM: the flash device's contents while the firmware runs (boards/mps2-an385/flash.c).
#define MPS2_PSRAM 0x21000000u

/** ARM semihosting call `op` with argument block `arg` (QEMU: -semihosting-config enable=on). */
uint32_t board_semihost(uint32_t op, uintptr_t arg);
/** Sets up the flash device if the semihosting command line names its file (flash.c). */
void board_flash_init(void);

#define MPS2_REG(a) (*(volatile uint32_t *)(a))

// CMSDK APB timers (TIMER0/1: drivers/timer.h) and the dual timer (benchmark counter).
#define MPS2_TIMER0 0x40000000u
#define MPS2_TIMER1 0x40001000u
#define MPS2_DUALTIMER 0x40002000u
#define MPS2_TIMER_CTRL 0x00u // bit 0 enable, bit 3 interrupt enable
#define MPS2_TIMER_VALUE 0x04u
#define MPS2_TIMER_RELOAD 0x08u
#define MPS2_TIMER_INT 0x0Cu // read: status, write 1: clear

// CMSDK APB UARTs (QEMU has five; the board supports the first three).
#define MPS2_UART0 0x40004000u
#define MPS2_UART1 0x40005000u
#define MPS2_UART2 0x40006000u
#define MPS2_UART_DATA 0x00u
#define MPS2_UART_STATE 0x04u // bit 0 TX full, bit 1 RX full
#define MPS2_UART_CTRL 0x08u  // bit 0 TX enable, 1 RX enable, 2 TX irq, 3 RX irq
#define MPS2_UART_INT 0x0Cu   // bit 0 TX, 1 RX; write 1 to clear
#define MPS2_UART_BAUDDIV 0x10u

// FPGA I/O: two user LEDs (LED0 bits 0-1), two push buttons (BUTTON bits 0-1; QEMU does not
// model them and reads 0), no switches on the AN385.
#define MPS2_FPGAIO 0x40028000u
#define MPS2_FPGAIO_LED 0x00u
#define MPS2_FPGAIO_BUTTON 0x08u

// Serial communication controller: its ID register names the FPGA image (0x41043850).
#define MPS2_SCC 0x4002F000u
#define MPS2_SCC_ID 0xFFCu

#define MPS2_CPUID 0xE000ED00u
#define MPS2_SCB_VTOR 0xE000ED08u // vector table offset

// External interrupt numbers.
#define MPS2_IRQ_UART0_RX 0
#define MPS2_IRQ_UART0_TX 1
#define MPS2_IRQ_UART1_RX 2
#define MPS2_IRQ_UART1_TX 3
#define MPS2_IRQ_UART2_RX 4
#define MPS2_IRQ_UART2_TX 5
#define MPS2_IRQ_TIMER0 8
#define MPS2_IRQ_TIMER1 9
#define MPS2_IRQ_DUALTIMER 10
#define MPS2_IRQ_UART_OVF 12
#define MPS2_IRQ_SWI 31 // not wired to any device: the board's software interrupt
#define MPS2_IRQ_COUNT 32

// Priority levels (kernel/arch/cortex-m/cortex_m.h): timers 3, UARTs 4, software interrupt 5.
#define MPS2_LEVEL_TIMER 3u
#define MPS2_LEVEL_UART 4u
#define MPS2_LEVEL_SWI 5u

/**
 * The software interrupt: board_swi_trigger() makes IRQ 31 pending; its handler calls fn in
 * interrupt context (level 5, kernel-aware). For tests and benchmarks of the interrupt path.
 */
void board_swi_set_handler(void (*fn)(void));
void board_swi_trigger(void);

/**
 * A free-running 32-bit up-counter at the CPU clock (the dual timer, reserved for this):
 * under QEMU -icount shift=0 one count is 40 instructions. board_counter_start() resets it.
 */
void board_counter_start(void);
uint32_t board_counter(void);

// Driver interrupt handlers (the vector table in startup.c names them).
void board_isr_uart0_rx(void);
void board_isr_uart1_rx(void);
void board_isr_uart2_rx(void);
void board_isr_uart_overflow(void);
void board_isr_timer0(void);
void board_isr_timer1(void);
void board_isr_swi(void);
void board_isr_default(void);
void board_isr_nmi(void); // the watchdog (wdt.c)
// Resets the system; the next start reports `why` as its reset cause.
_Noreturn void board_reset_for(enum board_reset_cause why);
void board_reset_handler(void);
// Driver initialisation (board_init).
void board_uart_init_all(void);
void board_timer_init_all(void);

#endif // BOARDS_MPS2_AN385_MPS2_AN385_H
