// fuzz/fuzz_att.c: libFuzzer target for ble/'s GATT server and client: arbitrary PDUs to the
// server's att_server_rx, and to the client as answers to whatever procedure it runs, mixed
// with local calls (procedures, notifications, indications, buffer resizes, clock ticks). No
// interpreter. Promises checked (abort when broken): no PDU longer than its sender's ATT_MTU;
// a request gets exactly one PDU back (its response or an Error Response, 5 bytes, naming the
// request's opcode), a command none; every procedure the client starts ends with one event.
// Input: byte 0 security, byte 1 ATT_MTU, then records [kind][len][len bytes].
// Kept inputs: tests/fuzz/att/ (requests, a long write, a discovery, indications, and
// regress-*: inputs that once broke a promise; not named crash-*, which .gitignore drops).
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ble/gatt_client.h"
#include "ble/gatt_server.h"

#define CONN 1

static struct gatts srv;
static struct gattc cl;
static uint8_t pool[1024];
static int srv_sent, cl_sent, done_events, refuse;
static uint8_t srv_first[8];
static uint16_t srv_first_len;

static void check(bool ok) {
    if (!ok) {
        abort();
    }
}

static int srv_send(void *ctx, uint16_t conn, const uint8_t *p, uint16_t len) {
    check(conn == CONN && len >= 1 && len <= gatts_conn_mtu(&srv, conn));
    if (p[0] == ATT_OP_NOTIFY || p[0] == ATT_OP_INDICATE) {
        return 0; // the upper layer's, from a write event: not the answer to a request
    }
    if (srv_sent++ == 0) {
        srv_first_len = len;
        memcpy(srv_first, p, len < 8 ? len : 8);
    }
    return 0;
}

static int cl_send(void *ctx, uint16_t conn, const uint8_t *p, uint16_t len) {
    check(conn == CONN && len >= 1 && len <= gattc_conn_mtu(&cl, conn));
    check(att_op_for_server(p[0]));
    cl_sent++;
    return 0;
}

static int srv_event(void *ctx, const struct gatts_event *ev) {
    if (ev->data) {
        volatile uint8_t x = 0;
        for (unsigned i = 0; i < ev->len; i++) {
            x ^= ev->data[i]; // ASan sees any bad pointer
        }
    }
    if (ev->type == GATTS_EV_READ_REQUEST || ev->type == GATTS_EV_WRITE_REQUEST) {
        check(gatts_notify(&srv, CONN, 3, NULL, 0) == -EBUSY); // mid-response: nothing sent
        return refuse;
    }
    if (ev->type == GATTS_EV_WRITE && (refuse & 1)) {
        gatts_write(&srv, ev->handle == 3 ? 7 : 3, ev->data, ev->len, true); // may send
    }
    return 0;
}

static void cl_event(void *ctx, const struct gattc_event *ev) {
    if (ev->data) {
        volatile uint8_t x = 0;
        for (unsigned i = 0; i < ev->len; i++) {
            x ^= ev->data[i];
        }
    }
    switch (ev->type) {
    case GATTC_EV_SERVICE_DONE:
    case GATTC_EV_CHARACTERISTIC_DONE:
    case GATTC_EV_DESCRIPTOR_DONE:
    case GATTC_EV_READ_DONE:
    case GATTC_EV_WRITE_DONE:
    case GATTC_EV_MTU: done_events++; break;
    default: break;
    }
}

