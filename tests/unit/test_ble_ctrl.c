// tests/unit/test_ble_ctrl.c: the virtual controller (ble/ctrl) as two hosts see it: two
// controllers in one process on an in-memory air, in the kernel's virtual time. Each test
// drives the controllers with HCI commands from a kernel thread and checks the events, the
// data and the link-layer timing they produce.
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdlib.h>
#include <string.h>

#include "ble/btsnoop.h"
#include "ble/ctrl/ctrl.h"
#include "ble/h4.h"
#include "ble/hci.h"
#include "tests/unit/ble_defer.h"
#include "tests/unit/check.h"

// ---- an air for two devices: every packet reaches the other one at its end time -------------
struct dev {
    struct ctrl ctrl;
    uint8_t log[64][64]; // the last events and data the host got (truncated)
    uint16_t log_len[64];
    unsigned n_log;
    uint8_t rx_data[4096]; // L2CAP bytes reassembled from ACL data
    size_t rx_len;
    unsigned acl_packets, completed;
    uint64_t tx_times[256]; // start times of this device's packets
    uint8_t tx_chan[256];
    unsigned n_tx;
    uint8_t watch;         // a byte whose runs on the data channels are counted (0: none)
    unsigned watch_runs;   // data-channel PDUs with 8 of them in a row: plaintext on the air
};

static struct dev devs[2];
static FILE *snoop; // device 1's HCI traffic, as its host sees it (argv[1])

static void snoop_write(bool received, const uint8_t *pkt, size_t n) {
    if (snoop) {
        CHECK(btsnoop_write(snoop, received, pkt, n, 946684800000000ull + k_sim_now_ns() / 1000u) == 0);
    }
}
static bool mute[2]; // a device whose packets reach nobody (it "vanished")

static void deliver(void *ctx, const void *data, size_t n) {
    const struct air_pkt *p = data;
    struct air_rx rx = {p, p->t_start_ns + air_time_ns(p->len), -40, true};
    (void)n;
    ctrl_radio_rx(ctx, &rx);
}

static void radio_tx(void *arg, const struct air_pkt *p) {
    struct dev *from = arg;
    int me = (int)(from - devs);
    if (from->n_tx < 256) {
        from->tx_times[from->n_tx] = p->t_start_ns;
        from->tx_chan[from->n_tx++] = p->channel;
    }
    if (from->watch && p->channel < 37) {
        for (unsigned i = 2, run = 0; i < p->len; i++) {
            run = p->pdu[i] == from->watch ? run + 1 : 0;
            if (run == 8) {
                from->watch_runs++;
                break;
            }
        }
    }
    if (!mute[me]) {
        defer_at(p->t_start_ns + air_time_ns(p->len), deliver, &devs[1 - me].ctrl, p, sizeof *p);
    }
}

static void to_host(void *arg, const uint8_t *pkt, size_t n) {
    struct dev *d = arg;
    if (d == &devs[1]) {
        snoop_write(true, pkt, n);
    }
    if (pkt[0] == HCI_H4_ACL) {
        uint16_t len = hci_get16(pkt + 3);
        CHECK(len + 5u == n);
        if (d->rx_len + len <= sizeof d->rx_data) {
            memcpy(d->rx_data + d->rx_len, pkt + 5, len);
            d->rx_len += len;
        }
        d->acl_packets++;
        return;
    }
    if (pkt[1] == HCI_EV_NUM_COMPLETED) {
        d->completed += hci_get16(pkt + 6);
    }
    unsigned i = d->n_log % 64;
    size_t k = n < 64 ? n : 64;
    memcpy(d->log[i], pkt, k);
    d->log_len[i] = (uint16_t)k;
    d->n_log++;
}

// The last event with this code (and LE subevent, if sub) in the device's log; NULL if none.
static const uint8_t *find_event(const struct dev *d, uint8_t code, uint8_t sub) {
    unsigned first = d->n_log > 64 ? d->n_log - 64 : 0;
    for (unsigned k = d->n_log; k-- > first;) {
        const uint8_t *e = d->log[k % 64];
        if (e[0] == HCI_H4_EVT && e[1] == code && (!sub || e[3] == sub)) {
            return e;
        }
    }
    return NULL;
}

