// fuzz/fuzz_hci.c: libFuzzer target for the BLE host stack as a controller could feed it: the
// input is the byte stream from the controller (H4: events and ACL data), read by ble/h4.c
// and handed to ble/host (HCI, connections, L2CAP and its signalling), with the Security
// Manager and the GATT server and client on top, as a port wires them. No interpreter.
// Promises checked (abort when broken): every packet the host sends is well-formed H4 (a
// command's length byte matches; ACL data no longer than the controller's buffers, on a
// handle the host knows, the first fragment starting an L2CAP header that fits its message);
// the host never has more ACL packets out than the controller said it holds.
// Kept inputs: tests/fuzz/hci/ (made by fuzz/gen_hci_seeds.py: bring-up, a connection, ATT,
// SMP and signalling traffic).
#include <stdlib.h>
#include <string.h>

#include "ble/gatt_client.h"
#include "ble/gatt_server.h"
#include "ble/h4.h"
#include "ble/hci.h"
#include "ble/host/host.h"
#include "ble/host/smp.h"

static struct ble_host host;
static struct ble_smp smp;
static struct gatts srv;
static struct gattc cl;
static uint8_t pool[512];
static uint32_t rng;
static unsigned acl_out; // ACL packets the controller has not completed (by our count)

static void check(bool ok) {
    if (!ok) {
        abort();
    }
}

static void to_ctrl(void *arg, const uint8_t *p, size_t n) {
    (void)arg;
    check(n >= 1);
    if (p[0] == HCI_H4_CMD) {
        check(n >= 4 && p[3] == n - 4);
    } else {
        check(p[0] == HCI_H4_ACL && n >= 5 && hci_get16(p + 3) == n - 5);
        check(n - 5 <= host.acl_len);
        check(ble_host_conn(&host, HCI_ACL_HANDLE(hci_get16(p + 1))) != NULL);
        if (HCI_ACL_PB(hci_get16(p + 1)) == HCI_ACL_PB_FIRST_NONFLUSH) {
            check(n - 5 >= 4 || n - 5 == host.acl_len); // an L2CAP header starts it
        }
        acl_out++;
    }
}

static int att_send(void *ctx, uint16_t conn, const uint8_t *pdu, uint16_t len) {
    (void)ctx;
    return ble_l2cap_send(&host, conn, BLE_L2CAP_CID_ATT, pdu, len);
}

static void on_event(struct ble_host *h, const struct ble_host_event *ev) {
    (void)h;
    ble_smp_host_event(&smp, ev);
    if (ev->type == BLE_HOST_EV_CONNECTED && !ev->status) {
        gatts_conn_add(&srv, ev->conn, GATTS_SEC_NONE);
        gattc_conn_add(&cl, ev->conn);
        (void)gattc_discover_services(&cl, ev->conn, NULL); // a client procedure to answer
    } else if (ev->type == BLE_HOST_EV_DISCONNECTED) {
        gatts_conn_remove(&srv, ev->conn);
        gattc_conn_remove(&cl, ev->conn);
    }
}

static void on_l2cap(struct ble_host *h, uint16_t conn, uint16_t cid, const uint8_t *d, uint16_t n) {
    (void)h;
    if (cid == BLE_L2CAP_CID_SMP) {
        ble_smp_rx(&smp, conn, d, n);
    } else if (n && att_op_for_server(d[0])) {
        att_server_rx(&srv, conn, d, n);
    } else if (n) {
        gattc_rx(&cl, conn, d, n);
    }
}

static void smp_rand(void *arg, uint8_t *b, size_t n) {
    (void)arg;
    for (size_t i = 0; i < n; i++) {
        rng = rng * 1103515245u + 12345u;
        b[i] = (uint8_t)(rng >> 16);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rng = 1;
    acl_out = 0;
    struct ble_host_cfg hc = {.send = to_ctrl, .event = on_event, .l2cap_rx = on_l2cap};
    ble_host_init(&host, &hc);
    struct ble_smp_cfg sc = {.rand = smp_rand, .bonding = true};
    ble_smp_init(&smp, &host, &sc);
    gatts_init(&srv, pool, sizeof pool, att_send, NULL, NULL);
    static const struct gatts_chr_def chr = {.uuid = {2, {0x01, 0x2A}}, .flags = GATTS_F_READ | GATTS_F_WRITE | GATTS_F_NOTIFY};
    static const struct gatts_svc_def svc = {.uuid = {2, {0x00, 0x18}}, .chrs = &chr, .n_chrs = 1};
    uint16_t handles[1];
    check(gatts_register_services(&srv, &svc, 1, handles, 1) == 1);
    gattc_init(&cl, att_send, NULL, NULL);
    uint8_t buf[1 + HCI_ACL_HDR + 300];
    struct h4_reader r;
    h4_reader_init(&r, buf, sizeof buf, false, true, true);
    size_t off = 0;
    while (off < size) {
        size_t used;
        enum h4_status st = h4_feed(&r, data + off, size - off, &used);
        off += used;
        if (st == H4_PACKET) {
            uint16_t len;
            const uint8_t *p = h4_packet(&r, &len);
            ble_host_rx(&host, p, len);
            // the controller's buffers: what it reported, never more out than that
            check(host.acl_free <= 255);
        } else if (st < 0) {
            h4_reader_reset(&r);
            off++; // resynchronise on the next byte, as a port that resets the link would
        }
    }
    return 0;
}
