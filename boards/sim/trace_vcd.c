// boards/sim/trace_vcd.c: the Value Change Dump trace (--trace-vcd=FILE, docs/tracing.md).
// Variables, all declared up front (a VCD cannot add any later):
//   pins.<name>        wire 1   every pin's level (LED, BUTTON, GPIO2...), inputs included
//   uart.uartN_tx      wire 8   the byte on UART N's transmit line during its frame, z idle
//   adc.ADCn           real     the volts of the last sample taken on ADC pin n
// Times are ns since k_init ($timescale 1ns). The UART is drawn at its baud rate (10 bits a
// byte) although the board transmits instantly, so a write's later bytes are changes in the
// future: they wait in a per-UART FIFO and are merged in time order before any later change.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rtos/kernel.h>
#include <rtos/sim.h>

#include "boards/sim/sim_priv.h"
#include "boards/sim/trace.h"
#include "drivers/adc.h"
#include "drivers/gpio.h"

#define N_UART 3u // UART 3 is the BLE controller's HCI line (--btsnoop records it)
#define N_ADC (SIM_ADC_LAST - SIM_ADC_FIRST + 1u)
#define ID_UART SIM_PIN_COUNT
#define ID_ADC (ID_UART + N_UART)

struct change {
    uint64_t t;
    int value; // a byte, or -1: idle (z)
};

struct fifo {
    struct change *c;
    size_t head, len, cap;
    uint64_t free_at; // when the line has sent everything queued
};

static struct {
    FILE *f;
    uint64_t last; // time of the last "#t" written
    bool stamped;
    struct fifo tx[N_UART];
} V;

// Identifier codes: printable ASCII without '#' and '$' (which start time stamps and
// keywords, and confuse some readers), base 92.
static const char *code(unsigned i) {
    static const char digits[] = "!\"%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    static char buf[4];
    size_t n = 0, base = sizeof digits - 1;
    do {
        buf[n++] = digits[i % base];
        i /= (unsigned)base;
    } while (i && n < 3);
    buf[n] = 0;
    return buf;
}

static void stamp(uint64_t t) {
    if (!V.stamped || t != V.last) {
        fprintf(V.f, "#%llu\n", (unsigned long long)t);
        V.last = t;
        V.stamped = true;
    }
}

static void write_byte(unsigned u, int value) {
    if (value < 0) {
        fprintf(V.f, "bzzzzzzzz %s\n", code(ID_UART + u));
        return;
    }
    char bits[9];
    for (int b = 0; b < 8; b++) bits[b] = (char)('0' + ((value >> (7 - b)) & 1));
    bits[8] = 0;
    fprintf(V.f, "b%s %s\n", bits, code(ID_UART + u));
}

// Writes the queued UART changes due at or before `t`, oldest first.
static void flush_until(uint64_t t) {
    for (;;) {
        int best = -1;
        for (unsigned u = 0; u < N_UART; u++) {
            struct fifo *q = &V.tx[u];
            if (q->len && q->c[q->head].t <= t &&
                (best < 0 || q->c[q->head].t < V.tx[best].c[V.tx[best].head].t))
                best = (int)u;
        }
        if (best < 0) return;
        struct fifo *q = &V.tx[best];
        struct change c = q->c[q->head];
        q->head = (q->head + 1) % q->cap;
        q->len--;
        stamp(c.t < V.last && V.stamped ? V.last : c.t);
        write_byte((unsigned)best, c.value);
    }
}

// Every change goes through here: earlier queued changes first, then the time stamp.
static void at(uint64_t t) {
    flush_until(t);
    stamp(t);
}

static void push(struct fifo *q, uint64_t t, int value) {
    if (q->len == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 64;
        struct change *c = malloc(cap * sizeof *c);
        if (!c) return; // out of host memory: the byte is not drawn
        for (size_t i = 0; i < q->len; i++) c[i] = q->c[(q->head + i) % q->cap];
        free(q->c);
        q->c = c;
        q->head = 0;
        q->cap = cap;
    }
    q->c[(q->head + q->len) % q->cap] = (struct change){t, value};
    q->len++;
}