static unsigned count_events(const struct dev *d, uint8_t code, uint8_t sub) {
    unsigned n = 0, first = d->n_log > 64 ? d->n_log - 64 : 0;
    for (unsigned k = first; k < d->n_log; k++) {
        const uint8_t *e = d->log[k % 64];
        n += e[0] == HCI_H4_EVT && e[1] == code && (!sub || e[3] == sub);
    }
    return n;
}

static void host_send(int dev, const uint8_t *pkt, size_t n) {
    if (dev == 1) {
        snoop_write(false, pkt, n);
    }
    ctrl_from_host(&devs[dev].ctrl, pkt, n);
}

static void cmd(int dev, uint16_t op, const uint8_t *p, uint8_t n) {
    uint8_t pkt[4 + 255] = {HCI_H4_CMD, (uint8_t)op, (uint8_t)(op >> 8), n};
    if (n) {
        memcpy(pkt + 4, p, n);
    }
    host_send(dev, pkt, 4u + n);
}

// The status of the last Command Complete / Command Status for op (-1 if none).
static int status_of(int dev, uint16_t op) {
    const struct dev *d = &devs[dev];
    unsigned first = d->n_log > 64 ? d->n_log - 64 : 0;
    for (unsigned k = d->n_log; k-- > first;) {
        const uint8_t *e = d->log[k % 64];
        if (e[1] == HCI_EV_CMD_COMPLETE && hci_get16(e + 4) == op) {
            return e[6];
        }
        if (e[1] == HCI_EV_CMD_STATUS && hci_get16(e + 5) == op) {
            return e[3];
        }
    }
    return -1;
}

