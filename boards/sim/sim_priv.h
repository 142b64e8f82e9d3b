// boards/sim/sim_priv.h: what the simulated board's files share (private to boards/sim).
// Every device keeps its state in a static struct of its own file; they meet here through the
// trace writer, the scenario's hooks into the devices, and the devices' start-up calls.
// Context: all of this runs with the kernel's baton (a kernel thread or a simulated ISR), so
// state is never touched by two host threads at once.
#ifndef BOARDS_SIM_SIM_PRIV_H
#define BOARDS_SIM_SIM_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIM_PIN_COUNT 40u
#define SIM_PIN_INPUT_ONLY_FIRST 34u // 34-39 are input only (as on the ESP32)
#define SIM_PIN_LED 2u
#define SIM_PIN_BUTTON 0u // external pull-up: reads 1 unless driven
#define SIM_ADC_FIRST 32u // ADC inputs: pins 32-39
#define SIM_ADC_LAST 39u
#define SIM_VDD_UV 3300000u // the supply: ADC inputs are clamped to 0..3.3 V
#define SIM_UART_COUNT 4u   // 0 console (stdout), 1 scenario peer, 2 loopback, 3 the BLE controller
#define SIM_UART_DEFAULT_BAUD 115200u
#define SIM_UART_BLE 3u // the BLE controller's H4 line
#define SIM_BLE_BAUD 1000000u
#define SIM_TIMER_COUNT 4u
#define SIM_TIMER_HZ 1000000u // hardware timers count microseconds
#define SIM_CPU_HZ 160000000u // what machine.freq() reports

// ---- trace (board.c) -------------------------------------------------------------------------
// One line "@SECONDS.NANOSECONDS what\n" per call, at the current virtual time (nothing when
// there is no trace). Any context.
void board_sim_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
// The same with `prefix` followed by the bytes as a C string literal ("a\n\x01").
void board_sim_trace_bytes(const char *prefix, const void *buf, size_t n);

// ---- devices ----------------------------------------------------------------------------------
void board_sim_gpio_init(void);
void board_sim_adc_init(void);
void board_sim_uart_init(void);
void board_sim_timer_init(void);
void board_sim_wdt_init(void);

// The scenario's side of a pin: drives the line from outside (level 0 or 1; -1 releases it:
// it then reads its pull). Returns the previous external level (-1: released). ISR or thread.
int board_sim_pin_drive(unsigned pin, int level);

// An ADC waveform in volts over virtual time (t in seconds since `t0_ns`).
enum board_sim_wave_kind {
    SIM_WAVE_CONST,  // a
    SIM_WAVE_SINE,   // a + b * sin(2 pi c t)
    SIM_WAVE_SQUARE, // a for the first half of each period 1/c, then b
    SIM_WAVE_RAMP,   // from a to b in d seconds, then b
};
struct board_sim_wave {
    enum board_sim_wave_kind kind;
    double a, b, c, d;
    uint64_t t0_ns; // when the waveform starts (set when it is applied)
};
// Replaces the waveform of ADC pin `pin` (SIM_ADC_FIRST..SIM_ADC_LAST). Any context.
void board_sim_adc_set(unsigned pin, const struct board_sim_wave *w);

// Makes fn the peer that receives what UART `id` writes (called at the write, thread or ISR).
void board_sim_uart_set_peer(unsigned id, void (*fn)(const uint8_t *buf, size_t n, void *arg), void *arg);

// The BLE controller on UART 3 (ble.c).
void board_sim_ble_init(void);

// Bytes the peer sends on UART `id`: they arrive one by one at the line rate (10 bits a byte
// at the UART's baud rate). Returns 0; -EINVAL (no such UART). Any context.
int board_sim_uart_feed(unsigned id, const void *buf, size_t n);

// ---- scenario (scenario.c) ------------------------------------------------------------------
// Parses the file and schedules its events. Returns 0, or -1 after reporting FILE:LINE.
int board_sim_scenario_load(const char *path);
// One statement from the control channel, its times counted from now (`at 10ms` = in 10 ms),
// parsed in place. Returns 0, or -1 with the message in err. Context: ISR.
int board_sim_scenario_apply(char *line, char *err, size_t errlen);

#endif // BOARDS_SIM_SIM_PRIV_H
