// boards/sim/control.c: the board's control channel (rtpy --control=PATH): a test drives the
// simulated board's inputs while the program runs, instead of only from a scenario file fixed
// at start-up. PATH is a Unix stream socket the test listens on (connected to at start-up).
// Each line the test sends is a scenario statement (docs/board-sim.md) whose times count from
// the moment it arrives ("pin 0 = 0", "at 120ms pin 0 = z", "adc 34 = 1.2V", `uart1 "hi"`);
// the board answers each line with "ok @SECONDS.NANOSECONDS" (the time it took effect) or
// "error: MESSAGE". An empty line asks for the time. The lines are applied by a simulated
// interrupt, so they are ordered with the scenario's events; the interrupt is raised from a
// host thread, so when a line arrives depends on the wall clock (not deterministic: use a
// scenario file for runs that must be).
#include <errno.h>
#include <pthread.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "boards/sim/board_sim.h"
#include "boards/sim/sim_priv.h"

#define IN_CAP 4096 // bytes received and not yet applied; the reader waits while it is full

static struct {
    int fd;
    pthread_mutex_t mtx; // in[] between the reader thread and the interrupt
    char in[IN_CAP];
    size_t in_len;
    struct k_sim_irq irq;
} CT = {.fd = -1, .mtx = PTHREAD_MUTEX_INITIALIZER};

static void reply(const char *s) {
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(CT.fd, s, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return; // the test hung up: nobody reads the answers
        }
        s += w;
        n -= (size_t)w;
    }
}

// Applies every complete line received (ISR).
static void control_isr(void *arg) {
    (void)arg;
    pthread_mutex_lock(&CT.mtx);
    for (;;) {
        char *nl = memchr(CT.in, '\n', CT.in_len);
        if (!nl) {
            break;
        }
        char line[IN_CAP];
        size_t n = (size_t)(nl - CT.in);
        memcpy(line, CT.in, n);
        line[n] = 0;
        memmove(CT.in, nl + 1, CT.in_len - n - 1);
        CT.in_len -= n + 1;
        char err[160], out[200];
        uint64_t now = k_sim_now_ns();
        if (strlen(line) != n) {
            snprintf(out, sizeof out, "error: NUL byte in the line\n");
        } else if (board_sim_scenario_apply(line, err, sizeof err) != 0) {
            snprintf(out, sizeof out, "error: %s\n", err);
        } else {
            snprintf(out, sizeof out, "ok @%llu.%09llu\n", (unsigned long long)(now / 1000000000u),
                     (unsigned long long)(now % 1000000000u));
        }
        reply(out);
    }
    if (CT.in_len == sizeof CT.in) { // a line longer than the buffer: refuse it, keep going
        CT.in_len = 0;
        reply("error: line too long\n");
    }
    pthread_mutex_unlock(&CT.mtx);
}

static void *reader(void *arg) {
    (void)arg;
    for (;;) {
        char buf[1024];
        ssize_t n = read(CT.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return NULL; // the test hung up: the board goes on with what it has
        }
        for (size_t done = 0; done < (size_t)n;) {
            pthread_mutex_lock(&CT.mtx);
            size_t k = (size_t)n - done, room = sizeof CT.in - CT.in_len;
            if (k > room) {
                k = room;
            }
            memcpy(CT.in + CT.in_len, buf + done, k);
            CT.in_len += k;
            pthread_mutex_unlock(&CT.mtx);
            done += k;
            k_sim_irq_raise_async(&CT.irq);
            if (done < (size_t)n) {
                usleep(1000); // full: the interrupt drains it
            }
        }
    }
}

int board_sim_control_open(const char *path) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof a.sun_path) {
        fprintf(stderr, "rtpy: --control: socket path too long: '%s'\n", path);
        return -1;
    }
    strcpy(a.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        fprintf(stderr, "rtpy: --control: can't connect to '%s': %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    CT.fd = fd;
    k_sim_irq_init(&CT.irq, control_isr, NULL);
    k_sim_irq_set_name(&CT.irq, "control");
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&th, &attr, reader, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        fprintf(stderr, "rtpy: --control: can't start the reader\n");
        return -1;
    }
    return 0;
}
