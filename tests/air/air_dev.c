// tests/air/air_dev.c: a scripted test device for rtpy-air (tests/air/test_air.py): the kernel
// simulation and ble/air_client.c, no interpreter. It sends a packet every --every us from a
// simulated interrupt and logs every transmission and reception with its local time, so
// that a driver can check arrival times, loss, range, collisions and determinism.
//   air_dev [--sock=PATH] [--name=N] [--pos=X,Y] [--tx=DBM] [--every=US] [--first=US]
//           [--len=BYTES] [--ch=N] [--for=US] [--hang] [--busy=US] [--real]
// Without --sock it does not join (the kernel runs without a gate). --hang: after --for, stop
// sending and block forever (a deadlock). --busy: a worker thread charges US of CPU time per
// millisecond. Output lines: "join offset=NS", "tx t=NS seq=N", "rx t=NS from=NAME seq=N
// ch=N len=N rssi=DBM crc=0|1", "end t=NS overflows=N".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ble/air_client.h"
#include "rtos/kernel.h"
#include "rtos/sim.h"

static struct {
    const char *sock, *name;
    double x, y;
    int tx, ch, len;
    bool hang, real;
    uint64_t every, first, dur, busy; // ns
    uint32_t seq;
    struct k_sim_irq tx_irq, stop_irq;
    struct k_sem stop;
    struct k_thread main_th, busy_th;
} D = {.name = "dev", .ch = 37, .len = 30, .dur = 1000000000};

static _Alignas(64) char main_stack[256 * 1024], busy_stack[256 * 1024];

// Payload: name (8 bytes, NUL padded), seq (4, little endian), then zeros.
static void tx_isr(void *arg) {
    struct air_pkt p = {.access_address = 0x8E89BED6u, .crc_init = 0x555555u, .phy = 1};
    uint64_t t = k_sim_now_ns();
    p.t_start_ns = t;
    p.channel = (uint8_t)D.ch;
    p.len = (uint16_t)D.len;
    p.pdu[0] = 0x02; // ADV_NONCONN_IND
    p.pdu[1] = (uint8_t)(D.len - 2);
    uint8_t pl[12] = {0};
    strncpy((char *)pl, D.name, 8);
    for (int i = 0; i < 4; i++)
        pl[8 + i] = (uint8_t)(D.seq >> (8 * i));
    memcpy(p.pdu + 2, pl, D.len - 2 < 12 ? (size_t)(D.len - 2) : 12);
    printf("tx t=%llu seq=%u\n", (unsigned long long)t, D.seq);
    if (air_joined()) air_send(&p);
    D.seq++;
    if (t + D.every < D.dur) k_sim_irq_at(&D.tx_irq, t + D.every);
}

static void on_rx(const struct air_rx *rx, void *arg) {
    const struct air_pkt *p = rx->pkt;
    char name[9] = {0};
    uint32_t seq = 0;
    if (p->len >= 14) {
        memcpy(name, p->pdu + 2, 8);
        for (int i = 0; i < 4; i++)
            seq |= (uint32_t)p->pdu[10 + i] << (8 * i);
    }
    printf("rx t=%llu from=%s seq=%u ch=%u len=%u rssi=%d crc=%d\n",
           (unsigned long long)rx->t_end_ns, name, seq, p->channel, p->len, rx->rssi_dbm,
           rx->crc_ok);
}

static void stop_isr(void *arg) {
    k_sim_irq_cancel(&D.tx_irq);
    if (!D.hang) k_sem_give(&D.stop);
}

static void busy_main(void *arg) {
    for (;;) {
        k_sim_consume(D.busy);
        k_sleep_ms(1);
    }
}

static void dev_main(void *arg) {
    if (D.every) k_sim_irq_at(&D.tx_irq, D.first);
    k_sim_irq_at(&D.stop_irq, D.dur);
    k_sem_take(&D.stop, K_FOREVER);
    printf("end t=%llu overflows=%u\n", (unsigned long long)k_sim_now_ns(), air_rx_overflows());
    fflush(stdout);
    k_stop(0);
}

static uint64_t us(const char *s) {
    return strtoull(s, NULL, 0) * 1000u;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strncmp(a, "--sock=", 7))
            D.sock = a + 7;
        else if (!strncmp(a, "--name=", 7))
            D.name = a + 7;
        else if (!strncmp(a, "--pos=", 6))
            sscanf(a + 6, "%lf,%lf", &D.x, &D.y);
        else if (!strncmp(a, "--tx=", 5))
            D.tx = atoi(a + 5);
        else if (!strncmp(a, "--every=", 8))
            D.every = us(a + 8);
        else if (!strncmp(a, "--first=", 8))
            D.first = us(a + 8);
        else if (!strncmp(a, "--len=", 6))
            D.len = atoi(a + 6);
        else if (!strncmp(a, "--ch=", 5))
            D.ch = atoi(a + 5);
        else if (!strncmp(a, "--for=", 6))
            D.dur = us(a + 6);
        else if (!strncmp(a, "--busy=", 7))
            D.busy = us(a + 7);
        else if (!strcmp(a, "--hang"))
            D.hang = true;
        else if (!strcmp(a, "--real"))
            D.real = true;
        else {
            fprintf(stderr, "air_dev: unknown option %s\n", a);
            return 2;
        }
    }
    if (D.len < 2 || D.len > (int)AIR_PDU_MAX) D.len = 30;
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.time_mode = D.real ? K_TIME_REAL : K_TIME_VIRTUAL;
    k_init(&cfg);
    k_sem_init(&D.stop, 0, 1);
    k_sim_irq_init(&D.tx_irq, tx_isr, NULL);
    k_sim_irq_init(&D.stop_irq, stop_isr, NULL);
    if (D.sock) {
        struct air_device_cfg ac = {.x_m = D.x, .y_m = D.y, .tx_dbm = (int8_t)D.tx, .name = D.name};
        int err = air_join(D.sock, &ac);
        if (err) {
            fprintf(stderr, "air_dev: air_join %s: error %d\n", D.sock, err);
            return 1;
        }
        air_set_receiver(on_rx, NULL);
        printf("join offset=%llu\n", (unsigned long long)air_offset_ns());
    }
    k_thread_create(&D.main_th, main_stack, sizeof main_stack, dev_main, NULL, 10, "main");
    if (D.busy)
        k_thread_create(&D.busy_th, busy_stack, sizeof busy_stack, busy_main, NULL, 5, "busy");
    int rc = k_start();
    fflush(stdout);
    return rc;
}
