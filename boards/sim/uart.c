// boards/sim/uart.c: drivers/uart.h on three simulated ports.
//   UART 0  the console: what is written goes to standard output (and the trace)
//   UART 1  a peer: what is written goes to the trace; what the scenario sends arrives
//   UART 2  a loopback: what is written goes to the trace and comes back on its receive side
// Received bytes arrive one at a time, each after its line time (10 bits at the UART's baud
// rate), through the port's simulated interrupt into a ring buffer; bytes that find the port
// not initialised are lost, as on hardware. Transmission is instant (the trace stamps the
// write). Non-goal: modelling baud mismatches between the two ends.
#include <errno.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boards/sim/sim_priv.h"
#include "drivers/uart.h"

#define RX_RING 512u // bytes buffered per port (a power of two)

struct uart {
    bool enabled;
    uint32_t baud;
    uint8_t ring[RX_RING];
    uint32_t head, tail; // free-running; head - tail = bytes buffered
    uint32_t overruns;
    drv_uart_rx_fn fn;
    void *arg;
    uint8_t *line; // bytes on their way from the peer (host heap)
    size_t line_len, line_pos, line_cap;
    struct k_sim_irq irq;
};

static struct uart uarts[SIM_UART_COUNT];

static uint64_t byte_ns(const struct uart *u) {
    uint32_t baud = u->baud ? u->baud : SIM_UART_DEFAULT_BAUD;
    return (10ull * 1000000000ull + baud / 2) / baud;
}

// One byte has crossed the line: buffer it (or count it lost), tell the callback, and wait for
// the next one.
static void rx_isr(void *arg) {
    struct uart *u = arg;
    if (u->line_pos >= u->line_len) {
        return;
    }
    uint8_t b = u->line[u->line_pos++];
    if (u->enabled) {
        if (u->head - u->tail < RX_RING) {
            u->ring[u->head++ % RX_RING] = b;
        } else {
            u->overruns++;
        }
        if (u->fn) {
            u->fn(b, u->arg);
        }
    }
    if (u->line_pos < u->line_len) {
        k_sim_irq_after(&u->irq, byte_ns(u));
    } else {
        u->line_len = u->line_pos = 0;
    }
}

void board_sim_uart_init(void) {
    for (unsigned i = 0; i < SIM_UART_COUNT; i++) {
        free(uarts[i].line);
        memset(&uarts[i], 0, sizeof uarts[i]);
        k_sim_irq_init(&uarts[i].irq, rx_isr, &uarts[i]);
    }
}

int board_sim_uart_feed(unsigned id, const void *buf, size_t n) {
    if (id >= SIM_UART_COUNT) {
        return -EINVAL;
    }
    struct uart *u = &uarts[id];
    unsigned key = k_irq_lock();
    if (u->line_len + n > u->line_cap) {
        size_t cap = (u->line_len + n) * 2 + 64;
        uint8_t *p = realloc(u->line, cap);
        if (!p) {
            k_irq_unlock(key);
            return -ENOMEM;
        }
        u->line = p;
        u->line_cap = cap;
    }
    memcpy(u->line + u->line_len, buf, n);
    bool idle = u->line_len == u->line_pos;
    u->line_len += n;
    if (idle && n) {
        k_sim_irq_after(&u->irq, byte_ns(u));
    }
    k_irq_unlock(key);
    return 0;
}

// ---- drivers/uart.h --------------------------------------------------------------------------
unsigned drv_uart_count(void) {
    return SIM_UART_COUNT;
}

int drv_uart_init(unsigned id, uint32_t baud) {
    if (id >= SIM_UART_COUNT || baud < 300 || baud > 5000000) {
        return -EINVAL;
    }
    struct uart *u = &uarts[id];
    unsigned key = k_irq_lock();
    u->enabled = true;
    u->baud = baud;
    u->head = u->tail = 0;
    u->overruns = 0;
    k_irq_unlock(key);
    return 0;
}

int drv_uart_write(unsigned id, const void *buf, size_t n) {
    if (id >= SIM_UART_COUNT || !uarts[id].enabled) {
        return -EINVAL;
    }
    char prefix[16];
    snprintf(prefix, sizeof prefix, "uart%u tx ", id);
    board_sim_trace_bytes(prefix, buf, n);
    if (id == 0) {
        fwrite(buf, 1, n, stdout);
    } else if (id == 2) {
        (void)board_sim_uart_feed(2, buf, n);
    }
    return (int)n;
}

int drv_uart_read(unsigned id, void *buf, size_t n) {
    if (id >= SIM_UART_COUNT) {
        return -EINVAL;
    }
    struct uart *u = &uarts[id];
    uint8_t *out = buf;
    unsigned key = k_irq_lock();
    size_t got = 0;
    while (got < n && u->tail != u->head) {
        out[got++] = u->ring[u->tail++ % RX_RING];
    }
    k_irq_unlock(key);
    return (int)got;
}

size_t drv_uart_available(unsigned id) {
    return id < SIM_UART_COUNT ? uarts[id].head - uarts[id].tail : 0u;
}

uint32_t drv_uart_overruns(unsigned id) {
    return id < SIM_UART_COUNT ? uarts[id].overruns : 0u;
}

int drv_uart_set_rx_callback(unsigned id, drv_uart_rx_fn fn, void *arg) {
    if (id >= SIM_UART_COUNT) {
        return -EINVAL;
    }
    unsigned key = k_irq_lock();
    uarts[id].fn = fn;
    uarts[id].arg = arg;
    k_irq_unlock(key);
    return 0;
}
