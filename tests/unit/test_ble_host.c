// tests/unit/test_ble_host.c: the host stack's core (ble/host: HCI, connections, L2CAP) over
// the virtual controller (ble/ctrl): two devices in one process, each a host and a controller
// joined by a 1 Mbaud H4 wire, the controllers on an in-memory air, in virtual time.
#include <errno.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdlib.h>
#include <string.h>

#include "ble/ctrl/ctrl.h"
#include "ble/hci.h"
#include "ble/host/host.h"
#include "ble/host/smp.h"
#include "ble/gatt_client.h"
#include "ble/gatt_server.h"
#include "tests/unit/ble_defer.h"
#include "tests/unit/check.h"

struct dev {
    struct ctrl ctrl;
    struct ble_host host;
    bool ready;
    uint8_t ready_status;
    unsigned connected, disconnected, updated, reports, tx_done;
    uint16_t conn;
    uint8_t reason, update_status;
    uint8_t last_adv[31], last_adv_len;
    uint8_t rx[4][BLE_HOST_L2CAP_MAX]; // the last L2CAP messages received
    uint16_t rx_len[4], rx_cid[4];
    unsigned n_rx;
    bool mute;
    uint64_t wire_busy[2]; // the H4 wire, each way: free from this time (bytes go in order)
    struct ble_smp smp;
    bool use_smp;
    uint32_t rng;
    struct ble_smp_bond bond; // one bond kept (a port keeps them on the file system)
    bool has_bond;
    unsigned smp_rx, smp_done, bonds_stored;
    unsigned smp_status;
    bool smp_encrypted, smp_bonded;
    // GATT: device 0 serves, device 1 is the client
    bool use_gatt;
    struct gatts gatts;
    struct gattc gattc;
    uint8_t pool[1024];
    unsigned svc_results, chr_results, done_events, writes, notifies, mtu_events;
    int last_status;
    uint16_t found_value_handle, mtu;
    uint8_t read_buf[512];
    uint16_t read_len;
    size_t notified_bytes;
};
static struct dev devs[2];

// When a packet of n bytes sent now on a wire (1 Mbaud: 10 us a byte) has arrived.
static uint64_t wire_arrival(uint64_t *busy, size_t n) {
    uint64_t now = k_sim_now_ns();
    *busy = (*busy > now ? *busy : now) + 10000u * n;
    return *busy;
}

static void to_ctrl(void *ctx, const void *d, size_t n) {
    ctrl_from_host(ctx, d, n);
}
static void to_host_deliver(void *ctx, const void *d, size_t n) {
    ble_host_rx(ctx, d, n);
}
static void host_send(void *arg, const uint8_t *pkt, size_t n) {
    struct dev *d = arg;
    defer_at(wire_arrival(&d->wire_busy[0], n), to_ctrl, &d->ctrl, pkt, n);
}
static void ctrl_to_host(void *arg, const uint8_t *pkt, size_t n) {
    struct dev *d = arg;
    defer_at(wire_arrival(&d->wire_busy[1], n), to_host_deliver, &d->host, pkt, n);
}
static void air_deliver(void *ctx, const void *data, size_t n) {
    const struct air_pkt *p = data;
    struct air_rx rx = {p, p->t_start_ns + air_time_ns(p->len), -50, true};
    (void)n;
    ctrl_radio_rx(ctx, &rx);
}
static void radio_tx(void *arg, const struct air_pkt *p) {
    struct dev *d = arg;
    if (!d->mute) {
        defer_at(p->t_start_ns + air_time_ns(p->len), air_deliver, &devs[d == devs ? 1 : 0].ctrl, p, sizeof *p);
    }
}

static struct dev *dev_of(struct ble_host *h) {
    return h == &devs[0].host ? &devs[0] : &devs[1];
}

