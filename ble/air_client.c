// ble/air_client.c: the device side of the simulated radio (ble/air_client.h, docs/air.md).
// Virtual time: the kernel's time gate calls gate() whenever this process wants to pass the
// gate the medium granted; gate() reports, then reads the barrier's arrivals and the new gate.
// Arrivals wait in a fixed pool sorted by (t_end, sender name, sender seq) and one simulated
// interrupt, scheduled at the earliest, delivers them. Real time: a host reader thread fills
// the pool in arrival order and raises the interrupt asynchronously.
// Invariant: the socket is read only by gate() (virtual) or by the reader thread (real).
// Non-goals: reconnecting; several media per process.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "ble/air/air_proto.h"
#include "ble/air_client.h"
#include "rtos/kernel.h"
#include "rtos/sim.h"

struct rx_slot {
    struct air_pkt pkt;
    uint64_t t_end; // local time (virtual mode)
    uint32_t seq;
    int8_t rssi;
    bool crc_ok;
    char sender[AIR_NAME_MAX];
};

static struct {
    int fd;
    bool joined, realtime;
    uint64_t offset; // medium time at local time 0
    uint64_t gate;   // local time the medium granted last (virtual time): no device is past it
    uint32_t seq;    // packets sent
    void (*fn)(const struct air_rx *rx, void *arg);
    void *arg;
    pthread_mutex_t mtx; // the pool, against the reader thread (real time)
    struct rx_slot slots[AIR_RX_POOL];
    struct rx_slot *queue[AIR_RX_POOL]; // pending, in delivery order
    struct rx_slot *free[AIR_RX_POOL];
    unsigned nqueue, nfree;
    uint32_t overflows;
    struct rx_slot cur; // the one being delivered (one handler runs at a time)
    struct k_sim_irq irq;
    pthread_t reader;
    union air_msg msg; // receive buffer of gate() / the reader
} C = {.fd = -1, .mtx = PTHREAD_MUTEX_INITIALIZER};

static _Noreturn void medium_lost(const char *what, int err) {
    fprintf(stderr, "air: lost the radio medium (%s: %s): rtpy-air has gone; exiting\n", what,
            err ? strerror(err) : "connection closed");
    fflush(NULL);
    _exit(AIR_EXIT_MEDIUM_LOST);
}

static void send_msg(const void *m, size_t len) {
    if (send(C.fd, m, len, MSG_NOSIGNAL) != (ssize_t)len) medium_lost("send", errno);
}

static size_t recv_msg(void) {
    ssize_t n;
    do
        n = recv(C.fd, &C.msg, sizeof C.msg, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0) medium_lost("receive", n < 0 ? errno : 0);
    return (size_t)n;
}

// Delivery order; ties (same end time: collisions, simultaneous senders) by name then seq, all
// of which are reproducible, unlike medium ids (join order).
static bool before(const struct rx_slot *a, const struct rx_slot *b) {
    if (a->t_end != b->t_end) return a->t_end < b->t_end;
    int c = strncmp(a->sender, b->sender, AIR_NAME_MAX);
    if (c) return c < 0;
    return a->seq < b->seq;
}

// Adds an arrival to the pool (sorted in virtual time, FIFO in real time). Caller holds mtx.
// Returns false on overflow.
static bool pool_add(const struct air_msg_rx *m) {
    if (!C.nfree) {
        C.overflows++;
        return false;
    }
    struct rx_slot *s = C.free[--C.nfree];
    s->pkt = m->pkt;
    s->t_end = m->t_end_ns >= C.offset ? m->t_end_ns - C.offset : 0;
    s->seq = m->seq;
    s->rssi = m->rssi_dbm;
    s->crc_ok = m->crc_ok;
    memcpy(s->sender, m->sender_name, AIR_NAME_MAX);
    s->sender[AIR_NAME_MAX - 1] = 0;
    unsigned i = C.nqueue;
    if (!C.realtime)
        while (i > 0 && before(s, C.queue[i - 1])) {
            C.queue[i] = C.queue[i - 1];
            i--;
        }
    C.queue[i] = s;
    C.nqueue++;
    return true;
}

// The arrival interrupt: delivers every pending arrival that is due, in order, then re-arms
// itself for the next one (virtual time).
static void rx_isr(void *arg) {
    for (;;) {
        pthread_mutex_lock(&C.mtx);
        if (!C.nqueue || (!C.realtime && C.queue[0]->t_end > k_sim_now_ns())) break;
        struct rx_slot *s = C.queue[0];
        memmove(&C.queue[0], &C.queue[1], --C.nqueue * sizeof C.queue[0]);
        C.cur = *s;
        C.free[C.nfree++] = s;
        pthread_mutex_unlock(&C.mtx);
        if (C.fn) {
            struct air_rx rx = {.pkt = &C.cur.pkt,
                                .t_end_ns = C.realtime ? k_sim_now_ns() : C.cur.t_end,
                                .rssi_dbm = C.cur.rssi,
                                .crc_ok = C.cur.crc_ok};
            C.fn(&rx, C.arg);
        }
    }
    if (C.nqueue && !C.realtime) k_sim_irq_at(&C.irq, C.queue[0]->t_end);
    pthread_mutex_unlock(&C.mtx);
}

static void print_line(const char *line, void *arg) {
    fprintf(stderr, "  %s\n", line);
}

