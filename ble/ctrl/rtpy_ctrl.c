// ble/ctrl/rtpy_ctrl.c: rtpy-ctrl, the virtual controller as a host program: a Bluetooth LE
// "radio chip" for a board that is not the simulator, e.g. the firmware in QEMU. It speaks H4
// on a serial line (a Unix socket such as QEMU's `-serial unix:PATH,server=on`, or a pty) and
// joins rtpy-air with its radio, in real time (QEMU does not keep lock-step time with the
// medium). docs/ble.md, "The QEMU board".
//   rtpy-ctrl --h4=PATH --air=SOCKET[,name=NAME][,x=M][,y=M] [--btsnoop=FILE] [--time=virtual|real]
// In virtual time (the default) it is in lock-step with the other boards: run rtpy-air with
// --pace, so that the medium's time keeps to the wall clock, which the board's HCI traffic
// keeps to; its packets have the link layer's exact timing, only the HCI's latency is real.
// In real time (rtpy-air --time=real) packets cross with a socket's latency: scanning works,
// connections do not.
// PATH: an existing Unix socket is connected to, a tty or FIFO opened; a PATH that does not
// exist becomes a listening socket whose first connection is the line (QEMU's
// `-serial unix:PATH`, started after rtpy-ctrl: so no byte of the firmware's is lost, as a
// radio chip powers up with the MCU). It exits when the line closes or the medium goes away.
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

#include "ble/air_client.h"
#include "ble/btsnoop.h"
#include "ble/ctrl/ctrl.h"
#include "ble/h4.h"
#include "ble/hci.h"

static struct {
    int fd;
    struct ctrl ctrl;
    struct h4_reader reader;
    uint8_t reader_buf[1 + HCI_ACL_HDR + CTRL_ACL_LEN];
    pthread_mutex_t mtx;
    uint8_t in[4096];
    size_t in_len;
    bool closed;
    struct k_sim_irq in_irq;
    struct k_sem done; // given when the line closes
    FILE *snoop;
} R = {.mtx = PTHREAD_MUTEX_INITIALIZER};

static uint64_t unix_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void to_host(void *arg, const uint8_t *pkt, size_t n) {
    (void)arg;
    if (R.snoop) {
        (void)btsnoop_write(R.snoop, true, pkt, n, unix_us());
    }
    while (n) {
        ssize_t w = write(R.fd, pkt, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return; // the line is gone: the reader thread ends the program
        }
        pkt += w;
        n -= (size_t)w;
    }
}

static void radio_tx(void *arg, const struct air_pkt *p) {
    (void)arg;
    (void)air_send(p);
}

static void radio_rx(const struct air_rx *rx, void *arg) {
    (void)arg;
    ctrl_radio_rx(&R.ctrl, rx);
}

static void snoop_sent(const uint8_t *pkt, size_t n) {
    if (R.snoop) {
        (void)btsnoop_write(R.snoop, false, pkt, n, unix_us());
    }
}

// The bytes the reader thread got: through the H4 reader to the controller (an interrupt),
// taken at the medium's last gate rather than at this device's time when they came (it may be
// behind the gate, waiting at the barrier): the other devices may have run up to the gate
// already, and a packet the controller sends at once (the first advertising PDU after an
// enable) must not start in their past, where it would reach them late.
static void in_isr(void *arg) {
    (void)arg;
    uint64_t gate = air_gate_ns();
    if (k_sim_now_ns() < gate) {
        (void)k_sim_irq_at(&R.in_irq, gate);
        return;
    }
    pthread_mutex_lock(&R.mtx);
    ctrl_h4_input(&R.ctrl, &R.reader, R.in, R.in_len, snoop_sent);
    R.in_len = 0;
    bool closed = R.closed;
    pthread_mutex_unlock(&R.mtx);
    if (closed) {
        k_sem_give(&R.done);
    }
}

static void *reader(void *arg) {
    (void)arg;
    for (;;) {
        uint8_t buf[1024];
        ssize_t n = read(R.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        pthread_mutex_lock(&R.mtx);
        if (n <= 0) {
            R.closed = true;
        } else {
            size_t k = (size_t)n <= sizeof R.in - R.in_len ? (size_t)n : sizeof R.in - R.in_len;
            memcpy(R.in + R.in_len, buf, k);
            R.in_len += k;
        }
        pthread_mutex_unlock(&R.mtx);
        k_sim_irq_raise_async(&R.in_irq);
        if (n <= 0) {
            return NULL;
        }
    }
}

// A listening socket at path (which must not exist); -1 on failure.
static int listen_line(const char *path) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof a.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(a.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 1) != 0) {
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    return fd;
}