static void on_event(struct ble_host *h, const struct ble_host_event *ev) {
    struct dev *d = dev_of(h);
    if (d->use_smp) {
        ble_smp_host_event(&d->smp, ev);
    }
    switch (ev->type) {
    case BLE_HOST_EV_READY:
        d->ready = true;
        d->ready_status = ev->status;
        break;
    case BLE_HOST_EV_CONNECTED:
        if (!ev->status) {
            d->connected++;
            d->conn = ev->conn;
            gatts_conn_add(&d->gatts, ev->conn, GATTS_SEC_NONE);
            gattc_conn_add(&d->gattc, ev->conn);
        }
        break;
    case BLE_HOST_EV_DISCONNECTED:
        d->disconnected++;
        d->reason = ev->reason;
        gatts_conn_remove(&d->gatts, ev->conn);
        gattc_conn_remove(&d->gattc, ev->conn);
        break;
    case BLE_HOST_EV_CONN_UPDATED:
        d->updated++;
        d->update_status = ev->status;
        break;
    case BLE_HOST_EV_ADV_REPORT:
        d->reports++;
        d->last_adv_len = ev->adv->data_len;
        memcpy(d->last_adv, ev->adv->data, ev->adv->data_len);
        break;
    case BLE_HOST_EV_TX_DONE: d->tx_done++; break;
    default: break;
    }
}

static void on_l2cap(struct ble_host *h, uint16_t conn, uint16_t cid, const uint8_t *data, uint16_t n) {
    struct dev *d = dev_of(h);
    if (cid == BLE_L2CAP_CID_ATT && d->use_gatt && n) {
        if (att_op_for_server(data[0])) {
            att_server_rx(&d->gatts, conn, data, n);
        } else {
            gattc_rx(&d->gattc, conn, data, n);
        }
        return;
    }
    if (cid == BLE_L2CAP_CID_SMP && d->use_smp) {
        d->smp_rx++;
        ble_smp_rx(&d->smp, conn, data, n);
        return;
    }
    unsigned i = d->n_rx++ % 4;
    (void)conn;
    memcpy(d->rx[i], data, n);
    d->rx_len[i] = n;
    d->rx_cid[i] = cid;
}

// ---- the Security Manager's port side: random bytes, one bond, the result ------------------------
static void smp_rand(void *arg, uint8_t *buf, size_t n) {
    struct dev *d = arg;
    for (size_t i = 0; i < n; i++) {
        d->rng ^= d->rng << 13;
        d->rng ^= d->rng >> 17;
        d->rng ^= d->rng << 5;
        buf[i] = (uint8_t)d->rng;
    }
}
static bool smp_bond_load(void *arg, uint8_t type, const uint8_t peer[6], struct ble_smp_bond *out) {
    struct dev *d = arg;
    if (d->has_bond && d->bond.peer_type == type && !memcmp(d->bond.peer_addr, peer, 6)) {
        *out = d->bond;
        return true;
    }
    return false;
}
static void smp_bond_store(void *arg, const struct ble_smp_bond *b) {
    struct dev *d = arg;
    d->bond = *b;
    d->has_bond = true;
    d->bonds_stored++;
}
static void smp_done(void *arg, uint16_t conn, unsigned status, bool encrypted, bool bonded) {
    struct dev *d = arg;
    (void)conn;
    d->smp_done++;
    d->smp_status = status;
    d->smp_encrypted = encrypted;
    d->smp_bonded = bonded;
}

