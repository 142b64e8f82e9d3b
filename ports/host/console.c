// ports/host/console.c: console input. A host thread (not a kernel thread) reads stdin and
// posts bytes through a simulated interrupt; the interrupt handler either raises
// KeyboardInterrupt (the interrupt character while code runs) or queues the byte and wakes
// a reader blocked in host_console_getc.
// For a script the reader thread starts at the first read or poll of stdin, not at start-up:
// most scripts never read stdin, and the thread is a noticeable part of `rtpy -c pass`.
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "modules/kthread.h"
#include "modules/modules.h"
#include "ports/host/console.h"
#include "ports/host/host.h"

#define RING 1024

static struct {
    pthread_mutex_t mtx;       // between the reader thread and the interrupt handler
    unsigned char in[RING];    // filled by the reader thread
    unsigned in_head, in_tail;
    bool eof_seen;
    unsigned char ring[RING];  // interrupt side → Python side
    volatile unsigned head, tail;
    volatile bool eof;
    volatile bool line_mode;
    struct k_sem avail;
    struct k_sim_irq irq;
    bool raw;
    bool started; // host_console_start was called: the reader may run
    pthread_once_t reader_once;
    struct termios saved;
    pthread_t reader;
} C = {.mtx = PTHREAD_MUTEX_INITIALIZER, .reader_once = PTHREAD_ONCE_INIT};

static void rx_isr(void *arg) {
    (void)arg;
    pthread_mutex_lock(&C.mtx);
    while (C.in_tail != C.in_head) {
        unsigned char b = C.in[C.in_tail++ % RING];
        if (b == mod_micropython_kbd_intr_char && !C.line_mode) {
            host_interrupt_main();
            continue;
        }
        if (C.head - C.tail < RING) {
            C.ring[C.head++ % RING] = b;
        }
    }
    if (C.eof_seen) {
        C.eof = true;
    }
    pthread_mutex_unlock(&C.mtx);
    k_sem_give(&C.avail);
}

static void *reader_main(void *arg) {
    (void)arg;
    for (;;) {
        unsigned char buf[256];
        // Wait for input outside the lock, read it inside: then fd 0's pending bytes and the
        // rings together are always all the input (host_console_readable relies on it).
        struct pollfd p = {.fd = 0, .events = POLLIN};
        while (poll(&p, 1, -1) < 0 && errno == EINTR) {
        }
        pthread_mutex_lock(&C.mtx);
        ssize_t n;
        do {
            n = read(0, buf, sizeof(buf));
        } while (n < 0 && errno == EINTR);
        if (n <= 0) {
            C.eof_seen = true;
        } else {
            for (ssize_t i = 0; i < n; i++) {
                if (C.in_head - C.in_tail < RING) {
                    C.in[C.in_head++ % RING] = buf[i];
                }
            }
        }
        pthread_mutex_unlock(&C.mtx);
        k_sim_irq_raise_async(&C.irq);
        if (n <= 0) {
            return NULL;
        }
    }
}

static void reader_create(void) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&C.reader, &attr, reader_main, NULL);
    pthread_attr_destroy(&attr);
}

// Once, from whichever thread first needs input (the reader is a host thread: creating it
// from a kernel thread is fine).
static void reader_start(void) {
    if (C.started) {
        pthread_once(&C.reader_once, reader_create);
    }
}

void host_console_start(bool raw) {
    k_sem_init(&C.avail, 0, 1);
    k_sim_irq_init(&C.irq, rx_isr, NULL);
    C.head = C.tail = C.in_head = C.in_tail = 0;
    if (raw && isatty(0) && tcgetattr(0, &C.saved) == 0) {
        struct termios t = C.saved;
        t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
        t.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        tcsetattr(0, TCSAFLUSH, &t);
        C.raw = true;
    }
    C.started = true;
    if (raw) { // the REPL reads at once, and Ctrl-C arrives as a byte: no reason to wait
        reader_start();
    }
}

void host_console_stop(void) {
    if (C.raw) {
        tcsetattr(0, TCSAFLUSH, &C.saved);
        C.raw = false;
    }
}

void host_console_line_mode(bool on) { C.line_mode = on; }

bool host_console_readable(void) {
    reader_start();
    pthread_mutex_lock(&C.mtx);
    bool ready = C.tail != C.head || C.eof || C.in_head != C.in_tail || C.eof_seen;
    if (!ready) { // bytes (or the end) the reader thread has not picked up yet
        struct pollfd p = {.fd = 0, .events = POLLIN};
        ready = poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP));
    }
    pthread_mutex_unlock(&C.mtx);
    return ready;
}

int host_console_getc(void) {
    reader_start();
    for (;;) {
        if (C.tail != C.head) {
            return C.ring[C.tail++ % RING];
        }
        if (C.eof) {
            return -1;
        }
        // In virtual time a thread blocked forever with nothing scheduled is a deadlock, but
        // the reader thread may not have posted yet: wait in slices instead.
        mod_kthread_sem_take(&C.avail, k_sim_is_virtual() ? k_timeout_ms(10) : k_timeout_forever());
    }
}
