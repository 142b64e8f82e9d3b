// boards/sim/board.c: the simulated board's start-up, the trace, and drivers/board.h on the
// host: the console is UART 0 (standard output), identity is fixed, and a reset ends the host
// program with a documented status (BOARD_SIM_EXIT_*) since nothing restarts it.
// The trace is one line per output event, "@SECONDS.NANOSECONDS what", in virtual time; with
// "-" it goes through the same stdio stream as the program's output so the two interleave in
// the order they happened.
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "boards/sim/board_sim.h"
#include "boards/sim/sim_priv.h"
#include "drivers/board.h"
#include "drivers/uart.h"

static struct {
    FILE *trace;
    bool trace_is_stdout;
    bool up;
} B;

// ---- trace -------------------------------------------------------------------------------------
static void trace_stamp(void) {
    uint64_t ns = k_sim_now_ns();
    fprintf(B.trace, "@%llu.%09llu ", (unsigned long long)(ns / 1000000000u),
            (unsigned long long)(ns % 1000000000u));
}

void board_sim_trace(const char *fmt, ...) {
    if (!B.trace) {
        return;
    }
    trace_stamp();
    va_list ap;
    va_start(ap, fmt);
    vfprintf(B.trace, fmt, ap);
    va_end(ap);
    fputc('\n', B.trace);
}

void board_sim_trace_bytes(const char *prefix, const void *buf, size_t n) {
    if (!B.trace) {
        return;
    }
    trace_stamp();
    fputs(prefix, B.trace);
    fputc('"', B.trace);
    const uint8_t *p = buf;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        switch (c) {
        case '\n': fputs("\\n", B.trace); break;
        case '\r': fputs("\\r", B.trace); break;
        case '\t': fputs("\\t", B.trace); break;
        case '"': fputs("\\\"", B.trace); break;
        case '\\': fputs("\\\\", B.trace); break;
        default:
            if (c >= 32 && c < 127) {
                fputc(c, B.trace);
            } else {
                fprintf(B.trace, "\\x%02x", c);
            }
        }
    }
    fputs("\"\n", B.trace);
}

// ---- start-up ---------------------------------------------------------------------------------
void board_init(void) {
    if (B.up) {
        return;
    }
    B.up = true;
    board_sim_gpio_init();
    board_sim_adc_init();
    board_sim_uart_init();
    board_sim_timer_init();
    board_sim_wdt_init();
    board_sim_ble_init();
    (void)drv_uart_init(0, SIM_UART_DEFAULT_BAUD); // the console
}

int board_sim_init(const char *scenario_path, const char *trace_path) {
    board_init();
    if (trace_path) {
        if (strcmp(trace_path, "-") == 0) {
            B.trace = stdout;
            B.trace_is_stdout = true;
        } else {
            B.trace = fopen(trace_path, "w");
            if (!B.trace) {
                fprintf(stderr, "rtpy: can't open trace file '%s'\n", trace_path);
                return -1;
            }
            setvbuf(B.trace, NULL, _IOLBF, 0); // complete lines even if the program is killed
        }
    }
    return scenario_path ? board_sim_scenario_load(scenario_path) : 0;
}

// ---- drivers/board.h -------------------------------------------------------------------------
void board_console_write(const char *s, size_t n) {
    (void)drv_uart_write(0, s, n);
}

size_t board_console_read(char *buf, size_t n) {
    int r = drv_uart_read(0, buf, n);
    return r > 0 ? (size_t)r : 0u;
}

size_t board_console_available(void) {
    return drv_uart_available(0);
}

void board_console_set_rx_hook(void (*fn)(uint8_t byte, void *arg), void *arg) {
    (void)drv_uart_set_rx_callback(0, fn, arg);
}

// The host program allocates the interpreter's heap itself (-X heapsize=).
void board_heap_area(void **start, size_t *size) {
    *start = NULL;
    *size = 0;
}

uint32_t board_cpu_hz(void) {
    return SIM_CPU_HZ;
}

// Like an ESP32's MAC address: six bytes, the same on every run.
int board_ble_uart(void) {
    return (int)SIM_UART_BLE;
}

size_t board_unique_id(uint8_t *buf, size_t n) {
    static const uint8_t id[6] = {'r', 't', 'p', 'y', 0x00, 0x01};
    size_t len = n < sizeof id ? n : sizeof id;
    memcpy(buf, id, len);
    return len;
}

// The host has no device registers or raw memory for machine.mem8/16/32.
bool board_mem_ok(uintptr_t addr, size_t size) {
    (void)addr;
    (void)size;
    return false;
}

// Every run of the host program is a power-on.
enum board_reset_cause board_reset_cause(void) {
    return BOARD_RESET_POWER_ON;
}

_Noreturn void board_reset(void) {
    board_sim_trace("reset");
    fflush(stdout);
    k_stop(BOARD_SIM_EXIT_RESET);
}

_Noreturn void board_exit(int code) {
    fflush(stdout);
    k_stop(code);
}