// ---- GATT on the stack: PDUs out through L2CAP, events counted --------------------------------
static int att_send(void *ctx, uint16_t conn, const uint8_t *pdu, uint16_t len) {
    struct dev *d = ctx;
    return ble_l2cap_send(&d->host, conn, BLE_L2CAP_CID_ATT, pdu, len);
}
static int gatts_ev(void *ctx, const struct gatts_event *ev) {
    struct dev *d = ctx;
    if (ev->type == GATTS_EV_WRITE) {
        d->writes++;
    } else if (ev->type == GATTS_EV_MTU) {
        d->mtu = ev->mtu;
        gattc_conn_set_mtu(&d->gattc, ev->conn, ev->mtu);
    }
    return 0;
}
static void gattc_ev(void *ctx, const struct gattc_event *ev) {
    struct dev *d = ctx;
    switch (ev->type) {
    case GATTC_EV_SERVICE_RESULT: d->svc_results++; break;
    case GATTC_EV_CHARACTERISTIC_RESULT:
        d->chr_results++;
        d->found_value_handle = ev->value_handle;
        break;
    case GATTC_EV_READ_RESULT:
        memcpy(d->read_buf, ev->data, ev->len);
        d->read_len = ev->len;
        break;
    case GATTC_EV_NOTIFY:
        d->notifies++;
        d->notified_bytes += ev->len;
        break;
    case GATTC_EV_MTU:
        d->mtu_events++;
        d->mtu = ev->mtu;
        gatts_conn_set_mtu(&d->gatts, ev->conn, ev->mtu);
        d->done_events++;
        d->last_status = ev->status;
        break;
    case GATTC_EV_SERVICE_DONE:
    case GATTC_EV_CHARACTERISTIC_DONE:
    case GATTC_EV_DESCRIPTOR_DONE:
    case GATTC_EV_READ_DONE:
    case GATTC_EV_WRITE_DONE:
        d->done_events++;
        d->last_status = ev->status;
        break;
    default: break;
    }
}

static const uint8_t ADDR[2][6] = {{0x11, 0, 0, 0, 0xAA, 0xC0}, {0x22, 0, 0, 0, 0xBB, 0xC0}};

static void (*body)(void);
static void thread_main(void *arg) {
    (void)arg;
    k_sleep_ms(20); // bring-up
    CHECK(devs[0].ready && devs[1].ready && !devs[0].ready_status);
    CHECK(!memcmp(devs[0].host.addr, ADDR[0], 6) && devs[0].host.acl_len == CTRL_ACL_LEN);
    body();
    k_stop(0);
}

static void run(void (*b)(void)) {
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.time_mode = K_TIME_VIRTUAL;
    k_init(&cfg);
    defer_reset();
    memset(devs, 0, sizeof devs);
    for (int i = 0; i < 2; i++) {
        struct ctrl_cfg cc = {.seed = 77u + (uint32_t)i, .to_host = ctrl_to_host, .radio_tx = radio_tx, .arg = &devs[i]};
        memcpy(cc.addr, ADDR[i], 6);
        ctrl_init(&devs[i].ctrl, &cc);
        struct ble_host_cfg hc = {.send = host_send, .event = on_event, .l2cap_rx = on_l2cap, .arg = &devs[i]};
        ble_host_init(&devs[i].host, &hc);
        struct ble_smp_cfg sc = {.rand = smp_rand, .bond_load = smp_bond_load, .bond_store = smp_bond_store,
                                 .done = smp_done, .bonding = true, .arg = &devs[i]};
        ble_smp_init(&devs[i].smp, &devs[i].host, &sc);
        devs[i].use_smp = true;
        devs[i].rng = 0x1234567u * (uint32_t)(i + 1);
        gatts_init(&devs[i].gatts, devs[i].pool, sizeof devs[i].pool, att_send, gatts_ev, &devs[i]);
        gattc_init(&devs[i].gattc, att_send, gattc_ev, &devs[i]);
    }
    body = b;
    static struct k_thread t;
    size_t ss = K_STACK_SIZE(64 * 1024);
    void *stack = aligned_alloc(K_STACK_ALIGN, ss);
    k_thread_create(&t, stack, ss, thread_main, NULL, 5, "test");
    k_start();
    free(stack);
}