// The time gate (virtual time): called by the kernel at the gate with what this device wants
// next. Reports, takes the barrier's arrivals, returns the new gate (all in local time).
static uint64_t gate(uint64_t now_ns, uint64_t want_ns, void *arg) {
    struct air_msg_report r = {.type = AIR_MSG_REPORT,
                               .want_ns = want_ns == UINT64_MAX ? UINT64_MAX : want_ns + C.offset};
    send_msg(&r, sizeof r);
    bool any = false;
    for (;;) {
        recv_msg();
        switch (C.msg.type) {
        case AIR_MSG_RX: any |= pool_add(&C.msg.rx); break;
        case AIR_MSG_GRANT:
            if (any) k_sim_irq_at(&C.irq, C.queue[0]->t_end);
            C.gate = C.msg.grant.gate_ns > C.offset ? C.msg.grant.gate_ns - C.offset : now_ns;
            return C.gate;
        case AIR_MSG_DEADLOCK:
            fprintf(stderr,
                    "air: global deadlock at %llu ns (medium time): every device waits "
                    "forever and nothing is on the air\n",
                    (unsigned long long)C.msg.deadlock.at_ns);
            k_sim_report_threads(print_line, NULL);
            fflush(NULL);
            exit(K_SIM_EXIT_DEADLOCK);
        default: break;
        }
    }
}

// Real time: the socket's reader, a host thread outside the kernel.
static void *reader(void *arg) {
    for (;;) {
        recv_msg();
        if (C.msg.type != AIR_MSG_RX) continue;
        pthread_mutex_lock(&C.mtx);
        bool ok = pool_add(&C.msg.rx);
        pthread_mutex_unlock(&C.mtx);
        if (ok) k_sim_irq_raise_async(&C.irq);
    }
    return NULL;
}

int air_join(const char *socket_path, const struct air_device_cfg *cfg) {
    if (C.joined) return -EALREADY;
    if (!socket_path || !cfg || strlen(socket_path) >= sizeof(((struct sockaddr_un *)0)->sun_path))
        return -EINVAL;
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, socket_path);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    C.fd = fd;
    C.realtime = !k_sim_is_virtual();
    struct air_msg_hello h = {.type = AIR_MSG_HELLO,
                              .version = AIR_PROTO_VERSION,
                              .x_m = cfg->x_m,
                              .y_m = cfg->y_m,
                              .tx_dbm = cfg->tx_dbm,
                              .realtime = C.realtime};
    snprintf(h.name, sizeof h.name, "%s", cfg->name ? cfg->name : "device");
    uint64_t now = k_sim_now_ns();
    if (send(fd, &h, sizeof h, MSG_NOSIGNAL) != (ssize_t)sizeof h) goto lost;
    ssize_t n = recv(fd, &C.msg, sizeof C.msg, 0);
    if (n < (ssize_t)sizeof C.msg.welcome || C.msg.type != AIR_MSG_WELCOME) goto lost;
    if (C.msg.welcome.status) {
        close(fd);
        C.fd = -1;
        return C.msg.welcome.status;
    }
    // Our time `now` is the medium's now_ns: times on the wire are the medium's.
    C.offset = C.msg.welcome.now_ns - now;
    C.nfree = C.nqueue = 0;
    for (unsigned i = 0; i < AIR_RX_POOL; i++)
        C.free[C.nfree++] = &C.slots[AIR_RX_POOL - 1 - i];
    k_sim_irq_init(&C.irq, rx_isr, NULL);
    if (C.realtime) {
        if (pthread_create(&C.reader, NULL, reader, NULL)) {
            close(fd);
            C.fd = -1;
            return -EAGAIN;
        }
    } else {
        k_sim_set_gate(gate, NULL);
    }
    C.joined = true;
    return 0;
lost:
    close(fd);
    C.fd = -1;
    return -ECONNRESET;
}

int air_send(const struct air_pkt *p) {
    if (!C.joined) return -ENOTCONN;
    if (!p || p->channel >= AIR_CHANNELS || p->len > AIR_PDU_MAX) return -EINVAL;
    struct air_msg_pkt m = {.type = AIR_MSG_PKT, .pkt = *p};
    unsigned key = k_irq_lock(); // seq and the socket write, against other contexts
    m.seq = C.seq++;
    uint64_t now = k_sim_now_ns();
    if (m.pkt.t_start_ns < now) m.pkt.t_start_ns = now;
    m.pkt.t_start_ns += C.offset;
    send_msg(&m, sizeof m);
    k_irq_unlock(key);
    return 0;
}

void air_set_receiver(void (*fn)(const struct air_rx *rx, void *arg), void *arg) {
    unsigned key = k_irq_lock();
    C.fn = fn;
    C.arg = arg;
    k_irq_unlock(key);
}

bool air_joined(void) {
    return C.joined;
}

uint64_t air_offset_ns(void) {
    return C.joined ? C.offset : 0;
}

uint64_t air_gate_ns(void) {
    return C.gate;
}

uint32_t air_rx_overflows(void) {
    return C.overflows;
}

const char *air_spec_parse(const char *spec, struct air_spec *out) {
    size_t n = strcspn(spec, ",");
    if (n == 0 || n >= sizeof out->path) {
        return "the socket's path is missing or too long";
    }
    memcpy(out->path, spec, n);
    out->path[n] = 0;
    out->x_m = out->y_m = 0;
    for (const char *item = spec + n; *item == ',';) {
        item++;
        size_t len = strcspn(item, ",");
        char *end;
        if (strncmp(item, "name=", 5) == 0 && len > 5 && len - 5 < sizeof out->name) {
            memcpy(out->name, item + 5, len - 5);
            out->name[len - 5] = 0;
        } else if (strncmp(item, "x=", 2) == 0 && (out->x_m = strtod(item + 2, &end), end == item + len)) {
        } else if (strncmp(item, "y=", 2) == 0 && (out->y_m = strtod(item + 2, &end), end == item + len)) {
        } else {
            return "a bad item (name=NAME, x=METRES, y=METRES)";
        }
        item += len;
    }
    return NULL;
}
