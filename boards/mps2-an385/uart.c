// boards/mps2-an385/uart.c: drivers/uart.h on the CMSDK APB UARTs 0-2. Transmit polls the
// "TX full" flag (QEMU sends at once); receive is interrupt-driven: the RX handler moves each
// byte into a ring buffer (single producer: the handler; single consumer: the reader, which
// only moves the tail, so no lock is needed) and calls the receive callback.
// Buffer sizes: 256 bytes for UART0 (the console: a pasted line fits), 64 for the others.
// A full buffer pushes back: the handler leaves the byte in the UART and masks the interrupt
// until the reader makes room (QEMU then holds further input: a long paste loses nothing; on
// hardware without flow control the UART's own overrun counts what is lost).
#include <errno.h>
#include <stdbool.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/uart.h"
#include "kernel/arch/cortex-m/cortex_m.h"

#define UART_COUNT 3u

struct uart {
    uint32_t base;
    uint8_t irq;
    uint16_t size; // ring buffer size, a power of two
    uint8_t *buf;
    volatile uint16_t head; // written by the RX handler
    volatile uint16_t tail; // written by the reader
    volatile uint32_t overruns;
    volatile bool held; // buffer full: receive interrupt masked until the reader makes room
    drv_uart_rx_fn fn;
    void *arg;
};

static uint8_t buf0[256], buf1[64], buf2[64];

static struct uart uarts[UART_COUNT] = {
    {MPS2_UART0, MPS2_IRQ_UART0_RX, sizeof buf0, buf0, 0, 0, 0, false, 0, 0},
    {MPS2_UART1, MPS2_IRQ_UART1_RX, sizeof buf1, buf1, 0, 0, 0, false, 0, 0},
    {MPS2_UART2, MPS2_IRQ_UART2_RX, sizeof buf2, buf2, 0, 0, 0, false, 0, 0},
};

#define REG(u, off) MPS2_REG((u)->base + (off))

unsigned drv_uart_count(void) {
    return UART_COUNT;
}

void board_uart_init_all(void) {
    for (unsigned i = 0; i < UART_COUNT; i++)
        arch_cm_irq_priority(uarts[i].irq, MPS2_LEVEL_UART);
}

int drv_uart_init(unsigned id, uint32_t baud) {
    if (id >= UART_COUNT || baud == 0) return -EINVAL;
    uint32_t div = MPS2_CPU_HZ / baud;
    if (div < 16u || div > 0xFFFFFu) return -EINVAL; // the CMSDK UART needs a divider >= 16
    struct uart *u = &uarts[id];
    arch_cm_irq_disable(u->irq);
    REG(u, MPS2_UART_CTRL) = 0;
    REG(u, MPS2_UART_BAUDDIV) = div;
    u->head = u->tail = 0;
    u->overruns = 0;
    u->held = false;
    REG(u, MPS2_UART_INT) = 0xFu;
    REG(u, MPS2_UART_CTRL) = 1u | 2u | 8u; // TX, RX, RX interrupt
    arch_cm_irq_unpend(u->irq);
    arch_cm_irq_enable(u->irq);
    return 0;
}

int drv_uart_write(unsigned id, const void *buf, size_t n) {
    if (id >= UART_COUNT) return -EINVAL;
    struct uart *u = &uarts[id];
    const uint8_t *p = buf;
    for (size_t i = 0; i < n; i++) {
        while (REG(u, MPS2_UART_STATE) & 1u) {
        }
        REG(u, MPS2_UART_DATA) = p[i];
    }
    return (int)n;
}

int drv_uart_read(unsigned id, void *buf, size_t n) {
    if (id >= UART_COUNT) return -EINVAL;
    struct uart *u = &uarts[id];
    uint8_t *p = buf;
    size_t got = 0;
    uint16_t tail = u->tail;
    while (got < n && tail != u->head) {
        p[got++] = u->buf[tail];
        tail = (uint16_t)((tail + 1u) & (u->size - 1u));
    }
    u->tail = tail;
    if (got && u->held) { // room again: take the byte waiting in the UART
        u->held = false;
        arch_cm_irq_enable(u->irq);
        arch_cm_irq_pend(u->irq);
    }
    return (int)got;
}

size_t drv_uart_available(unsigned id) {
    if (id >= UART_COUNT) return 0;
    struct uart *u = &uarts[id];
    return (size_t)((u->head - u->tail) & (u->size - 1u));
}

uint32_t drv_uart_overruns(unsigned id) {
    return id < UART_COUNT ? uarts[id].overruns : 0u;
}

int drv_uart_set_rx_callback(unsigned id, drv_uart_rx_fn fn, void *arg) {
    if (id >= UART_COUNT) return -EINVAL;
    struct uart *u = &uarts[id];
    arch_cm_irq_disable(u->irq); // the pair must change together
    u->fn = fn;
    u->arg = arg;
    if (REG(u, MPS2_UART_CTRL) & 2u) arch_cm_irq_enable(u->irq);
    return 0;
}

// The buffer keeps one slot free to tell full from empty; when it is full the byte stays in
// the UART and the interrupt is masked until drv_uart_read makes room.
static void rx_isr(struct uart *u) {
    REG(u, MPS2_UART_INT) = 2u;
    while (REG(u, MPS2_UART_STATE) & 2u) {
        uint16_t next = (uint16_t)((u->head + 1u) & (u->size - 1u));
        if (next == u->tail) {
            u->held = true;
            arch_cm_irq_disable(u->irq);
            return;
        }
        uint8_t c = (uint8_t)REG(u, MPS2_UART_DATA);
        u->buf[u->head] = c;
        u->head = next;
        if (u->fn) u->fn(c, u->arg);
    }
}

void board_isr_uart0_rx(void) {
    rx_isr(&uarts[0]);
}
void board_isr_uart1_rx(void) {
    rx_isr(&uarts[1]);
}
void board_isr_uart2_rx(void) {
    rx_isr(&uarts[2]);
}

// Hardware overruns (a byte arrived before the last was read) of UARTs 0-2: count and clear.
void board_isr_uart_overflow(void) {
    for (unsigned i = 0; i < UART_COUNT; i++) {
        struct uart *u = &uarts[i];
        uint32_t st = REG(u, MPS2_UART_STATE);
        if (st & 0xCu) {
            REG(u, MPS2_UART_STATE) = st & 0xCu; // write 1 to clear
            REG(u, MPS2_UART_INT) = 0xCu;
            u->overruns++;
        }
    }
}