static void connect_pair(void) {
    unsigned before0 = devs[0].connected, before1 = devs[1].connected;
    uint8_t ap[15] = {0xA0, 0, 0xA0, 0, HCI_ADV_IND, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0};
    CHECK(ble_host_cmd(&devs[0].host, HCI_LE_SET_ADV_PARAMS, ap, 15, NULL, NULL) == 0);
    uint8_t ad[32] = {6, 5, 0x09, 'r', 't', 'p', 'y'}; // a Complete Local Name
    CHECK(ble_host_cmd(&devs[0].host, HCI_LE_SET_ADV_DATA, ad, 32, NULL, NULL) == 0);
    uint8_t on = 1;
    CHECK(ble_host_cmd(&devs[0].host, HCI_LE_SET_ADV_ENABLE, &on, 1, NULL, NULL) == 0);
    uint8_t sp[7] = {0, 0x10, 0, 0x10, 0, 0, 0};
    ble_host_cmd(&devs[1].host, HCI_LE_SET_SCAN_PARAMS, sp, 7, NULL, NULL);
    uint8_t se[2] = {1, 0};
    ble_host_cmd(&devs[1].host, HCI_LE_SET_SCAN_ENABLE, se, 2, NULL, NULL);
    k_sleep_ms(300);
    CHECK(devs[1].reports >= 2 && devs[1].last_adv_len == 6 && !memcmp(devs[1].last_adv + 2, "rtpy", 4));
    se[0] = 0;
    ble_host_cmd(&devs[1].host, HCI_LE_SET_SCAN_ENABLE, se, 2, NULL, NULL);
    uint8_t cc[25] = {0x10, 0, 0x10, 0, 0, 0};
    memcpy(cc + 6, ADDR[0], 6);
    hci_put16(cc + 13, 24);
    hci_put16(cc + 15, 24);
    hci_put16(cc + 19, 100);
    ble_host_cmd(&devs[1].host, HCI_LE_CREATE_CONN, cc, 25, NULL, NULL);
    k_sleep_ms(300);
    CHECK(devs[0].connected == before0 + 1 && devs[1].connected == before1 + 1);
    struct ble_conn *c0 = ble_host_conn(&devs[0].host, devs[0].conn), *c1 = ble_host_conn(&devs[1].host, devs[1].conn);
    CHECK(c0 && !c0->central && !memcmp(c0->peer_addr, ADDR[1], 6) && c0->interval == 24);
    CHECK(c1 && c1->central && !memcmp(c1->peer_addr, ADDR[0], 6));
}

static void body_l2cap(void) {
    connect_pair();
    // a full-size message each way: several LL fragments reassembled by the other host
    uint8_t msg[BLE_HOST_L2CAP_MAX];
    for (unsigned i = 0; i < sizeof msg; i++) {
        msg[i] = (uint8_t)(i * 7);
    }
    CHECK(ble_l2cap_send(&devs[1].host, devs[1].conn, BLE_L2CAP_CID_ATT, msg, sizeof msg) == 0);
    CHECK(ble_l2cap_send(&devs[0].host, devs[0].conn, BLE_L2CAP_CID_ATT, msg, 10) == 0);
    k_sleep_ms(500);
    CHECK(devs[0].n_rx == 1 && devs[0].rx_len[0] == sizeof msg && devs[0].rx_cid[0] == BLE_L2CAP_CID_ATT &&
          !memcmp(devs[0].rx[0], msg, sizeof msg));
    CHECK(devs[1].n_rx == 1 && devs[1].rx_len[0] == 10 && devs[1].rx_cid[0] == BLE_L2CAP_CID_ATT);
    CHECK(devs[1].host.acl_free == CTRL_ACL_BUFS && devs[0].host.acl_free == CTRL_ACL_BUFS); // all completed
    // more messages than buffers: -ENOBUFS, then room again after TX_DONE
    int rc = 0;
    unsigned sent = 0;
    while ((rc = ble_l2cap_send(&devs[1].host, devs[1].conn, BLE_L2CAP_CID_ATT, msg, 100)) == 0) {
        sent++;
    }
    CHECK(rc == -ENOBUFS && sent == BLE_HOST_TX_SDUS + CTRL_ACL_BUFS);
    k_sleep_ms(1000);
    CHECK_MSG(devs[0].n_rx == 1 + sent, "%u messages arrived of %u", devs[0].n_rx - 1, sent);
    CHECK(devs[1].tx_done > 0);
    CHECK(ble_l2cap_send(&devs[1].host, devs[1].conn, BLE_L2CAP_CID_ATT, msg, BLE_HOST_L2CAP_MAX + 1) == -EMSGSIZE);
    CHECK(ble_l2cap_send(&devs[1].host, 0x0EFF, BLE_L2CAP_CID_ATT, msg, 1) == -ENOTCONN);
    CHECK(devs[0].host.dropped_rx == 0 && devs[1].host.dropped_rx == 0);
}

