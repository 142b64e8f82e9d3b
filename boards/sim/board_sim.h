// boards/sim/board_sim.h: the simulated board (host only). It implements drivers/*.h in the
// kernel's simulated time: 40 pins like an ESP32 (0-39; 34-39 input only; pin 2 the LED,
// pin 0 a button with an external pull-up; ADC on 32-39), three UARTs (0 the console on
// stdout, 1 a peer scripted by the scenario, 2 a loopback), four hardware timers, a watchdog.
// A scenario file drives the inputs over virtual time; a trace file records every output
// change with its timestamp. Formats and defaults: docs/board-sim.md.
// Non-goal: electrical modelling (contention between two drivers, analog loading).
#ifndef BOARDS_SIM_BOARD_SIM_H
#define BOARDS_SIM_BOARD_SIM_H

// Exit status of the host program when the board resets (nothing restarts on the host).
#define BOARD_SIM_EXIT_WDT 5   // the watchdog expired
#define BOARD_SIM_EXIT_RESET 6 // machine.reset() (board_reset)

/**
 * Brings the board up: reads the scenario (NULL: none, the defaults), opens the trace (NULL:
 * no trace; "-": standard output, interleaved with the program's output) and schedules the
 * scenario's events. Call once, after k_init and before k_start. Returns 0, or -1 after
 * printing "FILE:LINE: message" (or why a file cannot be opened) on stderr; the host program
 * then exits with status 2. Context: start-up.
 */
int board_sim_init(const char *scenario_path, const char *trace_path);

/**
 * Gives the board a 4 MiB flash device (drivers/flash.h) kept in the file `path`, created
 * erased if missing. Returns 0, or -1 after printing why on stderr. Context: start-up.
 */
int board_sim_flash_open(const char *path);

/**
 * Connects UART `id` (1 or 2) to a host device `path` instead of the scenario's peer or the
 * loopback: a serial port or pty (set to raw), a FIFO, or a Unix stream socket (connected to).
 * The port's writes go to the device; what the device sends arrives at the line rate. Returns
 * 0, or -1 after printing why on stderr. Context: start-up, after board_sim_init.
 */
int board_sim_uart_connect(unsigned id, const char *path);

/**
 * Joins the radio medium rtpy-air listening on socket_path (docs/ble.md) as device `name` at
 * (x, y) metres; the board's BLE address derives from the name. Returns 0, or -1 after
 * printing why. Context: start-up, after board_sim_init.
 */
int board_sim_ble_join(const char *socket_path, const char *name, double x, double y);

/** Records the HCI traffic between the board's host stack and its controller in a btsnoop
 *  file (Wireshark, tshark). Returns 0, or -1 after printing why. Context: start-up. */
int board_sim_ble_btsnoop(const char *path);

/**
 * Connects the control channel (boards/sim/control.c): the Unix stream socket `path`, on which
 * a test sends scenario statements applied while the program runs, each answered "ok @TIME" or
 * "error: ...". Returns 0, or -1 after printing why. Context: start-up, after board_sim_init.
 */
int board_sim_control_open(const char *path);

#endif // BOARDS_SIM_BOARD_SIM_H