static const uint8_t ADDR[2][6] = {{0x01, 0x00, 0x00, 0x00, 0xAA, 0xC0}, {0x02, 0x00, 0x00, 0x00, 0xBB, 0xC0}};
static const uint8_t LE_MASK_ALL[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

static void setup_dev(int i) {
    memset(&devs[i], 0, sizeof devs[i]);
    struct ctrl_cfg cfg = {.seed = 1234u + (uint32_t)i, .to_host = to_host, .radio_tx = radio_tx, .arg = &devs[i]};
    memcpy(cfg.addr, ADDR[i], 6);
    ctrl_init(&devs[i].ctrl, &cfg);
    cmd(i, HCI_SET_EVENT_MASK, LE_MASK_ALL, 8);
    cmd(i, HCI_LE_SET_EVENT_MASK, LE_MASK_ALL, 8);
}

static void (*test_body)(void);
static struct k_thread main_thread;
static void thread_main(void *arg) {
    (void)arg;
    test_body();
    k_stop(0);
}

static void run(void (*body)(void)) {
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.time_mode = K_TIME_VIRTUAL;
    k_init(&cfg);
    defer_reset();
    mute[0] = mute[1] = false;
    setup_dev(0);
    setup_dev(1);
    test_body = body;
    size_t ss = K_STACK_SIZE(64 * 1024);
    void *stack = aligned_alloc(K_STACK_ALIGN, ss);
    k_thread_create(&main_thread, stack, ss, thread_main, NULL, 5, "test");
    k_start();
    free(stack);
}

// ---- scenarios -----------------------------------------------------------------------------
static void advertise(int dev, uint8_t type, const char *data, const char *rsp) {
    uint8_t p[15] = {0};
    hci_put16(p, 0x00A0); // 100 ms
    hci_put16(p + 2, 0x00A0);
    p[4] = type;
    p[13] = 7;
    cmd(dev, HCI_LE_SET_ADV_PARAMS, p, 15);
    uint8_t d[32] = {(uint8_t)strlen(data)};
    memcpy(d + 1, data, strlen(data));
    cmd(dev, HCI_LE_SET_ADV_DATA, d, 32);
    uint8_t r[32] = {(uint8_t)strlen(rsp)};
    memcpy(r + 1, rsp, strlen(rsp));
    cmd(dev, HCI_LE_SET_SCAN_RSP_DATA, r, 32);
    uint8_t on = 1;
    cmd(dev, HCI_LE_SET_ADV_ENABLE, &on, 1);
    CHECK(status_of(dev, HCI_LE_SET_ADV_ENABLE) == 0);
}

static void scan(int dev, bool active) {
    uint8_t p[7] = {active};
    hci_put16(p + 1, 0x0010); // 10 ms interval, 10 ms window: always listening
    hci_put16(p + 3, 0x0010);
    cmd(dev, HCI_LE_SET_SCAN_PARAMS, p, 7);
    uint8_t e[2] = {1, 0};
    cmd(dev, HCI_LE_SET_SCAN_ENABLE, e, 2);
    CHECK(status_of(dev, HCI_LE_SET_SCAN_ENABLE) == 0);
}

static void connect(int central, int peripheral, uint16_t interval) {
    uint8_t p[25] = {0};
    hci_put16(p, 0x0010);
    hci_put16(p + 2, 0x0010);
    p[5] = 0; // public
    memcpy(p + 6, ADDR[peripheral], 6);
    hci_put16(p + 13, interval);
    hci_put16(p + 15, interval);
    hci_put16(p + 19, 100); // 1 s supervision timeout
    cmd(central, HCI_LE_CREATE_CONN, p, 25);
    CHECK(status_of(central, HCI_LE_CREATE_CONN) == 0);
}

static void body_info(void) {
    cmd(0, HCI_READ_BD_ADDR, NULL, 0);
    const uint8_t *e = find_event(&devs[0], HCI_EV_CMD_COMPLETE, 0);
    CHECK(e && hci_get16(e + 4) == HCI_READ_BD_ADDR && e[6] == 0 && !memcmp(e + 7, ADDR[0], 6));
    cmd(0, HCI_LE_READ_BUFFER_SIZE, NULL, 0);
    e = find_event(&devs[0], HCI_EV_CMD_COMPLETE, 0);
    CHECK(e && hci_get16(e + 7) == CTRL_ACL_LEN && e[9] == CTRL_ACL_BUFS);
    cmd(0, 0xFC00, NULL, 0); // vendor: unknown
    CHECK(status_of(0, 0xFC00) == HCI_ERR_UNKNOWN_CMD);
    uint8_t bad[3] = {1, 2, 3};
    cmd(0, HCI_LE_SET_ADV_ENABLE, bad, 3);
    CHECK(status_of(0, HCI_LE_SET_ADV_ENABLE) == HCI_ERR_INVALID_PARAMS);
    uint8_t pkt[4] = {HCI_H4_CMD, 0x03, 0x0C, 5}; // a length beyond the packet
    ctrl_from_host(&devs[0].ctrl, pkt, 4);
    CHECK(status_of(0, HCI_RESET) == HCI_ERR_INVALID_PARAMS);
}

static void body_adv_scan(void) {
    advertise(0, HCI_ADV_IND, "\x02\x01\x06\x05\x09rtpy", "\x04\xFFxyz");
    scan(1, true);
    k_sleep_ms(500);
    const uint8_t *rep = NULL, *rsp = NULL;
    for (unsigned k = 0; k < devs[1].n_log && k < 64; k++) {
        const uint8_t *e = devs[1].log[k];
        if (e[1] == HCI_EV_LE_META && e[3] == HCI_LE_EV_ADV_REPORT) {
            if (e[5] == HCI_ADV_IND && !rep) {
                rep = e;
            }
            if (e[5] == HCI_ADV_SCAN_RSP && !rsp) {
                rsp = e;
            }
        }
    }
    CHECK(rep && !memcmp(rep + 7, ADDR[0], 6) && rep[13] == 9 && !memcmp(rep + 14, "\x02\x01\x06\x05\x09rtpy", 9));
    CHECK(rep && (int8_t)rep[14 + 9] == -40);
    CHECK(rsp && !memcmp(rsp + 7, ADDR[0], 6) && rsp[13] == 5 && !memcmp(rsp + 14, "\x04\xFFxyz", 5));
    // advertising events every 100 ms + 0-10 ms, three channels 1.5 ms apart
    unsigned adv = 0;
    for (unsigned i = 0; i + 2 < devs[0].n_tx; i++) {
        if (devs[0].tx_chan[i] == 37 && (i == 0 || devs[0].tx_times[i] - devs[0].tx_times[i - 1] > 90000000u)) {
            adv++; // an event's first PDU: 100-110 ms after the last event's
        }
    }
    CHECK_MSG(adv >= 4 && adv <= 5, "%u advertising events in 500 ms", adv);
    // each scan request (on the channel of the PDU it answers) gets its response T_IFS later
    unsigned reqs = 0;
    for (unsigned i = 0; i < devs[1].n_tx; i++) {
        for (unsigned j = 0; j < devs[0].n_tx; j++) {
            if (devs[0].tx_times[j] == devs[1].tx_times[i] + air_time_ns(14) + 150000u) {
                CHECK(devs[0].tx_chan[j] == devs[1].tx_chan[i]);
                reqs++;
            }
        }
    }
    CHECK_MSG(reqs == devs[1].n_tx && reqs >= 4, "%u of %u requests answered", reqs, devs[1].n_tx);
}

static void body_connect_data(void) {
    advertise(0, HCI_ADV_IND, "", "");
    k_sleep_ms(5);
    connect(1, 0, 24); // 30 ms
    k_sleep_ms(300);
    const uint8_t *c0 = find_event(&devs[0], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE);
    const uint8_t *c1 = find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE);
    CHECK(c0 && c0[4] == 0 && c0[7] == 1 && !memcmp(c0 + 9, ADDR[1], 6) && hci_get16(c0 + 15) == 24);
    CHECK(c1 && c1[4] == 0 && c1[7] == 0 && !memcmp(c1 + 9, ADDR[0], 6));
    CHECK(!devs[0].ctrl.adv_on); // a connection ends advertising
    if (!c0 || !c1) {
        return;
    }
    uint16_t h1 = hci_get16(c1 + 5), h0 = hci_get16(c0 + 5);
    // 100 bytes from the central: LL PDUs of 27 bytes, reassembled by the peripheral's host
    uint8_t acl[5 + 100] = {HCI_H4_ACL};
    hci_put16(acl + 1, h1);
    hci_put16(acl + 3, 100);
    for (int i = 0; i < 100; i++) {
        acl[5 + i] = (uint8_t)i;
    }
    host_send(1, acl, sizeof acl);
    k_sleep_ms(200);
    CHECK(devs[0].rx_len == 100 && devs[0].rx_data[99] == 99);
    CHECK_MSG(devs[0].acl_packets == 4, "%u fragments", devs[0].acl_packets);
    CHECK(devs[1].completed == 1);
    // and back, after the data length update: one PDU
    uint8_t dl[6];
    hci_put16(dl, h0);
    hci_put16(dl + 2, 251);
    hci_put16(dl + 4, 2120);
    cmd(0, HCI_LE_SET_DATA_LENGTH, dl, 6);
    k_sleep_ms(200);
    CHECK(find_event(&devs[0], HCI_EV_LE_META, HCI_LE_EV_DATA_LEN_CHANGE));
    CHECK(find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_DATA_LEN_CHANGE));
    uint8_t big[5 + 200] = {HCI_H4_ACL};
    hci_put16(big + 1, h0);
    hci_put16(big + 3, 200);
    memset(big + 5, 0x5A, 200);
    devs[0].watch = 0x5A;
    host_send(0, big, sizeof big);
    k_sleep_ms(100);
    CHECK(devs[1].rx_len == 200 && devs[1].acl_packets == 1 && devs[0].completed == 1);
    CHECK(devs[0].watch_runs == 1); // unencrypted: the data is on the air as it is
    // connection events every 30 ms: the central's packets that start events (after a gap)
    unsigned events = 0;
    uint64_t anchor0 = 0;
    for (unsigned i = 2; i < devs[1].n_tx; i++) { // [0] is the CONNECT_IND, [1] the first anchor
        uint64_t dt = devs[1].tx_times[i] - devs[1].tx_times[i - 1];
        anchor0 = anchor0 ? anchor0 : devs[1].tx_times[1];
        if (dt > 5000000u) {
            uint64_t since = devs[1].tx_times[i] - anchor0;
            CHECK_MSG(since % 30000000u == 0, "anchor at %llu ns from the first", (unsigned long long)since);
            events++;
        }
    }
    CHECK(events > 10);
    // connection update to 50 ms
    uint8_t up[14] = {0};
    hci_put16(up, h1);
    hci_put16(up + 2, 40);
    hci_put16(up + 4, 40);
    hci_put16(up + 8, 200);
    cmd(1, HCI_LE_CONN_UPDATE, up, 14);
    CHECK(status_of(1, HCI_LE_CONN_UPDATE) == 0);
    k_sleep_ms(400);
    const uint8_t *u0 = find_event(&devs[0], HCI_EV_LE_META, HCI_LE_EV_CONN_UPDATE_COMPLETE);
    const uint8_t *u1 = find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_UPDATE_COMPLETE);
    CHECK(u0 && hci_get16(u0 + 7) == 40 && u1 && hci_get16(u1 + 7) == 40);
    unsigned n = devs[1].n_tx;
    CHECK(n >= 2 && devs[1].tx_times[n - 1] - devs[1].tx_times[n - 2] == 50000000u);
    // the peripheral cannot start an update itself (it asks over L2CAP)
    hci_put16(up, h0);
    cmd(0, HCI_LE_CONN_UPDATE, up, 14);
    CHECK(status_of(0, HCI_LE_CONN_UPDATE) == HCI_ERR_CMD_DISALLOWED);
    // disconnect: both hosts told, with their reasons
    uint8_t dc[3];
    hci_put16(dc, h1);
    dc[2] = HCI_ERR_REMOTE_USER_TERM;
    cmd(1, HCI_DISCONNECT, dc, 3);
    CHECK(status_of(1, HCI_DISCONNECT) == 0);
    k_sleep_ms(300);
    const uint8_t *d0 = find_event(&devs[0], HCI_EV_DISCONN_COMPLETE, 0);
    const uint8_t *d1 = find_event(&devs[1], HCI_EV_DISCONN_COMPLETE, 0);
    CHECK(d0 && d0[3] == 0 && hci_get16(d0 + 4) == h0 && d0[6] == HCI_ERR_REMOTE_USER_TERM);
    CHECK(d1 && d1[3] == 0 && hci_get16(d1 + 4) == h1 && d1[6] == HCI_ERR_LOCAL_HOST_TERM);
    cmd(1, HCI_DISCONNECT, dc, 3);
    CHECK(status_of(1, HCI_DISCONNECT) == HCI_ERR_UNKNOWN_CONN);
}