static void body_param_update(void) {
    connect_pair();
    // the peripheral asks over L2CAP; the central's host accepts and updates the link
    CHECK(ble_l2cap_conn_param_update(&devs[1].host, devs[1].conn, 40, 40, 0, 200) == -EINVAL); // central
    CHECK(ble_l2cap_conn_param_update(&devs[0].host, devs[0].conn, 40, 30, 0, 200) == -EINVAL); // min > max
    CHECK(ble_l2cap_conn_param_update(&devs[0].host, devs[0].conn, 40, 40, 0, 200) == 0);
    CHECK(ble_l2cap_conn_param_update(&devs[0].host, devs[0].conn, 40, 40, 0, 200) == -EBUSY);
    k_sleep_ms(600);
    CHECK(devs[0].updated == 1 && devs[0].update_status == 0 && devs[1].updated == 1);
    CHECK(ble_host_conn(&devs[0].host, devs[0].conn)->interval == 40);
    CHECK(ble_host_conn(&devs[1].host, devs[1].conn)->interval == 40);
    // parameters the central cannot take (min > max, sent raw past the API's own check) are
    // refused with result 1, which the peripheral reports as 0x3B
    uint8_t req[12] = {0x12, 0x42, 8, 0, 40, 0, 30, 0, 0, 0, 200, 0};
    ble_host_conn(&devs[0].host, devs[0].conn)->upd_id = 0x42;
    CHECK(ble_l2cap_send(&devs[0].host, devs[0].conn, BLE_L2CAP_CID_SIG, req, sizeof req) == 0);
    k_sleep_ms(200);
    CHECK(devs[0].updated == 2 && devs[0].update_status == HCI_ERR_UNACCEPTABLE_CONN_PARAMS);
    CHECK(devs[1].updated == 1);
    // a disconnect from the central reaches both hosts
    uint8_t dc[3] = {(uint8_t)devs[1].conn, (uint8_t)(devs[1].conn >> 8), HCI_ERR_REMOTE_USER_TERM};
    ble_host_cmd(&devs[1].host, HCI_DISCONNECT, dc, 3, NULL, NULL);
    k_sleep_ms(300);
    CHECK(devs[0].disconnected == 1 && devs[0].reason == HCI_ERR_REMOTE_USER_TERM);
    CHECK(devs[1].disconnected == 1 && devs[1].reason == HCI_ERR_LOCAL_HOST_TERM);
    CHECK(!ble_host_conn(&devs[0].host, devs[0].conn) && !ble_host_conn(&devs[1].host, devs[1].conn));
}

static void body_malformed(void) {
    connect_pair();
    struct ble_host *h = &devs[0].host;
    uint16_t c = devs[0].conn;
    uint32_t before = h->dropped_rx;
    unsigned rx = devs[0].n_rx;
    static const uint8_t bad[][12] = {
        {HCI_H4_EVT, 0x0E, 0x09, 0x01},          // a length beyond the packet
        {HCI_H4_ACL, 0x00, 0x20, 0x02, 0x00, 1}, // ACL data length beyond the packet
        {0x07, 1, 2, 3},                         // no such packet type
    };
    static const size_t lens[] = {4, 6, 4};
    for (unsigned i = 0; i < 3; i++) {
        ble_host_rx(h, bad[i], lens[i]);
    }
    CHECK(h->dropped_rx == before + 3);
    uint8_t acl[5 + 8] = {HCI_H4_ACL, (uint8_t)c, (uint8_t)((c >> 8) | 0x10), 8, 0}; // continuation of nothing
    ble_host_rx(h, acl, sizeof acl);
    uint8_t big[5 + 4] = {HCI_H4_ACL, (uint8_t)c, (uint8_t)((c >> 8) | 0x20), 4, 0, 0xFF, 0xFF, 4, 0}; // 65535 bytes
    ble_host_rx(h, big, sizeof big);
    uint8_t more[5 + 8] = {HCI_H4_ACL, (uint8_t)c, (uint8_t)((c >> 8) | 0x10), 8, 0}; // ... its continuation
    ble_host_rx(h, more, sizeof more);
    uint8_t over[5 + 8] = {HCI_H4_ACL, (uint8_t)c, (uint8_t)((c >> 8) | 0x20), 8, 0, 2, 0, 4, 0, 'a', 'b', 'c', 'd'};
    ble_host_rx(h, over, sizeof over); // says 2 bytes, brings 4
    CHECK(devs[0].n_rx == rx);
    uint8_t good[5 + 6] = {HCI_H4_ACL, (uint8_t)c, (uint8_t)((c >> 8) | 0x20), 6, 0, 2, 0, 4, 0, 'o', 'k'};
    ble_host_rx(h, good, sizeof good);
    CHECK(devs[0].n_rx == rx + 1 && devs[0].rx_len[rx % 4] == 2 && !memcmp(devs[0].rx[rx % 4], "ok", 2));
}