void board_sim_vcd_pin(unsigned n, int level) {
    if (!V.f || n >= SIM_PIN_COUNT) return;
    at(k_sim_now_ns());
    fprintf(V.f, "%d%s\n", level ? 1 : 0, code(n));
}

void board_sim_vcd_uart_tx(unsigned id, uint32_t baud, const void *buf, size_t n) {
    if (!V.f || id >= N_UART || !n) return;
    uint64_t now = k_sim_now_ns();
    uint64_t frame = baud ? 10u * 1000000000ull / baud : 0;
    if (!frame) frame = 1;
    struct fifo *q = &V.tx[id];
    uint64_t t = q->free_at > now ? q->free_at : now;
    if (q->len && q->c[(q->head + q->len - 1) % q->cap].value < 0 &&
        q->c[(q->head + q->len - 1) % q->cap].t == t)
        q->len--; // the line goes on without an idle gap
    const uint8_t *p = buf;
    for (size_t i = 0; i < n; i++, t += frame) push(q, t, p[i]);
    push(q, t, -1);
    q->free_at = t;
    flush_until(now);
}

void board_sim_vcd_adc(unsigned pin, double volts) {
    if (!V.f || pin < SIM_ADC_FIRST || pin > SIM_ADC_LAST) return;
    at(k_sim_now_ns());
    fprintf(V.f, "r%.6g %s\n", volts, code(ID_ADC + pin - SIM_ADC_FIRST));
}

static void vcd_close(void) {
    if (!V.f) return;
    flush_until(UINT64_MAX);
    uint64_t end = k_sim_now_ns();
    if (!V.stamped || end > V.last) stamp(end); // the run's length shows as the last time
    fclose(V.f);
    V.f = NULL;
}

int board_sim_trace_vcd_open(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "rtpy: can't open VCD trace file '%s'\n", path);
        return -1;
    }
    time_t now = time(NULL);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", gmtime(&now));
    fprintf(f, "$date %s $end\n$version rtpy simulated board $end\n$timescale 1ns $end\n", date);
    fprintf(f, "$scope module board $end\n$scope module pins $end\n");
    for (unsigned n = 0; n < SIM_PIN_COUNT; n++)
        fprintf(f, "$var wire 1 %s %s $end\n", code(n), drv_gpio_name(n));
    fprintf(f, "$upscope $end\n$scope module uart $end\n");
    for (unsigned u = 0; u < N_UART; u++)
        fprintf(f, "$var wire 8 %s uart%u_tx $end\n", code(ID_UART + u), u);
    fprintf(f, "$upscope $end\n$scope module adc $end\n");
    for (unsigned a = 0; a < N_ADC; a++)
        fprintf(f, "$var real 64 %s ADC%u $end\n", code(ID_ADC + a), SIM_ADC_FIRST + a);
    fprintf(f, "$upscope $end\n$upscope $end\n$enddefinitions $end\n");
    fprintf(f, "#%llu\n$dumpvars\n", (unsigned long long)k_sim_now_ns());
    for (unsigned n = 0; n < SIM_PIN_COUNT; n++)
        fprintf(f, "%d%s\n", drv_gpio_read(n) > 0 ? 1 : 0, code(n));
    for (unsigned u = 0; u < N_UART; u++) fprintf(f, "bzzzzzzzz %s\n", code(ID_UART + u));
    for (unsigned a = 0; a < N_ADC; a++) {
        uint32_t uv = 0;
        (void)drv_adc_read_uv(SIM_ADC_FIRST + a, &uv);
        fprintf(f, "r%.6g %s\n", uv / 1e6, code(ID_ADC + a));
    }
    fprintf(f, "$end\n");
    V.f = f;
    V.last = k_sim_now_ns();
    V.stamped = true;
    atexit(vcd_close);
    return 0;
}
