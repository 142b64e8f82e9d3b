// boards/sim/uart.c: drivers/uart.h on three simulated ports.
//   UART 0  the console: what is written goes to standard output (and the trace)
//   UART 1  a peer: what is written goes to the trace; what the scenario sends arrives
//   UART 2  a loopback: what is written goes to the trace and comes back on its receive side
//   UART 3  the BLE controller's H4 line (ble.c, a peer set by board_sim_uart_set_peer)
// `rtpy --uart1=PATH` (or --uart2) connects a port to a host device instead: a serial port, a
// pty, a FIFO or a Unix socket. What the port writes goes to it as well; what it sends arrives
// like a scenario's bytes (a host thread reads it and posts it through an interrupt).
// Received bytes arrive one at a time, each after its line time (10 bits at the UART's baud
// rate), through the port's simulated interrupt into a ring buffer; bytes that find the port
// not initialised are lost, as on hardware. Transmission is instant (the trace stamps the
// write). Non-goal: modelling baud mismatches between the two ends.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "boards/sim/board_sim.h"
#include "boards/sim/sim_priv.h"
#include "boards/sim/trace.h"
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
    // a host device as the peer (board_sim_uart_connect)
    int fd; // -1: none
    pthread_mutex_t mtx; // the reader thread's bytes, until the interrupt takes them
    uint8_t in[4096];
    size_t in_len;
    struct k_sim_irq in_irq;
    void (*peer)(const uint8_t *buf, size_t n, void *arg); // a device on the board as the peer
    void *peer_arg;
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
        static const char *const irq_names[] = {"uart0 rx", "uart1 rx", "uart2 rx", "uart3 rx"};
        k_sim_irq_set_name(&uarts[i].irq, i < 4 ? irq_names[i] : "uart rx");
        uarts[i].fd = -1;
    }
}

// ---- a host device as the peer ----------------------------------------------------------------
// The reader thread is a host thread, not a kernel thread: it hands its bytes over under the
// port's mutex and raises in_irq; the handler puts them on the line. When its buffer is full it
// waits for the handler to drain it (the device's own buffering then holds the sender back).
static void in_isr(void *arg) {
    struct uart *u = arg;
    pthread_mutex_lock(&u->mtx);
    (void)board_sim_uart_feed((unsigned)(u - uarts), u->in, u->in_len);
    u->in_len = 0;
    pthread_mutex_unlock(&u->mtx);
}

static void *peer_reader(void *arg) {
    struct uart *u = arg;
    for (;;) {
        uint8_t buf[1024];
        ssize_t n = read(u->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return NULL; // the peer hung up: nothing more arrives
        }
        for (size_t done = 0; done < (size_t)n;) {
            pthread_mutex_lock(&u->mtx);
            size_t room = sizeof u->in - u->in_len, k = (size_t)n - done;
            if (k > room) {
                k = room;
            }
            memcpy(u->in + u->in_len, buf + done, k);
            u->in_len += k;
            pthread_mutex_unlock(&u->mtx);
            done += k;
            k_sim_irq_raise_async(&u->in_irq);
            if (done < (size_t)n) {
                usleep(1000);
            }
        }
    }
}

int board_sim_uart_connect(unsigned id, const char *path) {
    if (id == 0 || id >= SIM_UART_COUNT) {
        fprintf(stderr, "rtpy: no UART %u to connect (1-%u)\n", id, SIM_UART_COUNT - 1);
        return -1;
    }
    struct uart *u = &uarts[id];
    struct stat st;
    int fd = -1;
    if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        struct sockaddr_un a = {.sun_family = AF_UNIX};
        if (strlen(path) < sizeof a.sun_path) {
            strcpy(a.sun_path, path);
            fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
                close(fd);
                fd = -1;
            }
        }
    } else {
        fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    }
    if (fd < 0) {
        fprintf(stderr, "rtpy: can't connect UART %u to '%s': %s\n", id, path, strerror(errno));
        return -1;
    }
    struct termios t;
    if (isatty(fd) && tcgetattr(fd, &t) == 0) { // a serial line carries bytes, not text
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    u->fd = fd;
    pthread_mutex_init(&u->mtx, NULL);
    k_sim_irq_init(&u->in_irq, in_isr, u);
    k_sim_irq_set_name(&u->in_irq, "uart peer in");
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&th, &attr, peer_reader, u);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        fprintf(stderr, "rtpy: can't start UART %u's reader\n", id);
        return -1;
    }
    return 0;
}

void board_sim_uart_set_peer(unsigned id, void (*fn)(const uint8_t *buf, size_t n, void *arg), void *arg) {
    if (id < SIM_UART_COUNT) {
        uarts[id].peer = fn;
        uarts[id].peer_arg = arg;
    }
}

// Writes to the host device all of it (a blocking write: the line is as slow as the device).
static void peer_write(int fd, const uint8_t *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return; // the peer is gone: bytes fall off the line, as on a cut cable
        }
        p += w;
        n -= (size_t)w;
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
    if (id != SIM_UART_BLE) { // (HCI traffic has its own record: rtpy --btsnoop=FILE)
        board_sim_trace_bytes(prefix, buf, n);
        board_sim_vcd_uart_tx(id, uarts[id].baud, buf, n);
    }
    if (id == 0) {
        fwrite(buf, 1, n, stdout);
    } else if (uarts[id].fd >= 0) {
        peer_write(uarts[id].fd, buf, n);
    } else if (uarts[id].peer) {
        uarts[id].peer(buf, n, uarts[id].peer_arg);
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
