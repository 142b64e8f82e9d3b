// boards/sim/trace.h: the simulated board's two machine-readable traces (docs/tracing.md).
//   --trace-vcd=FILE    pin levels, UART transmissions and ADC samples as a Value Change Dump
//                       (trace_vcd.c), for GTKWave and the like
//   --trace-sched=FILE  thread states, interrupts and kernel-object calls as Chrome/Perfetto
//                       trace-event JSON (trace_sched.c), one track per kernel thread
// Both are stamped with the kernel's clock (virtual time in the default mode) and finished at
// process exit. When a trace is not open its hooks cost one test of a static pointer (the
// board) or of the kernel's hook-table pointer (the kernel).
#ifndef BOARDS_SIM_TRACE_H
#define BOARDS_SIM_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Opens the VCD trace at `path` and writes its header and the initial values. Call after
 * board_sim_init. Returns 0; -1 (the file cannot be written; a message went to stderr).
 * Thread context, before k_start.
 */
int board_sim_trace_vcd_open(const char *path);
/**
 * Opens the scheduling trace at `path` and installs the kernel's trace hooks. Call after
 * k_init, before k_start. Returns 0; -1 (as above).
 */
int board_sim_trace_sched_open(const char *path);

// ---- what the board's devices report (no-ops while the VCD is closed) -----------------------
/** Pin n now has `level` (0 / 1). Any context. */
void board_sim_vcd_pin(unsigned n, int level);
/** UART `id` sends buf[0..n) at `baud`: each byte holds the vector for its 10-bit frame. */
void board_sim_vcd_uart_tx(unsigned id, uint32_t baud, const void *buf, size_t n);
/** ADC pin `pin` was sampled at `volts`. Any context. */
void board_sim_vcd_adc(unsigned pin, double volts);

#endif // BOARDS_SIM_TRACE_H