static void body_supervision(void) {
    advertise(0, HCI_ADV_IND, "", "");
    k_sleep_ms(5);
    connect(1, 0, 24);
    k_sleep_ms(200);
    CHECK(find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE));
    uint64_t t0 = k_sim_now_ns();
    mute[0] = true; // the peripheral's transmitter goes silent
    k_sleep_ms(990);
    CHECK(!find_event(&devs[1], HCI_EV_DISCONN_COMPLETE, 0)); // the timeout is 1 s
    k_sleep_ms(60);
    const uint8_t *d1 = find_event(&devs[1], HCI_EV_DISCONN_COMPLETE, 0);
    CHECK(d1 && d1[6] == HCI_ERR_CONN_TIMEOUT);
    // the peripheral still hears the central until then, and times out 1 s after that
    CHECK(!find_event(&devs[0], HCI_EV_DISCONN_COMPLETE, 0));
    k_sleep_ms(1100);
    const uint8_t *d0 = find_event(&devs[0], HCI_EV_DISCONN_COMPLETE, 0);
    CHECK(d0 && d0[6] == HCI_ERR_CONN_TIMEOUT);
    (void)t0;
}

// Connects 1 (central) to 0, starts encryption with `ltk` on the central and answers the
// peripheral's LTK request with `reply` (NULL: a negative reply). Returns the handles.
static void encrypt(const uint8_t *ltk, const uint8_t *reply, uint16_t *h0, uint16_t *h1) {
    advertise(0, HCI_ADV_IND, "", "");
    k_sleep_ms(5);
    connect(1, 0, 24);
    k_sleep_ms(200);
    const uint8_t *c0 = find_event(&devs[0], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE);
    const uint8_t *c1 = find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE);
    CHECK(c0 && c1);
    *h0 = c0 ? hci_get16(c0 + 5) : 0;
    *h1 = c1 ? hci_get16(c1 + 5) : 0;
    uint8_t se[28];
    hci_put16(se, *h1);
    memset(se + 2, 0, 10); // Rand, EDIV: 0 for LE Secure Connections keys
    memcpy(se + 12, ltk, 16);
    cmd(1, HCI_LE_START_ENCRYPTION, se, 28);
    CHECK(status_of(1, HCI_LE_START_ENCRYPTION) == 0);
    k_sleep_ms(100);
    const uint8_t *req = find_event(&devs[0], HCI_EV_LE_META, HCI_LE_EV_LTK_REQUEST);
    CHECK(req && hci_get16(req + 4) == *h0);
    uint8_t rep[18];
    hci_put16(rep, *h0);
    if (reply) {
        memcpy(rep + 2, reply, 16);
        cmd(0, HCI_LE_LTK_REPLY, rep, 18);
        CHECK(status_of(0, HCI_LE_LTK_REPLY) == 0);
    } else {
        cmd(0, HCI_LE_LTK_NEG_REPLY, rep, 2);
        CHECK(status_of(0, HCI_LE_LTK_NEG_REPLY) == 0);
    }
    k_sleep_ms(200);
}