static void disconnect_pair(void) {
    uint8_t dc[3] = {(uint8_t)devs[1].conn, (uint8_t)(devs[1].conn >> 8), HCI_ERR_REMOTE_USER_TERM};
    ble_host_cmd(&devs[1].host, HCI_DISCONNECT, dc, 3, NULL, NULL);
    k_sleep_ms(300);
    CHECK(devs[0].disconnected && devs[1].disconnected);
}

static void body_pairing(void) {
    connect_pair();
    CHECK(ble_smp_pair(&devs[0].smp, devs[0].conn) == -EINVAL); // the peripheral asks, it does not start
    CHECK(ble_smp_pair(&devs[1].smp, devs[1].conn) == 0);
    CHECK(ble_smp_pair(&devs[1].smp, devs[1].conn) == -EBUSY);
    k_sleep_ms(1000);
    for (int i = 0; i < 2; i++) {
        CHECK_MSG(devs[i].smp_done == 1 && devs[i].smp_status == 0 && devs[i].smp_encrypted && devs[i].smp_bonded,
                  "dev %d: done %u status 0x%x", i, devs[i].smp_done, devs[i].smp_status);
        CHECK(devs[i].has_bond && !memcmp(devs[i].bond.peer_addr, ADDR[1 - i], 6));
    }
    CHECK(!memcmp(devs[0].bond.ltk, devs[1].bond.ltk, 16)); // one key, derived on both sides
    CHECK(memcmp(devs[0].bond.ltk, (const uint8_t[16]){0}, 16));
    unsigned rx0 = devs[0].smp_rx;
    CHECK(rx0 == 4); // Pairing Request, Public Key, Random, DHKey Check
    // data over the encrypted link
    CHECK(ble_l2cap_send(&devs[1].host, devs[1].conn, BLE_L2CAP_CID_ATT, "secret", 6) == 0);
    k_sleep_ms(200);
    CHECK(devs[0].n_rx == 1 && devs[0].rx_len[0] == 6 && !memcmp(devs[0].rx[0], "secret", 6));
    // reconnection: the bond's key encrypts the link without pairing again
    disconnect_pair();
    connect_pair();
    CHECK(ble_smp_pair(&devs[1].smp, devs[1].conn) == 0);
    k_sleep_ms(500);
    CHECK(devs[1].smp_done == 2 && devs[1].smp_status == 0 && devs[1].smp_encrypted);
    CHECK(devs[0].smp_done == 2 && devs[0].smp_status == 0 && devs[0].smp_encrypted);
    CHECK(devs[0].smp_rx == rx0);
    // the peripheral forgot the bond: it refuses the key, the central hears why
    disconnect_pair();
    devs[0].has_bond = false;
    connect_pair();
    CHECK(ble_smp_pair(&devs[1].smp, devs[1].conn) == 0);
    k_sleep_ms(500);
    CHECK(devs[1].smp_done == 3 && devs[1].smp_status == (0x200u | HCI_ERR_PIN_OR_KEY_MISSING) && !devs[1].smp_encrypted);
}

