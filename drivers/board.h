// drivers/board.h: what every board provides besides its drivers: start-up, the console, the
// heap area for the interpreter, identity, reset and exit. Implemented by boards/mps2-an385
// and boards/sim (the host). The console is a UART with interrupt-driven receive;
// the REPL reads it with board_console_read/available and spots Ctrl-C with the hook.
#ifndef DRIVERS_BOARD_H
#define DRIVERS_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Brings up the console and the board's devices. Called by the start-up code before main. */
void board_init(void);

/** Writes n bytes to the console (polled: any context, also with interrupts masked). */
void board_console_write(const char *s, size_t n);
/** Copies up to n received console bytes; returns the count (0 if none). Never blocks. Any. */
size_t board_console_read(char *buf, size_t n);
/** Received console bytes waiting to be read. Any context. */
size_t board_console_available(void);
/**
 * Installs (NULL removes) a hook called in interrupt context for each byte received on the
 * console (after it is buffered): e.g. raise KeyboardInterrupt on Ctrl-C, or wake a reader.
 */
void board_console_set_rx_hook(void (*fn)(uint8_t byte, void *arg), void *arg);

/** The fixed memory block given to the interpreter's heap (linker symbols). Any context. */
void board_heap_area(void **start, size_t *size);

/** The CPU clock in Hz (machine.freq()). Any context. */
uint32_t board_cpu_hz(void);

/** Writes the board's unique id (machine.unique_id()); returns its length (<= n). Any. */
size_t board_unique_id(uint8_t *buf, size_t n);

/** Why the board last started (machine.reset_cause()); the values are MicroPython's. */
enum board_reset_cause {
    BOARD_RESET_POWER_ON = 1, // PWRON_RESET
    BOARD_RESET_HARD = 2,     // HARD_RESET: reset pin or board_reset
    BOARD_RESET_WDT = 3,      // WDT_RESET
    BOARD_RESET_DEEPSLEEP = 4,
    BOARD_RESET_SOFT = 5,
};

/** The cause of the last reset. Any context. */
enum board_reset_cause board_reset_cause(void);

/**
 * May machine.mem8/16/32 access [addr, addr + size)? True for the board's memory and device
 * registers (a register the hardware does not decode may still fault, as on MicroPython);
 * false everywhere on the host, where there is no such memory. Any context.
 */
bool board_mem_ok(uintptr_t addr, size_t size);

/** The UART that reaches the board's Bluetooth LE controller (H4 at 1 Mbaud: boards/sim's
 *  UART 3), or -1 when the board has none (the bluetooth module then raises OSError(ENODEV)).
 *  Any context. */
int board_ble_uart(void);

/** Resets the system (machine.reset()). Any context. Never returns. */
_Noreturn void board_reset(void);

/**
 * Ends the program with `code` (QEMU: exits the emulator with that status, through
 * semihosting; a real board would reset or halt). Any context. Never returns.
 */
_Noreturn void board_exit(int code);

#endif // DRIVERS_BOARD_H