static void body_encryption(void) {
    static const uint8_t ltk[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    uint16_t h0, h1;
    encrypt(ltk, ltk, &h0, &h1);
    const uint8_t *e0 = find_event(&devs[0], HCI_EV_ENCRYPT_CHANGE, 0), *e1 = find_event(&devs[1], HCI_EV_ENCRYPT_CHANGE, 0);
    CHECK(e0 && e0[3] == 0 && hci_get16(e0 + 4) == h0 && e0[6] == 1);
    CHECK(e1 && e1[3] == 0 && hci_get16(e1 + 4) == h1 && e1[6] == 1);
    // data both ways, encrypted on the air: no run of the plaintext there (wrong_key shows
    // the keys matter)
    devs[0].watch = 'Q';
    devs[1].watch = 'P';
    uint8_t acl[5 + 60] = {HCI_H4_ACL};
    hci_put16(acl + 1, h1);
    hci_put16(acl + 3, 60);
    memset(acl + 5, 'P', 60);
    host_send(1, acl, sizeof acl);
    hci_put16(acl + 1, h0);
    memset(acl + 5, 'Q', 60);
    host_send(0, acl, sizeof acl);
    k_sleep_ms(300);
    CHECK(devs[0].rx_len == 60 && devs[0].rx_data[0] == 'P' && devs[0].rx_data[59] == 'P');
    CHECK(devs[1].rx_len == 60 && devs[1].rx_data[0] == 'Q');
    CHECK(devs[0].watch_runs == 0 && devs[1].watch_runs == 0);
    CHECK(devs[1].completed == 1 && devs[0].completed == 1);
    // the termination is encrypted too
    uint8_t dc[3] = {(uint8_t)h1, (uint8_t)(h1 >> 8), HCI_ERR_REMOTE_USER_TERM};
    cmd(1, HCI_DISCONNECT, dc, 3);
    k_sleep_ms(300);
    const uint8_t *d0 = find_event(&devs[0], HCI_EV_DISCONN_COMPLETE, 0);
    CHECK(d0 && d0[6] == HCI_ERR_REMOTE_USER_TERM);
}

// A wrong key on one side: the first encrypted packet fails its MIC and the link drops.
static void body_wrong_key(void) {
    static const uint8_t ltk[16] = {1}, other[16] = {2};
    uint16_t h0, h1;
    encrypt(ltk, other, &h0, &h1);
    const uint8_t *d0 = find_event(&devs[0], HCI_EV_DISCONN_COMPLETE, 0);
    CHECK(d0 && d0[6] == HCI_ERR_MIC_FAILURE);
    CHECK(!find_event(&devs[0], HCI_EV_ENCRYPT_CHANGE, 0) || find_event(&devs[0], HCI_EV_ENCRYPT_CHANGE, 0)[3] != 0);
}

static void body_no_key(void) {
    static const uint8_t ltk[16] = {1};
    uint16_t h0, h1;
    encrypt(ltk, NULL, &h0, &h1);
    const uint8_t *e1 = find_event(&devs[1], HCI_EV_ENCRYPT_CHANGE, 0);
    CHECK(e1 && e1[3] == HCI_ERR_PIN_OR_KEY_MISSING && e1[6] == 0);
    CHECK(!find_event(&devs[1], HCI_EV_DISCONN_COMPLETE, 0)); // the link stays, unencrypted
    // LE Encrypt: FIPS-197's example in HCI's little-endian order
    static const uint8_t key_be[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                       0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};
    static const uint8_t pt_be[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                      0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    static const uint8_t ct_be[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                      0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
    uint8_t p[32];
    for (int i = 0; i < 16; i++) {
        p[i] = key_be[15 - i];
        p[16 + i] = pt_be[15 - i];
    }
    cmd(0, HCI_LE_ENCRYPT, p, 32);
    const uint8_t *e = find_event(&devs[0], HCI_EV_CMD_COMPLETE, 0);
    bool same = e && e[6] == 0;
    for (int i = 0; i < 16 && same; i++) {
        same = e[7 + i] == ct_be[15 - i];
    }
    CHECK(same);
}

static void body_no_peer(void) {
    connect(1, 0, 24); // nobody advertises: initiating goes on until cancelled
    k_sleep_ms(200);
    CHECK(!find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE));
    cmd(1, HCI_LE_CREATE_CONN_CANCEL, NULL, 0);
    CHECK(status_of(1, HCI_LE_CREATE_CONN_CANCEL) == 0);
    const uint8_t *c = find_event(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE);
    CHECK(c && c[4] == HCI_ERR_UNKNOWN_CONN);
    CHECK(count_events(&devs[1], HCI_EV_LE_META, HCI_LE_EV_CONN_COMPLETE) == 1);
}

// ---- the H4 reader --------------------------------------------------------------------------
static void h4(void) {
    uint8_t buf[3 + 255];
    struct h4_reader r;
    h4_reader_init(&r, buf, sizeof buf, false, true, true);
    static const uint8_t stream[] = {
        0x04, 0x0E, 0x04, 0x01, 0x03, 0x0C, 0x00,       // Command Complete (Reset)
        0x04, 0x10, 0x00,                               // an event with no parameters
        0x02, 0x01, 0x20, 0x03, 0x00, 'a', 'b', 'c',    // ACL, 3 bytes
    };
    static const uint16_t lens[] = {7, 3, 8};
    for (size_t chunk = 1; chunk <= sizeof stream; chunk++) { // every way of cutting it
        size_t off = 0;
        unsigned got = 0;
        while (off < sizeof stream) {
            size_t n = sizeof stream - off < chunk ? sizeof stream - off : chunk, used;
            enum h4_status st = h4_feed(&r, stream + off, n, &used);
            CHECK(st >= 0 && used <= n);
            off += used;
            if (st == H4_PACKET) {
                uint16_t len;
                const uint8_t *p = h4_packet(&r, &len);
                CHECK(got < 3 && len == lens[got]);
                CHECK(got != 2 || !memcmp(p + 5, "abc", 3));
                got++;
            } else {
                CHECK(used == n);
            }
        }
        CHECK_MSG(got == 3, "chunk %zu: %u packets", chunk, got);
    }
    size_t used;
    static const uint8_t cmd_pkt[] = {0x01, 0x03, 0x0C, 0x00}; // a command: not for a host
    CHECK(h4_feed(&r, cmd_pkt, 4, &used) == H4_BAD_TYPE && used == 0);
    CHECK(h4_feed(&r, stream, 7, &used) == H4_BAD_TYPE); // sticky until reset
    h4_reader_reset(&r);
    uint8_t small[3 + 20];
    h4_reader_init(&r, small, sizeof small, false, true, true);
    static const uint8_t big[] = {0x02, 0x01, 0x20, 0xFF, 0x00}; // 255 bytes of ACL: too long
    CHECK(h4_feed(&r, big, 5, &used) == H4_TOO_LONG);
    h4_reader_reset(&r);
    CHECK(h4_feed(&r, stream, 7, &used) == H4_PACKET && used == 7);
}

#define T(name)                            \
    static void name(void) { run(body_##name); }
T(info)
T(adv_scan)
T(connect_data)
T(supervision)
T(no_peer)
T(encryption)
T(wrong_key)
T(no_key)

int main(int argc, char **argv) {
    if (argc > 1 && !(snoop = btsnoop_open(argv[1]))) {
        perror(argv[1]);
        return 2;
    }
    static const check_test tests[] = {
        {"h4", h4}, {"info", info}, {"adv_scan", adv_scan}, {"connect_data", connect_data},
        {"supervision", supervision}, {"no_peer", no_peer}, {"encryption", encryption},
        {"wrong_key", wrong_key}, {"no_key", no_key},
    };
    int rc = check_run("ble_ctrl", tests, sizeof tests / sizeof tests[0]);
    if (snoop) {
        fclose(snoop);
    }
    return rc;
}
