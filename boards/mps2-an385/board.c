// boards/mps2-an385/board.c: board bring-up and the board-level services of drivers/board.h:
// the console (UART0 at 115200), the heap area, identity (CPU clock, unique id), reset and
// exit (semihosting, the only use of it: QEMU's exit status), plus the hooks the Cortex-M
// kernel port calls (fault/panic output, halt), the software interrupt and the benchmark
// counter, and the few newlib system calls that console output through stdio needs.
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/board.h"
#include "drivers/uart.h"
#include "kernel/arch/cortex-m/cortex_m.h"

#define CONSOLE_UART 0u
#define CONSOLE_BAUD 115200u

extern uint8_t board_heap_start[], board_heap_end[];

// Survives a system reset (QEMU keeps RAM; the start-up code does not clear .noinit): tells
// board_reset's restart from a power-on.
#define RESET_MAGIC 0x52545059u // "RTPY"
__attribute__((section(".noinit"))) static volatile uint32_t reset_magic, reset_why;
static enum board_reset_cause reset_cause;

void board_init(void) {
    reset_cause = reset_magic == RESET_MAGIC ? (enum board_reset_cause)reset_why : BOARD_RESET_POWER_ON;
    reset_magic = 0;
    board_uart_init_all();
    board_timer_init_all();
    board_flash_init();
    (void)drv_uart_init(CONSOLE_UART, CONSOLE_BAUD);
    arch_cm_irq_priority(MPS2_IRQ_SWI, MPS2_LEVEL_SWI);
    arch_cm_irq_enable(MPS2_IRQ_SWI);
}

// --- console ---------------------------------------------------------------------------------

void board_console_write(const char *s, size_t n) {
    (void)drv_uart_write(CONSOLE_UART, s, n);
}

size_t board_console_read(char *buf, size_t n) {
    int r = drv_uart_read(CONSOLE_UART, buf, n);
    return r > 0 ? (size_t)r : 0u;
}

size_t board_console_available(void) {
    return drv_uart_available(CONSOLE_UART);
}

void board_console_set_rx_hook(void (*fn)(uint8_t byte, void *arg), void *arg) {
    (void)drv_uart_set_rx_callback(CONSOLE_UART, fn, arg);
}

// The kernel port's fault and panic reports.
void arch_cm_console_write(const char *s, size_t n) {
    board_console_write(s, n);
}

// --- memory, identity, reset, exit -------------------------------------------------------------

void board_heap_area(void **start, size_t *size) {
    *start = board_heap_start;
    *size = (size_t)(board_heap_end - board_heap_start);
}

uint32_t board_cpu_hz(void) {
    return MPS2_CPU_HZ;
}

// The MPS2 has no serial number QEMU would model: the id is the SCC's image id (0x41043850 for
// AN385) followed by the CPUID, big-endian. Stable across runs; it names the board type, not
// the unit (every QEMU instance has the same).
// The BLE controller's H4 line: UART 2, which QEMU connects to rtpy-ctrl on the host with a
// third -serial (docs/ble.md, "The QEMU board"); without one nothing answers and active(True)
// fails after the command timeout.
int board_ble_uart(void) {
    return 2;
}

size_t board_unique_id(uint8_t *buf, size_t n) {
    uint32_t w[2] = {MPS2_REG(MPS2_SCC + MPS2_SCC_ID), MPS2_REG(MPS2_CPUID)};
    size_t len = n < 8u ? n : 8u;
    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)(w[i / 4u] >> (24u - 8u * (i % 4u)));
    return len;
}

// What QEMU's AN385 decodes: SSRAM1 ("flash"), SSRAM2/3, PSRAM, the APB and AHB devices, the
// SCC and FPGA registers, and the Cortex-M3's private peripheral bus (SysTick, NVIC, SCB, MPU).
bool board_mem_ok(uintptr_t addr, size_t size) {
    static const struct {
        uint32_t lo, hi; // [lo, hi)
    } ranges[] = {
        {0x00000000u, 0x00400000u}, {0x20000000u, 0x20400000u}, {0x21000000u, 0x22000000u},
        {0x40000000u, 0x40030000u}, {0xE0000000u, 0xE0100000u},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (addr >= ranges[i].lo && addr < ranges[i].hi && size <= ranges[i].hi - addr)
            return true;
    }
    return false;
}

enum board_reset_cause board_reset_cause(void) {
    return reset_cause;
}

_Noreturn void board_reset_for(enum board_reset_cause why) {
    reset_why = why;
    reset_magic = RESET_MAGIC;
    arch_cm_reset();
}

_Noreturn void board_reset(void) {
    board_reset_for(BOARD_RESET_HARD);
}

// ARM semihosting (BKPT 0xAB), enabled in QEMU with -semihosting-config enable=on. Without a
// debugger or QEMU the BKPT faults: the fault report is printed and the board halts.
uint32_t board_semihost(uint32_t op, uintptr_t arg) {
    register uint32_t r0 __asm("r0") = op;
    register uintptr_t r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

#define SYS_EXIT 0x18u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u
#define ADP_STOPPED_RUNTIME_ERROR 0x20023u

_Noreturn void board_exit(int code) {
    __asm volatile("cpsid i" ::: "memory");
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code};
    (void)board_semihost(SYS_EXIT_EXTENDED, (uintptr_t)block);
    // Older hosts: only "success" or "failure".
    (void)board_semihost(SYS_EXIT, code ? ADP_STOPPED_RUNTIME_ERROR : ADP_STOPPED_APPLICATION_EXIT);
    for (;;)
        __asm volatile("wfi");
}

_Noreturn void arch_cm_halt(int code) {
    board_exit(code);
}

// --- software interrupt and benchmark counter ----------------------------------------------------

static void (*swi_fn)(void);

void board_swi_set_handler(void (*fn)(void)) {
    swi_fn = fn;
}

void board_swi_trigger(void) {
    arch_cm_irq_pend(MPS2_IRQ_SWI);
}

void board_isr_swi(void) {
    if (swi_fn) swi_fn();
}

// Dual timer 1 in free-running 32-bit mode, prescale 1: counts down from 0xFFFFFFFF at 25 MHz.
#define DUAL_LOAD 0x00u
#define DUAL_VALUE 0x04u
#define DUAL_CTRL 0x08u // bit 7 enable, bit 1 32-bit, bit 6 periodic (0: free-running)

void board_counter_start(void) {
    MPS2_REG(MPS2_DUALTIMER + DUAL_CTRL) = 0;
    MPS2_REG(MPS2_DUALTIMER + DUAL_LOAD) = 0xFFFFFFFFu;
    MPS2_REG(MPS2_DUALTIMER + DUAL_CTRL) = (1u << 7) | (1u << 1);
}

uint32_t board_counter(void) {
    return ~MPS2_REG(MPS2_DUALTIMER + DUAL_VALUE);
}

// --- newlib system calls (nosys.specs supplies the rest as failures) ----------------------------
// Exported under newlib's names, the one exception to the prefix rule.

int _write(int fd, const char *buf, int n);
int _write(int fd, const char *buf, int n) {
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    board_console_write(buf, (size_t)n);
    return n;
}

// No malloc in this firmware: the interpreter has its own heap (board_heap_area).
void *_sbrk(ptrdiff_t incr);
void *_sbrk(ptrdiff_t incr) {
    (void)incr;
    errno = ENOMEM;
    return (void *)-1;
}

_Noreturn void _exit(int code);
_Noreturn void _exit(int code) {
    board_exit(code);
}