static void body_security_request(void) {
    connect_pair();
    CHECK(ble_smp_request(&devs[1].smp, devs[1].conn) == -EINVAL); // a central does not ask
    CHECK(ble_smp_request(&devs[0].smp, devs[0].conn) == 0);
    k_sleep_ms(1000);
    CHECK(devs[0].smp_done == 1 && devs[0].smp_status == 0 && devs[1].smp_done == 1 && devs[1].smp_status == 0);
}

static void body_bad_pairing(void) {
    connect_pair();
    uint16_t c = devs[1].conn;
    // legacy pairing (no Secure Connections bit): refused with Authentication Requirements
    static const uint8_t legacy[7] = {0x01, 0x03, 0x00, 0x01, 16, 0, 0};
    ble_l2cap_send(&devs[1].host, c, BLE_L2CAP_CID_SMP, legacy, 7);
    k_sleep_ms(200);
    CHECK(devs[0].smp_done == 1 && devs[0].smp_status == SMP_ERR_AUTH_REQ);
    // a public key that is not on the curve: DHKey Check Failed
    static const uint8_t req[7] = {0x01, 0x03, 0x00, 0x09, 16, 0, 0};
    ble_l2cap_send(&devs[1].host, c, BLE_L2CAP_CID_SMP, req, 7);
    uint8_t pk[65] = {0x0C};
    memset(pk + 1, 0x55, 64);
    ble_l2cap_send(&devs[1].host, c, BLE_L2CAP_CID_SMP, pk, 65);
    k_sleep_ms(300);
    CHECK_MSG(devs[0].smp_done == 2 && devs[0].smp_status == SMP_ERR_DHKEY_CHECK, "status 0x%x", devs[0].smp_status);
    // a step out of turn, and a truncated request
    static const uint8_t rnd[17] = {0x04};
    ble_l2cap_send(&devs[1].host, c, BLE_L2CAP_CID_SMP, rnd, 17);
    ble_l2cap_send(&devs[1].host, c, BLE_L2CAP_CID_SMP, req, 3);
    k_sleep_ms(200);
    CHECK(devs[0].smp_done == 2); // nothing was going on: nothing ends
    CHECK(devs[0].host.dropped_rx == 0);
}

// Waits (in virtual time) until device 1's client has seen `n` procedures end.
static void wait_done(unsigned n) {
    for (int i = 0; i < 200 && devs[1].done_events < n; i++) {
        k_sleep_ms(10);
    }
    CHECK_MSG(devs[1].done_events >= n && devs[1].last_status == 0, "done %u status %d", devs[1].done_events,
              devs[1].last_status);
}

