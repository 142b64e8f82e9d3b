// drivers/uart.h: the UART interface every board implements (boards/mps2-an385: CMSDK APB
// UARTs; boards/sim: simulated ports). Ports are numbered from 0; the console is one of them
// (drivers/board.h). Receive is interrupt-driven into a ring buffer owned by the driver, so no
// byte is lost while the application is busy (up to the buffer size); transmit may poll.
// Errors are negative errno values. Non-goal: flow control, parity, DMA.
#ifndef DRIVERS_UART_H
#define DRIVERS_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Called in interrupt context for every received byte, after it is buffered (or dropped). */
typedef void (*drv_uart_rx_fn)(uint8_t byte, void *arg);

/** Number of UARTs on the board. Any context. */
unsigned drv_uart_count(void);

/**
 * Configures and enables UART `id` at `baud` (8N1) with receive interrupts, emptying its
 * receive buffer. Returns 0; -EINVAL (no such UART, baud 0 or out of range). Context: thread
 * or startup. Does not block.
 */
int drv_uart_init(unsigned id, uint32_t baud);

/**
 * Sends n bytes; returns once they are all handed to the hardware. Returns n; -EINVAL.
 * Context: any (polled; usable with interrupts masked). Blocks by busy-waiting on the line.
 */
int drv_uart_write(unsigned id, const void *buf, size_t n);

/**
 * Copies up to n received bytes to buf. Returns the count (0 if none); -EINVAL.
 * Context: any. Never blocks.
 */
int drv_uart_read(unsigned id, void *buf, size_t n);

/** Bytes waiting in the receive buffer (0 for a bad id). Any context. */
size_t drv_uart_available(unsigned id);

/** Bytes dropped because the receive buffer was full, since init. Any context. */
uint32_t drv_uart_overruns(unsigned id);

/**
 * Installs (NULL removes) the receive callback, e.g. to spot Ctrl-C at once or to wake a
 * reader. Returns 0; -EINVAL. Context: any.
 */
int drv_uart_set_rx_callback(unsigned id, drv_uart_rx_fn fn, void *arg);

#endif // DRIVERS_UART_H