static void setup_db(void) {
    static const uint8_t u128[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static struct gatts_dsc_def d[1];
    static struct gatts_chr_def c1[3], c2[2];
    static struct gatts_svc_def s[2];
    d[0] = (struct gatts_dsc_def){att_uuid16(0x2901), GATTS_F_READ | GATTS_F_WRITE};
    c1[0] = (struct gatts_chr_def){att_uuid16(0x2A37), GATTS_F_READ | GATTS_F_NOTIFY, d, 1};
    c1[1] = (struct gatts_chr_def){
        att_uuid128(u128),
        GATTS_F_READ | GATTS_F_WRITE | GATTS_F_WRITE_NO_RESPONSE | GATTS_F_INDICATE, NULL, 0};
    c1[2] = (struct gatts_chr_def){att_uuid16(0x2A38),
                                   GATTS_F_READ | GATTS_F_READ_ENCRYPTED | GATTS_F_WRITE |
                                       GATTS_F_WRITE_AUTHENTICATED | GATTS_F_WRITE_AUTHORIZED,
                                   NULL, 0};
    c2[0] = (struct gatts_chr_def){att_uuid16(0x2A00), GATTS_F_READ | GATTS_F_WRITE, NULL, 0};
    c2[1] = (struct gatts_chr_def){att_uuid16(0x2A01),
                                   GATTS_F_READ | GATTS_F_WRITE | GATTS_F_WRITE_NO_RESPONSE |
                                       GATTS_F_NOTIFY | GATTS_F_INDICATE,
                                   NULL, 0};
    s[0] = (struct gatts_svc_def){att_uuid16(0x180D), c1, 3};
    s[1] = (struct gatts_svc_def){att_uuid128(u128), c2, 2};
    uint16_t h[8];
    check(gatts_register_services(&srv, s, 2, h, 8) == 6);
    check(gatts_set_buffer(&srv, h[4], 300, false) == 0); // 0x2A00: long
    check(gatts_set_buffer(&srv, h[5], 64, true) == 0);   // 0x2A01: append
}

static void server_pdu(const uint8_t *p, uint16_t n) {
    bool dead = srv.conns[0].dead;
    srv_sent = 0;
    att_server_rx(&srv, CONN, p, n);
    if (n == 0 || dead) {
        check(srv_sent == 0);
        return;
    }
    uint8_t op = p[0];
    if (op == ATT_OP_CONFIRM || (op & ATT_OP_CMD_FLAG) || !att_op_for_server(op)) {
        check(srv_sent == 0);
    } else {
        check(srv_sent == 1);
        if (srv_first[0] == ATT_OP_ERROR_RSP) {
            check(srv_first_len == 5 && srv_first[1] == op && srv_first[4] != 0);
        } else {
            check(srv_first[0] == op + 1);
        }
    }
}

static void client_start(const uint8_t *p, uint16_t n) {
    if (n < 5) {
        return;
    }
    uint16_t a = att_get16(p + 1), b = att_get16(p + 3);
    struct att_uuid u = att_uuid16(b);
    int r;
    switch (p[0] % 8) {
    case 0: r = gattc_exchange_mtu(&cl, CONN); break;
    case 1: r = gattc_discover_services(&cl, CONN, (a & 1) ? &u : NULL); break;
    case 2: r = gattc_discover_characteristics(&cl, CONN, a, b, (a & 1) ? &u : NULL); break;
    case 3: r = gattc_discover_descriptors(&cl, CONN, a, b); break;
    case 4: r = gattc_read(&cl, CONN, a); break;
    default:
        r = gattc_write(&cl, CONN, a, p + 5, (uint16_t)(b % (n - 4)), p[0] & 1);
        if ((p[0] & 1) == 0) {
            r = -1; // a command starts no procedure
        }
        break;
    }
    if (r == 0) {
        done_events--; // one *_DONE (or MTU) event is owed
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static uint8_t buf[600];
    if (size < 2) {
        return 0;
    }
    gatts_init(&srv, pool, sizeof pool, srv_send, srv_event, NULL);
    gattc_init(&cl, cl_send, cl_event, NULL);
    setup_db();
    check(gatts_conn_add(&srv, CONN, (uint8_t)(1 + data[0] % 3)) == 0);
    check(gattc_conn_add(&cl, CONN) == 0);
    uint16_t mtu = (uint16_t)(23 + data[1] % (BLE_CFG_ATT_MTU_MAX - 22));
    gatts_conn_set_mtu(&srv, CONN, mtu);
    gattc_conn_set_mtu(&cl, CONN, mtu);
    refuse = data[0] >> 4;
    done_events = 0;
    uint32_t now = 0;
    size_t i = 2;
    while (i + 2 <= size) {
        uint8_t kind = data[i];
        uint16_t n = data[i + 1];
        if (kind & 0x80) {
            n = (uint16_t)(n + 256); // lengths past 255 (up to 511)
        }
        i += 2;
        if (n > size - i) {
            n = (uint16_t)(size - i);
        }
        // a copy in a block of exactly n bytes, so ASan sees any overread
        uint8_t *p = malloc(n ? n : 1);
        memcpy(p, data + i, n);
        i += n;
        switch (kind & 7) {
        case 0:
        case 1:
        case 2: server_pdu(p, n); break;
        case 3:
        case 4:
            if (n == 0 || !att_op_for_server(p[0])) {
                gattc_rx(&cl, CONN, p, n);
            }
            break;
        case 5: client_start(p, n); break;
        case 6:
            now += n ? (uint32_t)p[0] * 1000u : 30000u;
            gatts_tick(&srv, now);
            gattc_tick(&cl, now);
            break;
        default:
            if (n >= 3) {
                uint16_t h = (uint16_t)(1 + p[1] % (srv.n_attrs + 1));
                memset(buf, p[2], sizeof buf);
                switch (p[0] % 4) {
                case 0: gatts_write(&srv, h, buf, (uint16_t)(n * 3), true); break;
                case 1: gatts_notify(&srv, CONN, h, (p[2] & 1) ? NULL : buf, n); break;
                case 2: gatts_indicate(&srv, CONN, h, (p[2] & 1) ? NULL : buf, n); break;
                default: gatts_set_buffer(&srv, h, (uint16_t)(p[2] * 3), p[2] & 1); break;
                }
            }
            break;
        }
        free(p);
        check(done_events <= 0); // never more completions than procedures
    }
    // every procedure ends: by the timeout if nothing else
    gattc_tick(&cl, now + BLE_CFG_ATT_TIMEOUT_MS);
    check(done_events == 0);
    gatts_tick(&srv, now + BLE_CFG_ATT_TIMEOUT_MS);
    check(srv.conns[0].ind_pending == 0);
    gattc_conn_remove(&cl, CONN);
    gatts_conn_remove(&srv, CONN);
    return 0;
}
