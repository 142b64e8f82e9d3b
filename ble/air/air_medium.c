// ble/air/air_medium.c: rtpy-air, the simulated radio medium that rtpy processes join over a
// Unix socket (docs/air.md). Virtual time: conservative lock-step. Every device runs up to the
// common gate G and reports there; once all have, packets whose last bit has arrived by G are
// routed (range, loss, collisions), handed out, and a new gate is granted. Real time: packets
// are forwarded at once, stamped with the wall clock, without collision detection.
// Invariant (virtual): every device is at exactly G when a barrier completes, no packet in
// flight ends before G, and all packets starting before G are known (the proof: docs/air.md
// and next_gate below). Non-goals: more than MAX_DEV devices, other PHYs than LE 1M.
#define _GNU_SOURCE // accept4
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "ble/air/air_proto.h"

#define MAX_DEV 64
#define EXIT_DEADLOCK 3 // as the kernel's K_SIM_EXIT_DEADLOCK

struct dev {
    int fd;
    bool hello;    // joined (HELLO answered)
    bool reported; // at the gate, waiting for the barrier
    bool dead;     // to drop (socket closed or failed)
    uint32_t id;
    char name[AIR_NAME_MAX];
    double x, y;
    int8_t tx;
    uint64_t joined_at; // medium time of the join
    uint64_t want;      // medium time (valid while reported)
};

struct flight {
    struct air_pkt pkt; // t_start_ns in medium time
    uint64_t t_end;
    uint32_t sender, seq;
    char name[AIR_NAME_MAX];
    double x, y;
    int8_t tx;
    bool collided;
};

static struct {
    // options
    const char *path;
    bool realtime, exit_when_empty, pace;
    unsigned wait_n;
    double loss_pct, range_m;
    uint64_t seed;
    FILE *log;
    // state
    int lfd;
    struct dev dev[MAX_DEV];
    unsigned ndev; // joined
    uint32_t next_id;
    bool ever_joined;
    uint64_t gate; // virtual: the gate granted last (medium time)
    struct flight *fl;
    size_t nfl, capfl;
    struct timespec t0;
    uint64_t barriers, packets, deliveries;
    volatile sig_atomic_t quit;
} M = {.lfd = -1};

static void say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "rtpy-air: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static uint64_t wall_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)(ts.tv_sec - M.t0.tv_sec) * 1000000000u + (uint64_t)ts.tv_nsec -
           (uint64_t)M.t0.tv_nsec;
}

static uint64_t now_ns(void) {
    return M.realtime ? wall_ns() : M.gate;
}

// --- radio model --------------------------------------------------------------------------------

static double channel_mhz(unsigned ch) {
    if (ch == 37) return 2402;
    if (ch == 38) return 2426;
    if (ch == 39) return 2480;
    return ch <= 10 ? 2404 + 2.0 * ch : 2428 + 2.0 * (ch - 11);
}

static double distance(const struct flight *f, const struct dev *d) {
    return hypot(f->x - d->x, f->y - d->y);
}

// Free-space path loss: 20 log10(d / 1 m) + 20 log10(f / 1 MHz) - 27.55 dB (d at least 0.1 m).
static int8_t rssi(const struct flight *f, const struct dev *d) {
    double dist = distance(f, d);
    if (dist < 0.1) dist = 0.1;
    double r = f->tx - (20 * log10(dist) + 20 * log10(channel_mhz(f->pkt.channel)) - 27.55);
    if (r < -127) r = -127;
    if (r > 20) r = 20;
    return (int8_t)lround(r);
}

static uint64_t mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