static void body_gatt(void) {
    static const struct gatts_chr_def chrs[] = {
        {.uuid = {16, {0x9E, 0xCA, 0xDC, 0x24, 0x0E, 0xE5, 0xA9, 0xE0, 0x93, 0xF3, 0xA3, 0xB5, 0x02, 0x00, 0x40, 0x6E}},
         .flags = GATTS_F_READ | GATTS_F_WRITE | GATTS_F_NOTIFY},
    };
    static const struct gatts_svc_def svc = {
        .uuid = {16, {0x9E, 0xCA, 0xDC, 0x24, 0x0E, 0xE5, 0xA9, 0xE0, 0x93, 0xF3, 0xA3, 0xB5, 0x01, 0x00, 0x40, 0x6E}},
        .chrs = chrs, .n_chrs = 1};
    devs[0].use_gatt = devs[1].use_gatt = true; // ATT messages to GATT (other tests see them raw)
    uint16_t handles[2];
    CHECK(gatts_register_services(&devs[0].gatts, &svc, 1, handles, 2) == 1);
    CHECK(gatts_set_buffer(&devs[0].gatts, handles[0], 300, false) == 0);
    uint8_t value[300];
    for (int i = 0; i < 300; i++) {
        value[i] = (uint8_t)(i ^ 0x5A);
    }
    CHECK(gatts_write(&devs[0].gatts, handles[0], value, 300, false) == 300);
    connect_pair();
    struct gattc *cl = &devs[1].gattc;
    uint16_t c = devs[1].conn;
    CHECK(gattc_discover_services(cl, c, NULL) == 0);
    wait_done(1);
    CHECK(devs[1].svc_results == 1);
    CHECK(gattc_discover_characteristics(cl, c, 1, 0xFFFF, NULL) == 0);
    wait_done(2);
    CHECK(devs[1].chr_results == 1 && devs[1].found_value_handle == handles[0]);
    // a long read at the default ATT_MTU (23): the whole 300 bytes, over Read Blob requests
    CHECK(gattc_read(cl, c, handles[0]) == 0);
    wait_done(3);
    CHECK(devs[1].read_len == 300 && !memcmp(devs[1].read_buf, value, 300));
    // MTU 247 (the link's data length follows), a write, then notifications as fast as they go
    CHECK(gattc_exchange_mtu(cl, c) == 0);
    wait_done(4);
    CHECK(devs[1].mtu == BLE_CFG_ATT_MTU_MAX && devs[0].mtu == BLE_CFG_ATT_MTU_MAX);
    // 251-byte PDUs both ways: the peripheral's host suggests its default, the central asks
    uint8_t def[4] = {251, 0, 0x48, 0x08};
    ble_host_cmd(&devs[0].host, HCI_LE_WRITE_DEFAULT_DATA_LENGTH, def, 4, NULL, NULL);
    uint8_t dl[6] = {(uint8_t)c, (uint8_t)(c >> 8), 251, 0, 0x48, 0x08};
    ble_host_cmd(&devs[1].host, HCI_LE_SET_DATA_LENGTH, dl, 6, NULL, NULL);
    CHECK(gattc_write(cl, c, handles[0], (const uint8_t *)"hello", 5, GATTC_WRITE_WITH_RESPONSE) == 0);
    wait_done(5);
    CHECK(devs[0].writes == 1);
    const uint8_t *now;
    CHECK(gatts_read(&devs[0].gatts, handles[0], &now) == 5 && !memcmp(now, "hello", 5));
    uint8_t cccd[2] = {1, 0}; // notifications on (the CCCD follows the value)
    CHECK(gattc_write(cl, c, (uint16_t)(handles[0] + 1), cccd, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    wait_done(6);
    // throughput: notifications of ATT_MTU - 3 = 244 bytes for 2 s at a 30 ms interval
    uint64_t t0 = k_sim_now_ns(), t_end = t0 + 2000000000ull;
    uint8_t chunk[244];
    memset(chunk, 'n', sizeof chunk);
    unsigned sent = 0;
    while (k_sim_now_ns() < t_end) {
        int rc = gatts_notify(&devs[0].gatts, devs[0].conn, handles[0], chunk, sizeof chunk);
        if (rc == 0) {
            sent++;
        } else {
            CHECK_MSG(rc == -ENOBUFS, "notify: %d", rc);
            k_sleep_ms(1);
        }
    }
    k_sleep_ms(200); // what was queued arrives
    CHECK(devs[1].notifies == sent && devs[1].notified_bytes == (size_t)sent * sizeof chunk);
    printf("  figure: GATT notifications, ATT_MTU 247, 251-byte PDUs, 30 ms interval: %zu bytes/s\n",
           devs[1].notified_bytes / 2);
    // the bound: 1 Mbaud of H4 (256 bytes a packet: 95 KB/s of payload) and the air (a 251-byte
    // PDU and an empty one with their T_IFS: 2.47 ms)
    CHECK(devs[1].notified_bytes / 2 > 80000);
}

#define T(name) \
    static void name(void) { run(body_##name); }
T(l2cap)
T(param_update)
T(malformed)
T(pairing)
T(security_request)
T(bad_pairing)
T(gatt)

int main(void) {
    static const check_test tests[] = {{"l2cap", l2cap}, {"param_update", param_update}, {"malformed", malformed},
                                         {"pairing", pairing}, {"security_request", security_request},
                                         {"bad_pairing", bad_pairing}, {"gatt", gatt}};
    return check_run("ble_host", tests, sizeof tests / sizeof tests[0]);
}