static int open_line(const char *path) {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        struct sockaddr_un a = {.sun_family = AF_UNIX};
        if (strlen(path) >= sizeof a.sun_path) {
            return -1;
        }
        strcpy(a.sun_path, path);
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    }
    int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    struct termios t;
    if (fd >= 0 && isatty(fd) && tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    return fd;
}

static void main_thread(void *arg) {
    (void)arg;
    (void)k_sem_take(&R.done, k_timeout_forever()); // the controller works in interrupts
    fprintf(stderr, "rtpy-ctrl: the H4 line closed\n");
    k_stop(0);
}

static int usage(void) {
    fprintf(stderr, "usage: rtpy-ctrl --h4=PATH --air=SOCKET[,name=NAME][,x=M][,y=M] [--btsnoop=FILE]\n"
                    "                 [--time=virtual|real]\n");
    return 2;
}

int main(int argc, char **argv) {
    const char *h4 = NULL, *air = NULL, *snoop = NULL;
    bool virtual_time = true;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "--h4=", 5)) {
            h4 = argv[i] + 5;
        } else if (!strncmp(argv[i], "--air=", 6)) {
            air = argv[i] + 6;
        } else if (!strncmp(argv[i], "--btsnoop=", 10)) {
            snoop = argv[i] + 10;
        } else if (!strcmp(argv[i], "--time=virtual") || !strcmp(argv[i], "--time=real")) {
            virtual_time = argv[i][7] == 'v';
        } else {
            return usage();
        }
    }
    if (!h4 || !air) {
        return usage();
    }
    struct air_spec spec = {.name = "qemu"};
    const char *bad = air_spec_parse(air, &spec);
    if (bad) {
        fprintf(stderr, "rtpy-ctrl: --air: %s\n", bad);
        return usage();
    }
    struct stat st;
    int lfd = -1;
    if (stat(h4, &st) != 0 && errno == ENOENT) {
        lfd = listen_line(h4); // accepted below, once the radio is on the air
        R.fd = lfd;
    } else {
        R.fd = open_line(h4);
    }
    if (R.fd < 0) {
        fprintf(stderr, "rtpy-ctrl: can't open the H4 line '%s': %s\n", h4, strerror(errno));
        return 1;
    }
    if (snoop && !(R.snoop = btsnoop_open(snoop))) {
        fprintf(stderr, "rtpy-ctrl: can't write '%s'\n", snoop);
        return 1;
    }
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.time_mode = virtual_time ? K_TIME_VIRTUAL : K_TIME_REAL;
    k_init(&cfg);
    struct ctrl_cfg cc = {.to_host = to_host, .radio_tx = radio_tx};
    ctrl_addr_from_name(spec.name, cc.addr); // as the simulated board's (boards/sim/ble.c)
    memcpy(&cc.seed, cc.addr, 4);
    ctrl_init(&R.ctrl, &cc);
    h4_reader_init(&R.reader, R.reader_buf, sizeof R.reader_buf, true, true, false);
    k_sim_irq_init(&R.in_irq, in_isr, NULL);
    struct air_device_cfg ac = {.x_m = spec.x_m, .y_m = spec.y_m, .tx_dbm = 0, .name = spec.name};
    int rc = air_join(spec.path, &ac);
    if (rc != 0) {
        fprintf(stderr, "rtpy-ctrl: can't join the air at '%s': %s\n", spec.path, strerror(-rc));
        if (lfd >= 0) {
            unlink(h4);
        }
        return 1;
    }
    air_set_receiver(radio_rx, NULL);
    if (lfd >= 0) {
        R.fd = accept(lfd, NULL, NULL);
        close(lfd);
        unlink(h4);
        if (R.fd < 0) {
            fprintf(stderr, "rtpy-ctrl: accept on '%s': %s\n", h4, strerror(errno));
            return 1;
        }
    }
    pthread_t th;
    pthread_create(&th, NULL, reader, NULL);
    pthread_detach(th);
    static struct k_thread main_t;
    size_t ss = K_STACK_SIZE(16384);
    void *stack = aligned_alloc(K_STACK_ALIGN, ss);
    k_sem_init(&R.done, 0, 1);
    k_thread_create(&main_t, stack, ss, main_thread, NULL, 1, "main");
    return k_start();
}