static uint64_t hash_name(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

// Loss is drawn per (seed, sender, packet, receiver), not from a stream, so that the outcome
// does not depend on the order in which the medium happens to look at things.
static bool lost(const struct flight *f, const struct dev *d) {
    if (M.loss_pct <= 0) return false;
    uint64_t h =
        mix64(M.seed ^ mix64(hash_name(f->name) ^ mix64(f->seq ^ mix64(hash_name(d->name)))));
    return (double)(h % 1000000u) < M.loss_pct * 10000.0;
}

// --- messages
// -------------------------------------------------------------------------------------

static void dev_send(struct dev *d, const void *m, size_t len) {
    if (d->dead) return;
    if (send(d->fd, m, len, MSG_NOSIGNAL) != (ssize_t)len) d->dead = true;
}

static void log_packet(const struct flight *f) {
    if (!M.log) return;
    fprintf(M.log, "%llu %s ch=%u len=%u%s ", (unsigned long long)f->pkt.t_start_ns, f->name,
            f->pkt.channel, f->pkt.len, f->collided ? " collision" : "");
    for (unsigned i = 0; i < f->pkt.len; i++)
        fprintf(M.log, "%02x", f->pkt.pdu[i]);
    fputc('\n', M.log);
}

// Sends `f` to every device it reaches (not its sender, not one that joined after it started).
static unsigned route(const struct flight *f, uint64_t t_end) {
    unsigned n = 0;
    struct air_msg_rx m = {.type = AIR_MSG_RX,
                           .sender = f->sender,
                           .seq = f->seq,
                           .crc_ok = !f->collided,
                           .t_end_ns = t_end,
                           .pkt = f->pkt};
    memcpy(m.sender_name, f->name, AIR_NAME_MAX);
    for (unsigned i = 0; i < MAX_DEV; i++) {
        struct dev *d = &M.dev[i];
        if (!d->hello || d->dead || d->id == f->sender || d->joined_at > f->pkt.t_start_ns)
            continue;
        if (M.range_m > 0 && distance(f, d) > M.range_m) continue;
        if (lost(f, d)) continue;
        m.rssi_dbm = rssi(f, d);
        dev_send(d, &m, sizeof m);
        n++;
    }
    M.deliveries += n;
    return n;
}

static void add_flight(struct dev *d, const struct air_msg_pkt *m) {
    if (M.nfl == M.capfl) {
        M.capfl = M.capfl ? 2 * M.capfl : 256;
        M.fl = realloc(M.fl, M.capfl * sizeof *M.fl);
        if (!M.fl) {
            say("out of memory");
            exit(1);
        }
    }
    struct flight *f = &M.fl[M.nfl++];
    f->pkt = m->pkt;
    if (f->pkt.len > AIR_PDU_MAX) f->pkt.len = AIR_PDU_MAX;
    if (M.realtime) f->pkt.t_start_ns = wall_ns();
    f->t_end = f->pkt.t_start_ns + air_time_ns(f->pkt.len);
    f->sender = d->id;
    f->seq = m->seq;
    memcpy(f->name, d->name, AIR_NAME_MAX);
    f->x = d->x;
    f->y = d->y;
    f->tx = d->tx;
    f->collided = false;
    M.packets++;
    if (M.realtime) {
        // No lookahead in real time: forward at once, no collisions (docs/air.md).
        log_packet(f);
        route(f, f->t_end);
        M.nfl = 0;
        return;
    }
    // Two packets overlapping in time on one channel damage each other. Every packet that
    // could overlap this one is known by the time this one is delivered (proof in next_gate).
    for (size_t i = 0; i + 1 < M.nfl; i++) {
        struct flight *g = &M.fl[i];
        if (g->pkt.channel == f->pkt.channel && g->pkt.t_start_ns < f->t_end &&
            f->pkt.t_start_ns < g->t_end)
            g->collided = f->collided = true;
    }
}

// Delivery order: by end time, then sender name, then sender seq (all reproducible).
static int flight_cmp(const void *a, const void *b) {
    const struct flight *x = a, *y = b;
    if (x->t_end != y->t_end) return x->t_end < y->t_end ? -1 : 1;
    int c = strncmp(x->name, y->name, AIR_NAME_MAX);
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

#define PACE_AHEAD_NS 1000000u // --pace: how far virtual time may lead the wall clock
#define PACE_STEP_NS 100000u   // ... and the least a paced barrier moves it

// --- the barrier (virtual time)
// ----------------------------------------------------------------------
//
// Lock-step proof. Let G be the barrier's time: every device has reported at local time
// exactly G (the kernel's gate stops the clock there), so every packet whose start is before
// G has been received, and each device i reported W_i >= G, the earliest time it could next
// run code (next timeout, interrupt, or end of its CPU burst; UINT64_MAX if none).
//  1. Packets with t_end <= G are final: any packet sent from now on starts at >= G >= t_end,
//     so it cannot overlap them; their collision marks are complete. They are handed out now.
//     No in-flight packet ends before G (below, gates never pass an in-flight end), so each
//     is handed out at exactly t_end = G: the receiver is at G and takes it on time.
//  2. A device can only send while running code, so the next packet starts at
//     >= T = min(W_i, arrivals handed out now (= G)), and ends at >= T + D, where D is the
//     shortest air time (an empty PDU). Granting G' = min(T + D, ends of packets still in
//     flight) therefore lets every device run to G' without any arrival being due before G'
//     that it has not been given: what starts before G' ends at >= T + D >= G', so it is
//     reported at the next barrier (at G') at the latest, at or before its end. By induction
//     every packet is delivered at exactly its end time. G' > G: W_i >= G, D > 0 and
//     in-flight ends are > G.
//  3. If T = UINT64_MAX and nothing is in flight, no device will ever run again: a global
//     deadlock.

static void drop_dead(void);

static void next_gate(void) {
    uint64_t G = M.gate;
    M.barriers++;
    // 1. Deliver the final packets, in order, and forget them.
    if (M.nfl) qsort(M.fl, M.nfl, sizeof *M.fl, flight_cmp);
    size_t k = 0;
    bool handed = false;
    while (k < M.nfl && M.fl[k].t_end <= G) {
        log_packet(&M.fl[k]);
        if (route(&M.fl[k], M.fl[k].t_end)) handed = true;
        k++;
    }
    if (k) memmove(M.fl, M.fl + k, (M.nfl - k) * sizeof *M.fl);
    M.nfl -= k;
    // 2. The new gate.
    uint64_t t = handed ? G : UINT64_MAX;
    for (unsigned i = 0; i < MAX_DEV; i++)
        if (M.dev[i].hello && !M.dev[i].dead && M.dev[i].want < t) t = M.dev[i].want;
    uint64_t g = t > UINT64_MAX - AIR_LOOKAHEAD_NS ? UINT64_MAX : t + AIR_LOOKAHEAD_NS;
    for (size_t i = 0; i < M.nfl; i++)
        if (M.fl[i].t_end < g) g = M.fl[i].t_end;
    if (M.pace) {
        // --pace: virtual time never runs ahead of the wall clock by more than PACE_AHEAD, so
        // a board outside the lock-step (QEMU, through rtpy-ctrl) sees the others at its pace.
        // A smaller gate than the lock-step allows is always safe; and nobody is ever stuck
        // for good: the outside world may still act (no global deadlock).
        uint64_t w = wall_ns();
        if (w + PACE_AHEAD_NS < G + PACE_STEP_NS) {
            uint64_t ns = G + PACE_STEP_NS - PACE_AHEAD_NS - w;
            struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
            nanosleep(&ts, NULL);
            w = wall_ns();
        }
        if (g > w + PACE_AHEAD_NS) g = w + PACE_AHEAD_NS;
    }
    if (g == UINT64_MAX) {
        // 3. Global deadlock.
        say("global deadlock at %llu ns (virtual): all %u device(s) wait forever and nothing is "
            "on the air",
            (unsigned long long)G, M.ndev);
        struct air_msg_deadlock m = {.type = AIR_MSG_DEADLOCK, .at_ns = G};
        for (unsigned i = 0; i < MAX_DEV; i++)
            if (M.dev[i].hello) dev_send(&M.dev[i], &m, sizeof m);
        if (M.log) fclose(M.log);
        unlink(M.path);
        exit(EXIT_DEADLOCK);
    }
    M.gate = g;
    struct air_msg_grant m = {.type = AIR_MSG_GRANT, .gate_ns = g};
    for (unsigned i = 0; i < MAX_DEV; i++) {
        struct dev *d = &M.dev[i];
        if (!d->hello) continue;
        d->reported = false;
        dev_send(d, &m, sizeof m);
    }
    if (M.log) fflush(M.log);
}

static void check_barrier(void) {
    drop_dead();
    if (M.realtime || !M.ndev || M.ndev < M.wait_n) return;
    M.wait_n = 0; // --wait holds the first barrier only
    for (unsigned i = 0; i < MAX_DEV; i++)
        if (M.dev[i].hello && !M.dev[i].reported) return;
    next_gate();
    drop_dead(); // sends may have failed
}

// --- devices
// ---------------------------------------------------------------------------------------------

static void drop(struct dev *d, const char *why) {
    if (d->hello) {
        M.ndev--;
        say("- %s left (id %u, at %.6f s%s%s): %u device(s)", d->name, d->id, now_ns() / 1e9,
            why ? ", " : "", why ? why : "", M.ndev);
    }
    close(d->fd);
    memset(d, 0, sizeof *d);
    d->fd = -1;
}

static void drop_dead(void) {
    for (unsigned i = 0; i < MAX_DEV; i++)
        if (M.dev[i].fd >= 0 && M.dev[i].dead) drop(&M.dev[i], NULL);
}

static void on_hello(struct dev *d, const struct air_msg_hello *h) {
    struct air_msg_welcome w = {.type = AIR_MSG_WELCOME};
    if (h->version != AIR_PROTO_VERSION || (bool)h->realtime != M.realtime) {
        w.status = -EPROTO;
        say("refused a device: %s", h->version != AIR_PROTO_VERSION ? "protocol version"
                                    : M.realtime ? "it runs in virtual time, rtpy-air --time=real"
                                                 : "it runs in real time, rtpy-air --time=virtual");
        dev_send(d, &w, sizeof w);
        d->dead = true;
        return;
    }
    d->hello = true;
    d->id = ++M.next_id;
    memcpy(d->name, h->name, AIR_NAME_MAX);
    d->name[AIR_NAME_MAX - 1] = 0;
    d->x = h->x_m;
    d->y = h->y_m;
    d->tx = h->tx_dbm;
    // A late joiner's time 0 is the gate the others are running to: it cannot have sent
    // anything before it, and it reports at the same barrier as they do.
    d->joined_at = now_ns();
    w.id = d->id;
    w.now_ns = d->joined_at;
    M.ndev++;
    M.ever_joined = true;
    say("+ %s joined (id %u, at %.6f s, x=%g y=%g m, tx %d dBm): %u device(s)", d->name, d->id,
        d->joined_at / 1e9, d->x, d->y, d->tx, M.ndev);
    dev_send(d, &w, sizeof w);
}

// Reads every message waiting on d's socket.
static void on_readable(struct dev *d) {
    union air_msg m;
    for (;;) {
        ssize_t n = recv(d->fd, &m, sizeof m, MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            d->dead = true;
            return;
        }
        if (!d->hello) {
            if (m.type == AIR_MSG_HELLO && (size_t)n >= sizeof m.hello)
                on_hello(d, &m.hello);
            else
                d->dead = true;
            if (d->dead) return;
            continue;
        }
        if (m.type == AIR_MSG_PKT && (size_t)n >= sizeof m.pkt) {
            add_flight(d, &m.pkt);
        } else if (m.type == AIR_MSG_REPORT && (size_t)n >= sizeof m.report && !M.realtime) {
            d->reported = true;
            d->want = m.report.want_ns < M.gate ? M.gate : m.report.want_ns;
            return; // nothing follows until it is granted
        }
    }
}

// --- main
// ----------------------------------------------------------------------------------------------

static void on_signal(int sig) {
    M.quit = sig;
}

static int usage(void) {
    fprintf(stderr,
            "usage: rtpy-air SOCKET [--time=virtual|real] [--wait=N] [--loss=PERCENT] [--seed=N]\n"
            "                [--range=METRES] [--log=FILE] [--exit-when-empty] [--pace]\n");
    return 2;
}

static void accept_one(void) {
    int fd = accept4(M.lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) return;
    for (unsigned i = 0; i < MAX_DEV; i++) {
        if (M.dev[i].fd < 0) {
            memset(&M.dev[i], 0, sizeof M.dev[i]);
            M.dev[i].fd = fd;
            return;
        }
    }
    say("refused a device: already %d", MAX_DEV);
    close(fd);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--time=virtual"))
            M.realtime = false;
        else if (!strcmp(a, "--time=real"))
            M.realtime = true;
        else if (!strncmp(a, "--wait=", 7))
            M.wait_n = (unsigned)atoi(a + 7);
        else if (!strncmp(a, "--loss=", 7))
            M.loss_pct = atof(a + 7);
        else if (!strncmp(a, "--seed=", 7))
            M.seed = strtoull(a + 7, NULL, 0);
        else if (!strncmp(a, "--range=", 8))
            M.range_m = atof(a + 8);
        else if (!strncmp(a, "--log=", 6)) {
            M.log = fopen(a + 6, "w");
            if (!M.log) {
                say("%s: %s", a + 6, strerror(errno));
                return 1;
            }
        } else if (!strcmp(a, "--exit-when-empty"))
            M.exit_when_empty = true;
        else if (!strcmp(a, "--pace"))
            M.pace = true;
        else if (a[0] == '-' || M.path)
            return usage();
        else
            M.path = a;
    }
    if (!M.path || M.loss_pct < 0 || M.loss_pct > 100) return usage();
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(M.path) >= sizeof sa.sun_path) {
        say("socket path too long");
        return 2;
    }
    strcpy(sa.sun_path, M.path);
    for (unsigned i = 0; i < MAX_DEV; i++)
        M.dev[i].fd = -1;
    M.lfd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    unlink(M.path);
    if (M.lfd < 0 || bind(M.lfd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(M.lfd, 64) < 0) {
        say("%s: %s", M.path, strerror(errno));
        return 1;
    }
    struct sigaction act = {.sa_handler = on_signal}; // no SA_RESTART: poll returns EINTR
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    signal(SIGPIPE, SIG_IGN);
    clock_gettime(CLOCK_MONOTONIC, &M.t0);
    say("listening on %s (%s time%s)", M.path, M.realtime ? "real" : "virtual",
        M.wait_n ? ", waiting for devices" : "");
    int status = 0;
    while (!M.quit) {
        struct pollfd pfd[MAX_DEV + 1];
        struct dev *who[MAX_DEV + 1];
        nfds_t n = 0;
        pfd[n++] = (struct pollfd){.fd = M.lfd, .events = POLLIN};
        for (unsigned i = 0; i < MAX_DEV; i++) {
            if (M.dev[i].fd < 0) continue;
            who[n] = &M.dev[i];
            pfd[n++] = (struct pollfd){.fd = M.dev[i].fd, .events = POLLIN};
        }
        if (poll(pfd, n, -1) < 0) {
            if (errno == EINTR) continue;
            say("poll: %s", strerror(errno));
            status = 1;
            break;
        }
        if (pfd[0].revents) accept_one();
        for (nfds_t i = 1; i < n; i++)
            if (pfd[i].revents) on_readable(who[i]);
        check_barrier();
        if (M.exit_when_empty && M.ever_joined && !M.ndev) {
            say("the last device has left");
            break;
        }
    }
    if (M.quit) say("stopped by signal %d", (int)M.quit);
    say("%llu packets, %llu deliveries, %llu barriers, %.6f s %s", (unsigned long long)M.packets,
        (unsigned long long)M.deliveries, (unsigned long long)M.barriers, now_ns() / 1e9,
        M.realtime ? "(wall)" : "simulated");
    for (unsigned i = 0; i < MAX_DEV; i++)
        if (M.dev[i].fd >= 0) close(M.dev[i].fd);
    if (M.log) fclose(M.log);
    close(M.lfd);
    unlink(M.path);
    return status;
}
