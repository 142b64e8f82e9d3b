// tests/unit/test_att.c: the GATT server (ble/gatt_server.c) and client (ble/gatt_client.c)
// wired back to back in memory: every PDU either sends is queued and delivered by pump(),
// checked against the sender's ATT_MTU on the way. Each client procedure runs at ATT_MTU 23
// and 247; hand-made requests check the server's responses and Error Responses byte for byte
// (Core Spec v5.x Vol 3 Part F 3.4). No interpreter; `make test-unit-att`.
#include <errno.h>
#include <string.h>

#include "ble/gatt_client.h"
#include "ble/gatt_server.h"
#include "tests/unit/check.h"

#define CONN 0x0040
#define QN 32
#define PDU_MAX 600

// Handles: svc1 1-10 {A 2/3 cccd 4, B 5/6 dsc 7, C 8/9 cccd 10}; svc2 11-19 {D 12/13,
// E 14/15, F 16/17 (300-byte buffer), G 18/19}; svc3 20-22 {H 21/22 (append)}.
enum {
    H_A = 3,
    H_A_CCCD = 4,
    H_B = 6,
    H_B_DSC = 7,
    H_C = 9,
    H_C_CCCD = 10,
    H_D = 13,
    H_E = 15,
    H_F = 17,
    H_G = 19,
    H_H = 22,
    N_ATTRS = 22
};

// ---- the in-memory link ----

struct pdu {
    uint8_t to_server;
    uint16_t len;
    uint8_t b[PDU_MAX];
};
static struct pdu q[QN];
static unsigned qh, qt;
static struct gatts srv;
static struct gattc cl;
static uint8_t pool[2048];
static uint8_t srv_last[PDU_MAX];
static uint16_t srv_last_len;
static int srv_sent, cl_sent, drop_confirm;

static void enqueue(int to_server, const uint8_t *p, uint16_t len) {
    CHECK(qt - qh < QN && len <= PDU_MAX);
    struct pdu *d = &q[qt++ % QN];
    d->to_server = (uint8_t)to_server;
    d->len = len;
    memcpy(d->b, p, len);
}

static int srv_send(void *ctx, uint16_t conn, const uint8_t *p, uint16_t len) {
    CHECK(conn == CONN);
    CHECK_MSG(len >= 1 && len <= gatts_conn_mtu(&srv, conn), "server PDU of %u bytes", len);
    memcpy(srv_last, p, len);
    srv_last_len = len;
    srv_sent++;
    enqueue(0, p, len);
    return 0;
}

static int cl_send(void *ctx, uint16_t conn, const uint8_t *p, uint16_t len) {
    CHECK(conn == CONN);
    CHECK_MSG(len >= 1 && len <= gattc_conn_mtu(&cl, conn), "client PDU of %u bytes", len);
    cl_sent++;
    if (drop_confirm && p[0] == ATT_OP_CONFIRM) {
        return 0;
    }
    enqueue(1, p, len);
    return 0;
}

// Delivers queued PDUs (and those their handling sends) until none is left.
static void pump(void) {
    static struct pdu cur;
    while (qh != qt) {
        cur = q[qh++ % QN];
        if (cur.to_server) {
            CHECK(att_op_for_server(cur.b[0]));
            att_server_rx(&srv, CONN, cur.b, cur.len);
        } else {
            CHECK(!att_op_for_server(cur.b[0]));
            gattc_rx(&cl, CONN, cur.b, cur.len);
        }
    }
}

// ---- events ----

struct crec {
    struct gattc_event ev;
    uint8_t data[PDU_MAX];
};
static struct crec cev[80];
static int ncev;

static void cl_event(void *ctx, const struct gattc_event *ev) {
    CHECK(ncev < 80);
    if (ncev < 80) {
        cev[ncev].ev = *ev;
        if (ev->data) {
            memcpy(cev[ncev].data, ev->data, ev->len);
        }
        ncev++;
    }
}

struct srec {
    struct gatts_event ev;
    uint8_t data[PDU_MAX];
};
static struct srec sev[40];
static int nsev, refuse_read, refuse_write, notify_in_read;

static int srv_event(void *ctx, const struct gatts_event *ev) {
    CHECK(nsev < 40);
    if (nsev < 40) {
        sev[nsev].ev = *ev;
        if (ev->data) {
            memcpy(sev[nsev].data, ev->data, ev->len);
        }
        nsev++;
    }
    if (ev->type == GATTS_EV_READ_REQUEST) {
        if (notify_in_read) {
            // the response is half built: nothing may be sent now
            CHECK(gatts_notify(&srv, CONN, H_A, NULL, 0) == -EBUSY);
        }
        return refuse_read;
    }
    if (ev->type == GATTS_EV_WRITE_REQUEST) {
        return refuse_write;
    }
    return 0;
}

// The n-th client event of type t (or NULL), and how many there are.
static struct crec *cfind(int t, int n) {
    for (int i = 0; i < ncev; i++) {
        if (cev[i].ev.type == t && n-- == 0) {
            return &cev[i];
        }
    }
    return NULL;
}
static int ccount(int t) {
    int n = 0;
    for (int i = 0; i < ncev; i++) {
        n += cev[i].ev.type == t;
    }
    return n;
}
static struct srec *sfind(int t, int n) {
    for (int i = 0; i < nsev; i++) {
        if (sev[i].ev.type == t && n-- == 0) {
            return &sev[i];
        }
    }
    return NULL;
}

// ---- the database ----

// 128-bit UUIDs, little-endian
static const uint8_t U_B[16] = {0x9e, 0xca, 0xdc, 0x24, 0x0e, 0xe5, 0xa9, 0xe0,
                                0x93, 0xf3, 0xa3, 0xb5, 0x02, 0x00, 0x40, 0x6e};
static const uint8_t U_SVC2[16] = {0x9e, 0xca, 0xdc, 0x24, 0x0e, 0xe5, 0xa9, 0xe0,
                                   0x93, 0xf3, 0xa3, 0xb5, 0x01, 0x00, 0x40, 0x6e};
static const uint8_t U_D[16] = {0x9e, 0xca, 0xdc, 0x24, 0x0e, 0xe5, 0xa9, 0xe0,
                                0x93, 0xf3, 0xa3, 0xb5, 0x03, 0x00, 0x40, 0x6e};

static int setup_db(void) {
    static struct gatts_dsc_def dsc_b[1];
    static struct gatts_chr_def c1[3], c2[4], c3[1];
    static struct gatts_svc_def svcs[3];
    dsc_b[0] = (struct gatts_dsc_def){att_uuid16(0x2901), GATTS_F_READ};
    c1[0] = (struct gatts_chr_def){att_uuid16(0x2A37), GATTS_F_READ | GATTS_F_NOTIFY, NULL, 0};
    c1[1] = (struct gatts_chr_def){
        att_uuid128(U_B), GATTS_F_READ | GATTS_F_WRITE | GATTS_F_WRITE_NO_RESPONSE, dsc_b, 1};
    c1[2] = (struct gatts_chr_def){att_uuid16(0x2A38),
                                   GATTS_F_READ | GATTS_F_WRITE | GATTS_F_INDICATE, NULL, 0};
    c2[0] = (struct gatts_chr_def){att_uuid128(U_D),
                                   GATTS_F_READ | GATTS_F_READ_ENCRYPTED | GATTS_F_WRITE |
                                       GATTS_F_WRITE_AUTHENTICATED,
                                   NULL, 0};
    c2[1] = (struct gatts_chr_def){att_uuid16(0x2A00), GATTS_F_WRITE, NULL, 0};
    c2[2] = (struct gatts_chr_def){att_uuid16(0x2A01), GATTS_F_READ | GATTS_F_WRITE, NULL, 0};
    c2[3] = (struct gatts_chr_def){
        att_uuid16(0x2A02),
        GATTS_F_READ | GATTS_F_READ_AUTHORIZED | GATTS_F_WRITE | GATTS_F_WRITE_AUTHORIZED, NULL, 0};
    c3[0] = (struct gatts_chr_def){
        att_uuid16(0x2A05), GATTS_F_READ | GATTS_F_WRITE | GATTS_F_WRITE_NO_RESPONSE, NULL, 0};
    svcs[0] = (struct gatts_svc_def){att_uuid16(0x180D), c1, 3};
    svcs[1] = (struct gatts_svc_def){att_uuid128(U_SVC2), c2, 4};
    svcs[2] = (struct gatts_svc_def){att_uuid16(0x1801), c3, 1};
    uint16_t h[16];
    int n = gatts_register_services(&srv, svcs, 3, h, 16);
    static const uint16_t want[] = {H_A, H_B, H_B_DSC, H_C, H_D, H_E, H_F, H_G, H_H};
    CHECK_MSG(n == 9, "n=%d", n);
    CHECK(n == 9 && memcmp(h, want, sizeof want) == 0);
    CHECK(srv.n_attrs == N_ATTRS);
    CHECK(gatts_set_buffer(&srv, H_F, 300, false) == 0);
    CHECK(gatts_set_buffer(&srv, H_H, 40, true) == 0);
    return n;
}

// A fresh server and client, connected, at ATT_MTU mtu (23 or 247, by Exchange MTU).
static void setup(uint16_t mtu) {
    qh = qt = 0;
    ncev = nsev = 0;
    srv_sent = cl_sent = drop_confirm = refuse_read = refuse_write = notify_in_read = 0;
    gatts_init(&srv, pool, sizeof pool, srv_send, srv_event, NULL);
    gattc_init(&cl, cl_send, cl_event, NULL);
    setup_db();
    CHECK(gatts_conn_add(&srv, CONN, GATTS_SEC_NONE) == 0);
    CHECK(gattc_conn_add(&cl, CONN) == 0);
    if (mtu > ATT_MTU_DEFAULT) {
        CHECK(gattc_exchange_mtu(&cl, CONN) == 0);
        pump();
        struct crec *r = cfind(GATTC_EV_MTU, 0);
        CHECK(r && r->ev.status == 0 && r->ev.mtu == mtu);
        struct srec *s = sfind(GATTS_EV_MTU, 0);
        CHECK(s && s->ev.mtu == mtu);
        CHECK(gatts_conn_mtu(&srv, CONN) == mtu && gattc_conn_mtu(&cl, CONN) == mtu);
    }
    ncev = nsev = 0;
    srv_sent = cl_sent = 0;
}

static const uint16_t mtus[] = {23, 247};

// ---- hand-made requests ----

// Sends req to the server; its answer (if want != NULL) must be want[0..wn) exactly; with
// want NULL, nothing may be sent.
static void raw_check(const uint8_t *req, size_t n, const uint8_t *want, size_t wn, int line) {
    int before = srv_sent;
    att_server_rx(&srv, CONN, req, n);
    qh = qt; // the client does not see these
    if (want == NULL) {
        CHECK_MSG(srv_sent == before, "line %d: unexpected response 0x%02x", line, srv_last[0]);
        return;
    }
    bool same = srv_sent == before + 1 && srv_last_len == wn && memcmp(srv_last, want, wn) == 0;
    CHECK_MSG(same, "line %d: got %d PDU(s), last %u bytes: %02x %02x %02x %02x %02x", line,
              srv_sent - before, srv_last_len, srv_last[0], srv_last[1], srv_last[2], srv_last[3],
              srv_last[4]);
}
#define RAW(req, ...)                                                                              \
    do {                                                                                           \
        static const uint8_t r_[] = req;                                                           \
        static const uint8_t w_[] = __VA_ARGS__;                                                   \
        raw_check(r_, sizeof r_, w_, sizeof w_, __LINE__);                                         \
    } while (0)
#define RAW_NONE(req)                                                                              \
    do {                                                                                           \
        static const uint8_t r_[] = req;                                                           \
        raw_check(r_, sizeof r_, NULL, 0, __LINE__);                                               \
    } while (0)
#define B(...)                                                                                     \
    { __VA_ARGS__ }

// ---- tests ----

static void test_uuid(void) {
    struct att_uuid a = att_uuid16(0x2902), b;
    uint8_t full[16];
    att_uuid_to128(&a, full);
    static const uint8_t want[16] = {0xFB, 0x34, 0x9B, 0x5F, 0x80, 0x00, 0x00, 0x80,
                                     0x00, 0x10, 0x00, 0x00, 0x02, 0x29, 0x00, 0x00};
    CHECK(memcmp(full, want, 16) == 0);
    b = att_uuid128(full);
    CHECK(att_uuid_eq(&a, &b) && att_uuid_is16(&b, 0x2902) && !att_uuid_is16(&b, 0x2903));
    struct att_uuid s = att_uuid_short(&b);
    CHECK(s.len == 2 && att_get16(s.b) == 0x2902);
    struct att_uuid c = att_uuid128(U_B);
    CHECK(!att_uuid_eq(&a, &c) && att_uuid_short(&c).len == 16);
    CHECK(!att_uuid_from_wire(&c, full, 4) && att_uuid_from_wire(&c, full, 2));
}

static void test_register(void) {
    gatts_init(&srv, pool, sizeof pool, srv_send, srv_event, NULL);
    setup_db();
    // declarations and the CCCD as the spec lays them out
    CHECK(srv.attrs[0].kind == GATTS_K_SERVICE && srv.attrs[0].end == 10);
    CHECK(srv.attrs[10].end == 19 && srv.attrs[19].end == 22);
    CHECK(srv.attrs[H_A_CCCD - 1].kind == GATTS_K_CCCD && srv.attrs[H_C_CCCD - 1].slot == 1);
    // too small a handles array, a bad UUID, a pool too small
    struct gatts_chr_def ch = {att_uuid16(0x2A37), GATTS_F_READ, NULL, 0};
    struct gatts_svc_def sv = {att_uuid16(0x180F), &ch, 1};
    uint16_t h[1];
    CHECK(gatts_register_services(&srv, &sv, 1, h, 0) == -ENOMEM);
    CHECK(gatts_register_services(&srv, &sv, 1, h, 1) == 1 && h[0] == 3);
    sv.uuid.len = 3;
    CHECK(gatts_register_services(&srv, &sv, 1, h, 1) == -EINVAL);
    sv.uuid.len = 2;
    gatts_init(&srv, pool, 10, srv_send, srv_event, NULL);
    CHECK(gatts_register_services(&srv, &sv, 1, h, 1) == -ENOMEM);
    // buffers: resizing, pool exhaustion, bad handles
    gatts_init(&srv, pool, 100, srv_send, srv_event, NULL);
    CHECK(gatts_register_services(&srv, &sv, 1, h, 1) == 1);
    CHECK(gatts_set_buffer(&srv, 3, 100, false) == 0);
    CHECK(gatts_set_buffer(&srv, 3, 101, false) == -ENOMEM);
    CHECK(gatts_set_buffer(&srv, 2, 10, false) == -EINVAL);
    CHECK(gatts_set_buffer(&srv, 3, 513, false) == -EINVAL);
    uint8_t big[120];
    memset(big, 7, sizeof big);
    CHECK(gatts_write(&srv, 3, big, sizeof big, false) == 100);
    const uint8_t *p;
    CHECK(gatts_read(&srv, 3, &p) == 100 && p[99] == 7);
    CHECK(gatts_read(&srv, 1, &p) == -EINVAL);
}

static void test_mtu(void) {
    setup(247);
    // a second request and one below the minimum: the MTU is never under 23
    RAW(B(0x02, 0x10, 0x00), B(0x03, 247, 0));
    CHECK(gatts_conn_mtu(&srv, CONN) == 23);
    RAW(B(0x02, 0x00, 0x02), B(0x03, 247, 0)); // 512 asked: ours is the limit
    CHECK(gatts_conn_mtu(&srv, CONN) == 247);
    RAW(B(0x02, 0x17), B(0x01, 0x02, 0x00, 0x00, 0x04)); // too short
}

static void test_discover_services(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        CHECK(gattc_discover_services(&cl, CONN, NULL) == 0);
        CHECK(gattc_discover_services(&cl, CONN, NULL) == -EBUSY);
        pump();
        CHECK(ccount(GATTC_EV_SERVICE_RESULT) == 3);
        struct crec *r0 = cfind(GATTC_EV_SERVICE_RESULT, 0);
        struct crec *r1 = cfind(GATTC_EV_SERVICE_RESULT, 1);
        struct crec *r2 = cfind(GATTC_EV_SERVICE_RESULT, 2);
        CHECK(r0 && r0->ev.start_handle == 1 && r0->ev.end_handle == 10 &&
              att_uuid_is16(&r0->ev.uuid, 0x180D));
        struct att_uuid s2 = att_uuid128(U_SVC2);
        CHECK(r1 && r1->ev.start_handle == 11 && r1->ev.end_handle == 19 &&
              att_uuid_eq(&r1->ev.uuid, &s2) && r1->ev.uuid.len == 16);
        CHECK(r2 && r2->ev.start_handle == 20 && r2->ev.end_handle == 22 &&
              att_uuid_is16(&r2->ev.uuid, 0x1801));
        struct crec *d = cfind(GATTC_EV_SERVICE_DONE, 0);
        CHECK(d && d->ev.status == 0 && d == &cev[ncev - 1]);
        // 16-bit, then 128-bit, then 16-bit entries: one response each, then Not Found
        CHECK_MSG(cl_sent == 4, "%d requests", cl_sent);

        // by UUID, 16- and 128-bit (the latter also given as 128-bit form of a 16-bit one)
        ncev = 0;
        CHECK(gattc_discover_services(&cl, CONN, &s2) == 0);
        pump();
        r0 = cfind(GATTC_EV_SERVICE_RESULT, 0);
        CHECK(ccount(GATTC_EV_SERVICE_RESULT) == 1 && r0 && r0->ev.start_handle == 11 &&
              r0->ev.end_handle == 19 && att_uuid_eq(&r0->ev.uuid, &s2));
        CHECK(cfind(GATTC_EV_SERVICE_DONE, 0) && cfind(GATTC_EV_SERVICE_DONE, 0)->ev.status == 0);
        ncev = 0;
        uint8_t full[16];
        struct att_uuid u16 = att_uuid16(0x1801);
        att_uuid_to128(&u16, full);
        struct att_uuid u128 = att_uuid128(full);
        CHECK(gattc_discover_services(&cl, CONN, &u128) == 0);
        pump();
        r0 = cfind(GATTC_EV_SERVICE_RESULT, 0);
        CHECK(ccount(GATTC_EV_SERVICE_RESULT) == 1 && r0 && r0->ev.start_handle == 20 &&
              r0->ev.end_handle == 22);
        ncev = 0;
        u16 = att_uuid16(0x1234);
        CHECK(gattc_discover_services(&cl, CONN, &u16) == 0);
        pump();
        CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_SERVICE_DONE && cev[0].ev.status == 0);
    }
}

static void test_discover_characteristics(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        CHECK(gattc_discover_characteristics(&cl, CONN, 1, 10, NULL) == 0);
        pump();
        CHECK(ccount(GATTC_EV_CHARACTERISTIC_RESULT) == 3);
        struct crec *a = cfind(GATTC_EV_CHARACTERISTIC_RESULT, 0);
        struct crec *b = cfind(GATTC_EV_CHARACTERISTIC_RESULT, 1);
        struct crec *c = cfind(GATTC_EV_CHARACTERISTIC_RESULT, 2);
        struct att_uuid ub = att_uuid128(U_B);
        CHECK(a && a->ev.def_handle == 2 && a->ev.value_handle == H_A && a->ev.end_handle == 4 &&
              a->ev.properties == (GATTS_F_READ | GATTS_F_NOTIFY) &&
              att_uuid_is16(&a->ev.uuid, 0x2A37));
        CHECK(b && b->ev.def_handle == 5 && b->ev.value_handle == H_B && b->ev.end_handle == 7 &&
              b->ev.properties == 0x0E && att_uuid_eq(&b->ev.uuid, &ub));
        CHECK(c && c->ev.def_handle == 8 && c->ev.value_handle == H_C && c->ev.end_handle == 10 &&
              c->ev.properties == 0x2A);
        struct crec *d = cfind(GATTC_EV_CHARACTERISTIC_DONE, 0);
        CHECK(d && d->ev.status == 0 && d == &cev[ncev - 1]);
        // 16-, 128-, 16-bit entries: one response each (a response holds one UUID size),
        // then Attribute Not Found past handle 8
        CHECK_MSG(cl_sent == 4, "%d requests", cl_sent);

        // by UUID over the whole database: only 0x2A01, which ends where 0x2A02 starts
        ncev = 0;
        struct att_uuid u = att_uuid16(0x2A01);
        CHECK(gattc_discover_characteristics(&cl, CONN, 1, 0xFFFF, &u) == 0);
        pump();
        a = cfind(GATTC_EV_CHARACTERISTIC_RESULT, 0);
        CHECK(ccount(GATTC_EV_CHARACTERISTIC_RESULT) == 1 && a && a->ev.value_handle == H_F &&
              a->ev.end_handle == 17);
        CHECK(gattc_discover_characteristics(&cl, CONN, 5, 4, NULL) == -EINVAL);
    }
}

static void test_discover_descriptors(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        CHECK(gattc_discover_descriptors(&cl, CONN, H_B + 1, 7) == 0);
        pump();
        struct crec *r = cfind(GATTC_EV_DESCRIPTOR_RESULT, 0);
        CHECK(ccount(GATTC_EV_DESCRIPTOR_RESULT) == 1 && r && r->ev.handle == 7 &&
              att_uuid_is16(&r->ev.uuid, 0x2901));
        ncev = 0;
        CHECK(gattc_discover_descriptors(&cl, CONN, 1, 0xFFFF) == 0);
        pump();
        CHECK_MSG(ccount(GATTC_EV_DESCRIPTOR_RESULT) == N_ATTRS, "%d",
                  ccount(GATTC_EV_DESCRIPTOR_RESULT));
        r = cfind(GATTC_EV_DESCRIPTOR_RESULT, H_A_CCCD - 1);
        CHECK(r && r->ev.handle == H_A_CCCD && att_uuid_is16(&r->ev.uuid, ATT_UUID_CCCD));
        r = cfind(GATTC_EV_DESCRIPTOR_RESULT, H_B - 1);
        struct att_uuid ub = att_uuid128(U_B);
        CHECK(r && r->ev.handle == H_B && att_uuid_eq(&r->ev.uuid, &ub));
        CHECK(cfind(GATTC_EV_DESCRIPTOR_DONE, 0)->ev.status == 0);
    }
}

static void test_read(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        static const uint8_t v[] = {1, 2, 3, 4, 5};
        CHECK(gatts_write(&srv, H_A, v, sizeof v, false) == 5);
        CHECK(gattc_read(&cl, CONN, H_A) == 0);
        pump();
        struct crec *r = cfind(GATTC_EV_READ_RESULT, 0);
        CHECK(r && r->ev.value_handle == H_A && r->ev.len == 5 && memcmp(r->data, v, 5) == 0);
        CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == 0 && cl_sent == 1);
        CHECK(sfind(GATTS_EV_READ_REQUEST, 0)->ev.handle == H_A);

        // long: 300 bytes
        uint8_t big[300];
        for (unsigned i = 0; i < sizeof big; i++) {
            big[i] = (uint8_t)(i * 7 + 1);
        }
        CHECK(gatts_write(&srv, H_F, big, sizeof big, false) == 300);
        ncev = cl_sent = 0;
        CHECK(gattc_read(&cl, CONN, H_F) == 0);
        pump();
        r = cfind(GATTC_EV_READ_RESULT, 0);
        CHECK(r && r->ev.len == 300 && memcmp(r->data, big, 300) == 0);
        CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == 0);
        // 22 bytes a response at 23: 14 responses (the 14th short); at 247: 246 + 54
        CHECK_MSG(cl_sent == (m ? 2 : 14), "%d requests", cl_sent);

        // a value that ends exactly at a response's end: one more blob, empty
        ncev = cl_sent = 0;
        CHECK(gatts_write(&srv, H_F, big, (uint16_t)(mtus[m] - 1), false) > 0);
        CHECK(gattc_read(&cl, CONN, H_F) == 0);
        pump();
        r = cfind(GATTC_EV_READ_RESULT, 0);
        CHECK(r && r->ev.len == mtus[m] - 1 && cl_sent == 2);

        // errors: not readable, no such handle
        ncev = 0;
        CHECK(gattc_read(&cl, CONN, H_E) == 0);
        pump();
        CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_READ_DONE &&
              cev[0].ev.status == ATT_ERR_READ_NOT_PERMITTED && cev[0].ev.value_handle == H_E);
        ncev = 0;
        CHECK(gattc_read(&cl, CONN, 200) == 0);
        pump();
        CHECK(ncev == 1 && cev[0].ev.status == ATT_ERR_INVALID_HANDLE);
    }
}

static void test_write(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        static const uint8_t v[] = {9, 8, 7};
        CHECK(gattc_write(&cl, CONN, H_B, v, 3, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        struct crec *r = cfind(GATTC_EV_WRITE_DONE, 0);
        CHECK(r && r->ev.status == 0 && r->ev.value_handle == H_B);
        struct srec *s = sfind(GATTS_EV_WRITE, 0);
        CHECK(s && s->ev.handle == H_B && s->ev.len == 3 && memcmp(s->data, v, 3) == 0);
        const uint8_t *p;
        CHECK(gatts_read(&srv, H_B, &p) == 3 && memcmp(p, v, 3) == 0);

        // without response: no client event, the server still sees it
        ncev = nsev = 0;
        CHECK(gattc_write(&cl, CONN, H_B, v, 2, GATTC_WRITE_NO_RESPONSE) == 0);
        pump();
        CHECK(ncev == 0 && sfind(GATTS_EV_WRITE, 0) && gatts_read(&srv, H_B, &p) == 2);
        uint8_t big[513] = {0};
        CHECK(gattc_write(&cl, CONN, H_B, big, (uint16_t)(mtus[m] - 2), 0) == -EINVAL);
        CHECK(gattc_write(&cl, CONN, H_B, big, sizeof big, 1) == -EINVAL);

        // long: 300 bytes into F, then 250 more than its buffer holds
        for (unsigned i = 0; i < 300; i++) {
            big[i] = (uint8_t)(i ^ 0x5A);
        }
        ncev = nsev = cl_sent = 0;
        CHECK(gattc_write(&cl, CONN, H_F, big, 300, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        r = cfind(GATTC_EV_WRITE_DONE, 0);
        CHECK(r && r->ev.status == 0);
        CHECK(gatts_read(&srv, H_F, &p) == 300 && memcmp(p, big, 300) == 0);
        // 18 bytes a Prepare Write at 23 (17 of them), 242 at 247 (2); and the Execute
        CHECK_MSG(cl_sent == (m ? 3 : 18), "%d requests", cl_sent);
        s = sfind(GATTS_EV_WRITE, 0);
        CHECK(s && s->ev.handle == H_F && s->ev.len == 300 && sfind(GATTS_EV_WRITE, 1) == NULL);
        ncev = 0;
        CHECK(gattc_write(&cl, CONN, H_F, big, 301, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        r = cfind(GATTC_EV_WRITE_DONE, 0);
        CHECK(r && r->ev.status == ATT_ERR_INVALID_VALUE_LEN);
        CHECK(gatts_read(&srv, H_F, &p) == 300); // unchanged
        // the queue is empty afterwards: an Execute alone writes nothing
        RAW(B(0x18, 0x01), B(0x19));

        // a long write to a value that takes no writes fails on the first Prepare
        ncev = 0;
        CHECK(gattc_write(&cl, CONN, H_A, big, 100, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        r = cfind(GATTC_EV_WRITE_DONE, 0);
        CHECK(ncev == 1 && r && r->ev.status == ATT_ERR_WRITE_NOT_PERMITTED);
    }
}

static void test_append(void) {
    setup(23);
    static const uint8_t a[] = {'a', 'b'}, b[] = {'c', 'd', 'e'};
    CHECK(gattc_write(&cl, CONN, H_H, a, 2, GATTC_WRITE_NO_RESPONSE) == 0);
    CHECK(gattc_write(&cl, CONN, H_H, b, 3, GATTC_WRITE_NO_RESPONSE) == 0);
    pump();
    const uint8_t *p;
    CHECK(gatts_read(&srv, H_H, &p) == 5 && memcmp(p, "abcde", 5) == 0);
    CHECK(gatts_read(&srv, H_H, &p) == 0); // emptied by the read
    struct srec *s = sfind(GATTS_EV_WRITE, 1);
    CHECK(s && s->ev.len == 3 && memcmp(s->data, "cde", 3) == 0);
}

static void test_notify(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        static const uint8_t v[] = {0x11, 0x22};
        // no subscription: a send_update sends nothing
        CHECK(gatts_write(&srv, H_A, v, 2, true) == 2 && srv_sent == 0);
        static const uint8_t on[] = {0x01, 0x00};
        CHECK(gattc_write(&cl, CONN, H_A_CCCD, on, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        struct srec *s = sfind(GATTS_EV_CCCD, 0);
        CHECK(s && s->ev.handle == H_A_CCCD && s->ev.value_handle == H_A && s->ev.cccd == 1);
        CHECK(gatts_cccd_get(&srv, CONN, H_A_CCCD) == 1);
        CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == 0);
        ncev = 0;
        CHECK(gatts_write(&srv, H_A, v, 2, true) == 2);
        pump();
        struct crec *r = cfind(GATTC_EV_NOTIFY, 0);
        CHECK(ncev == 1 && r && r->ev.value_handle == H_A && r->ev.len == 2 &&
              memcmp(r->data, v, 2) == 0);
        // the CCCD reads back per connection
        ncev = 0;
        CHECK(gattc_read(&cl, CONN, H_A_CCCD) == 0);
        pump();
        r = cfind(GATTC_EV_READ_RESULT, 0);
        CHECK(r && r->ev.len == 2 && r->data[0] == 1 && r->data[1] == 0);
        // an explicit notification goes whatever the CCCD says, truncated to ATT_MTU - 3
        uint8_t big[300];
        memset(big, 0xAB, sizeof big);
        ncev = 0;
        CHECK(gatts_notify(&srv, CONN, H_C, big, sizeof big) == 0);
        pump();
        r = cfind(GATTC_EV_NOTIFY, 0);
        CHECK(r && r->ev.value_handle == H_C && r->ev.len == mtus[m] - 3);
        CHECK(gatts_notify(&srv, CONN, H_A_CCCD, v, 2) == -EINVAL);
        CHECK(gatts_notify(&srv, 99, H_A, v, 2) == -ENOTCONN);
        // restored for a bonded peer: off, then on again through the hook
        CHECK(gatts_cccd_set(&srv, CONN, H_A_CCCD, 0) == 0);
        srv_sent = 0;
        CHECK(gatts_write(&srv, H_A, v, 2, true) == 2 && srv_sent == 0);
        CHECK(gatts_cccd_set(&srv, CONN, H_A_CCCD, 1) == 0);
        CHECK(gatts_write(&srv, H_A, v, 2, true) == 2 && srv_sent == 1);
        CHECK(gatts_cccd_set(&srv, CONN, H_A, 1) == -EINVAL);
        qh = qt;
    }
}

static void test_indicate(void) {
    for (unsigned m = 0; m < 2; m++) {
        setup(mtus[m]);
        static const uint8_t on[] = {0x02, 0x00}, v[] = {1, 2, 3};
        CHECK(gattc_write(&cl, CONN, H_C_CCCD, on, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
        pump();
        CHECK(gatts_cccd_get(&srv, CONN, H_C_CCCD) == ATT_CCCD_INDICATE);
        ncev = nsev = 0;
        gatts_tick(&srv, 1000);
        CHECK(gatts_write(&srv, H_C, v, 3, true) == 3 && srv_last[0] == ATT_OP_INDICATE);
        // one at a time
        CHECK(gatts_indicate(&srv, CONN, H_C, v, 1) == -EBUSY);
        pump();
        struct crec *r = cfind(GATTC_EV_INDICATE, 0);
        CHECK(r && r->ev.value_handle == H_C && r->ev.len == 3 && memcmp(r->data, v, 3) == 0);
        struct srec *s = sfind(GATTS_EV_INDICATE_DONE, 0);
        CHECK(s && s->ev.handle == H_C && s->ev.status == 0);
        // confirmed: the next may go; a stray confirmation changes nothing
        nsev = 0;
        RAW_NONE(B(0x1E));
        CHECK(nsev == 0);
        CHECK(gatts_indicate(&srv, CONN, H_C, NULL, 0) == 0);
        pump();
        CHECK(sfind(GATTS_EV_INDICATE_DONE, 0) && nsev == 1);

        // no confirmation: timed out after 30 s, and the bearer is dead
        nsev = 0;
        drop_confirm = 1;
        CHECK(gatts_indicate(&srv, CONN, H_C, v, 3) == 0);
        pump();
        gatts_tick(&srv, 1000 + 29999);
        CHECK(nsev == 0);
        gatts_tick(&srv, 1000 + 30000);
        s = sfind(GATTS_EV_INDICATE_DONE, 0);
        CHECK(nsev == 1 && s && s->ev.status == -ETIMEDOUT && s->ev.handle == H_C);
        gatts_tick(&srv, 1000 + 90000);
        CHECK(nsev == 1);
        CHECK(gatts_notify(&srv, CONN, H_A, v, 3) == -EPIPE);
        int before = srv_sent;
        static const uint8_t rd[] = {0x0A, H_A, 0};
        att_server_rx(&srv, CONN, rd, 3);
        CHECK(srv_sent == before);
    }
}

static void test_timer_wraps(void) {
    setup(23);
    static const uint8_t v[] = {1};
    gatts_tick(&srv, 0xFFFFF000u);
    drop_confirm = 1;
    CHECK(gatts_indicate(&srv, CONN, H_C, v, 1) == 0);
    pump();
    gatts_tick(&srv, 0xFFFFF000u + 29999);
    CHECK(sfind(GATTS_EV_INDICATE_DONE, 0) == NULL);
    gatts_tick(&srv, 0xFFFFF000u + 30000);
    CHECK(sfind(GATTS_EV_INDICATE_DONE, 0) != NULL);
}

static void test_client_timeout(void) {
    setup(23);
    gattc_tick(&cl, 500);
    CHECK(gattc_read(&cl, CONN, H_A) == 0);
    CHECK(gattc_read(&cl, CONN, H_A) == -EBUSY);
    CHECK(gattc_exchange_mtu(&cl, CONN) == -EBUSY);
    qh = qt; // the request is lost
    gattc_tick(&cl, 500 + 29999);
    CHECK(ncev == 0);
    gattc_tick(&cl, 500 + 30000);
    CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_READ_DONE && cev[0].ev.status == -ETIMEDOUT);
    CHECK(gattc_read(&cl, CONN, H_A) == -EPIPE);
    CHECK(gattc_read(&cl, 7, H_A) == -ENOTCONN);
    // removing a connection ends its procedure
    setup(23);
    CHECK(gattc_discover_services(&cl, CONN, NULL) == 0);
    CHECK(gattc_conn_remove(&cl, CONN) == 0);
    CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_SERVICE_DONE && cev[0].ev.status == -ENOTCONN);
    CHECK(gattc_conn_remove(&cl, CONN) == -ENOTCONN);
}

static void test_permissions(void) {
    setup(23);
    static const uint8_t v[] = {5, 6};
    // write to a read-only value
    CHECK(gattc_write(&cl, CONN, H_A, v, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    pump();
    CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == ATT_ERR_WRITE_NOT_PERMITTED);
    // encryption needed to read D; authentication to write it
    ncev = 0;
    CHECK(gattc_read(&cl, CONN, H_D) == 0);
    pump();
    CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == ATT_ERR_INSUFFICIENT_ENC);
    CHECK(gatts_conn_set_security(&srv, CONN, GATTS_SEC_ENCRYPTED) == 0);
    ncev = 0;
    CHECK(gattc_read(&cl, CONN, H_D) == 0);
    pump();
    CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == 0);
    ncev = 0;
    CHECK(gattc_write(&cl, CONN, H_D, v, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    pump();
    CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == ATT_ERR_INSUFFICIENT_AUTHEN);
    CHECK(gatts_conn_set_security(&srv, CONN, GATTS_SEC_AUTHENTICATED) == 0);
    ncev = 0;
    CHECK(gattc_write(&cl, CONN, H_D, v, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    pump();
    CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == 0);
    // the upper layer refuses a read, then a write (authorization)
    ncev = 0;
    refuse_read = ATT_ERR_INSUFFICIENT_AUTHOR;
    CHECK(gattc_read(&cl, CONN, H_G) == 0);
    pump();
    CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == ATT_ERR_INSUFFICIENT_AUTHOR);
    refuse_read = 0;
    ncev = 0;
    CHECK(gattc_read(&cl, CONN, H_G) == 0);
    pump();
    CHECK(cfind(GATTC_EV_READ_DONE, 0)->ev.status == 0);
    ncev = nsev = 0;
    refuse_write = 0x80; // an application error
    CHECK(gattc_write(&cl, CONN, H_G, v, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    pump();
    CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == 0x80 && sfind(GATTS_EV_WRITE, 0) == NULL);
    struct srec *s = sfind(GATTS_EV_WRITE_REQUEST, 0);
    CHECK(s && s->ev.handle == H_G && s->ev.len == 2);
    refuse_write = 0;
    ncev = nsev = 0;
    CHECK(gattc_write(&cl, CONN, H_G, v, 2, GATTC_WRITE_WITH_RESPONSE) == 0);
    pump();
    CHECK(cfind(GATTC_EV_WRITE_DONE, 0)->ev.status == 0 && sfind(GATTS_EV_WRITE, 0));
    // a command to an attribute that needs WRITE_NO_RESPONSE and lacks it: dropped silently
    const uint8_t *p;
    int before = gatts_read(&srv, H_C, &p);
    RAW_NONE(B(0x52, H_C, 0x00, 0x77));
    CHECK(gatts_read(&srv, H_C, &p) == before);
}

// Hand-made requests against the Error Response format: 01 | opcode | handle | code.
static void test_malformed(void) {
    setup(23);
    static const uint8_t v[] = {0xAA, 0xBB, 0xCC};
    gatts_write(&srv, H_A, v, 3, false);
    // lengths
    RAW(B(0x0A), B(0x01, 0x0A, 0x00, 0x00, 0x04));
    RAW(B(0x0A, H_A, 0x00, 0x00), B(0x01, 0x0A, 0x00, 0x00, 0x04));
    RAW(B(0x0C, H_A, 0x00, 0x00), B(0x01, 0x0C, 0x00, 0x00, 0x04));
    RAW(B(0x04, 0x01, 0x00, 0xFF), B(0x01, 0x04, 0x00, 0x00, 0x04));
    RAW(B(0x08, 0x01, 0x00, 0xFF, 0xFF, 0x03), B(0x01, 0x08, 0x00, 0x00, 0x04));
    RAW(B(0x08, 0x01, 0x00, 0xFF, 0xFF, 0x03, 0x28, 0x00), B(0x01, 0x08, 0x00, 0x00, 0x04));
    RAW(B(0x10, 0x01, 0x00, 0xFF, 0xFF), B(0x01, 0x10, 0x00, 0x00, 0x04));
    RAW(B(0x06, 0x01, 0x00, 0xFF, 0xFF, 0x00), B(0x01, 0x06, 0x00, 0x00, 0x04));
    RAW(B(0x0E, H_A, 0x00), B(0x01, 0x0E, 0x00, 0x00, 0x04));
    RAW(B(0x0E, H_A, 0x00, H_B, 0x00, 0x01), B(0x01, 0x0E, 0x00, 0x00, 0x04));
    RAW(B(0x12, H_B), B(0x01, 0x12, 0x00, 0x00, 0x04));
    RAW(B(0x16, H_B, 0x00, 0x00), B(0x01, 0x16, 0x00, 0x00, 0x04));
    RAW(B(0x18), B(0x01, 0x18, 0x00, 0x00, 0x04));
    RAW(B(0x18, 0x02), B(0x01, 0x18, 0x00, 0x00, 0x04));
    // a PDU longer than ATT_MTU (24 bytes at 23)
    RAW(B(0x12, H_B, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21),
        B(0x01, 0x12, 0x00, 0x00, 0x04));
    // handles
    RAW(B(0x0A, 0x00, 0x00), B(0x01, 0x0A, 0x00, 0x00, 0x01));
    RAW(B(0x0A, 0xFF, 0x00), B(0x01, 0x0A, 0xFF, 0x00, 0x01));
    RAW(B(0x12, 0x34, 0x12, 0x00), B(0x01, 0x12, 0x34, 0x12, 0x01));
    RAW(B(0x16, 0x34, 0x12, 0x00, 0x00), B(0x01, 0x16, 0x34, 0x12, 0x01));
    RAW(B(0x04, 0x00, 0x00, 0xFF, 0xFF), B(0x01, 0x04, 0x00, 0x00, 0x01));
    RAW(B(0x04, 0x05, 0x00, 0x03, 0x00), B(0x01, 0x04, 0x05, 0x00, 0x01));
    RAW(B(0x08, 0x05, 0x00, 0x03, 0x00, 0x03, 0x28), B(0x01, 0x08, 0x05, 0x00, 0x01));
    RAW(B(0x10, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x28), B(0x01, 0x10, 0x00, 0x00, 0x01));
    RAW(B(0x06, 0x09, 0x00, 0x01, 0x00, 0x00, 0x28), B(0x01, 0x06, 0x09, 0x00, 0x01));
    RAW(B(0x0E, H_A, 0x00, 0x99, 0x00), B(0x01, 0x0E, 0x99, 0x00, 0x01));
    // nothing there
    RAW(B(0x04, 0x00, 0x01, 0xFF, 0xFF), B(0x01, 0x04, 0x00, 0x01, 0x0A));
    RAW(B(0x08, 0x01, 0x00, 0xFF, 0xFF, 0x99, 0x99), B(0x01, 0x08, 0x01, 0x00, 0x0A));
    RAW(B(0x10, 0x02, 0x00, 0x0A, 0x00, 0x00, 0x28), B(0x01, 0x10, 0x02, 0x00, 0x0A));
    RAW(B(0x06, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28, 0x0F, 0x18), B(0x01, 0x06, 0x01, 0x00, 0x0A));
    // group types other than services
    RAW(B(0x10, 0x01, 0x00, 0xFF, 0xFF, 0x03, 0x28), B(0x01, 0x10, 0x01, 0x00, 0x10));
    RAW(B(0x10, 0x01, 0x00, 0xFF, 0xFF, 0x01, 0x28), B(0x01, 0x10, 0x01, 0x00, 0x0A));
    // unsupported requests; commands never answered
    RAW(B(0x20, H_A, 0x00, H_B, 0x00), B(0x01, 0x20, 0x00, 0x00, 0x06));
    RAW(B(0x3F), B(0x01, 0x3F, 0x00, 0x00, 0x06));
    RAW(B(0x14, 0x00), B(0x01, 0x14, 0x00, 0x00, 0x06));
    RAW_NONE(B(0x7F, 0x01));
    RAW_NONE(B(0xD2, H_B, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
    RAW_NONE(B(0x52, 0x99, 0x00, 0x01)); // bad handle, but a command
    RAW_NONE(B(0x52));
    // responses and notifications sent to a server are not requests
    RAW_NONE(B(0x0B, 0x01));
    RAW_NONE(B(0x01, 0x0A, 0x03, 0x00, 0x01));
    RAW_NONE(B(0x1B, H_A, 0x00, 0x01));
    // a Handle Value Confirmation is no request, even malformed (found by fuzz_att)
    RAW_NONE(B(0x1E, 0x00));
    RAW_NONE(B(0x1E, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
               22, 23));
    // offsets and lengths
    RAW(B(0x0C, H_A, 0x00, 0x04, 0x00), B(0x01, 0x0C, H_A, 0x00, 0x07));
    RAW(B(0x0C, H_A, 0x00, 0x03, 0x00), B(0x0D));
    RAW(B(0x0C, H_A, 0x00, 0x01, 0x00), B(0x0D, 0xBB, 0xCC));
    RAW(B(0x12, H_B, 0x00, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19),
        B(0x13));
    RAW(B(0x12, H_A_CCCD, 0x00, 0x01), B(0x01, 0x12, H_A_CCCD, 0x00, 0x0D));
    RAW(B(0x12, H_A_CCCD, 0x00, 0x02, 0x00), B(0x01, 0x12, H_A_CCCD, 0x00, 0xFD));
    RAW(B(0x12, H_A_CCCD, 0x00, 0x04, 0x00), B(0x01, 0x12, H_A_CCCD, 0x00, 0x13));
    RAW(B(0x12, 0x02, 0x00, 0x00), B(0x01, 0x12, 0x02, 0x00, 0x03)); // a declaration
    RAW(B(0x16, H_A_CCCD, 0x00, 0x00, 0x00, 0x01), B(0x01, 0x16, H_A_CCCD, 0x00, 0x03));
    // the 21-byte value (over B's 20-byte buffer) needs a longer MTU
    gatts_conn_set_mtu(&srv, CONN, 100);
    RAW(B(0x12, H_B, 0x00, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
          20),
        B(0x01, 0x12, H_B, 0x00, 0x0D));
    gatts_conn_set_mtu(&srv, CONN, 23);
    // unknown connection: dropped
    static const uint8_t rd[] = {0x0A, H_A, 0x00};
    CHECK(att_server_rx(&srv, 77, rd, 3) == -ENOTCONN);
}

// Responses built by hand: the formats of Part F 3.4, and truncation at the MTU.
static void test_responses(void) {
    setup(23);
    static const uint8_t v[] = {0xAA, 0xBB, 0xCC};
    gatts_write(&srv, H_A, v, 3, false);
    gatts_write(&srv, H_B, v, 2, false);
    // Find Information: the 16-bit run, then the 128-bit one alone
    RAW(B(0x04, 0x01, 0x00, 0xFF, 0xFF),
        B(0x05, 0x01, 0x01, 0x00, 0x00, 0x28, 0x02, 0x00, 0x03, 0x28, 0x03, 0x00, 0x37, 0x2A, 0x04,
          0x00, 0x02, 0x29, 0x05, 0x00, 0x03, 0x28));
    RAW(B(0x04, 0x06, 0x00, 0x06, 0x00),
        B(0x05, 0x02, 0x06, 0x00, 0x9e, 0xca, 0xdc, 0x24, 0x0e, 0xe5, 0xa9, 0xe0, 0x93, 0xf3, 0xa3,
          0xb5, 0x02, 0x00, 0x40, 0x6e));
    // Find By Type Value: service 0x180D -> 1..10
    RAW(B(0x06, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28, 0x0D, 0x18), B(0x07, 0x01, 0x00, 0x0A, 0x00));
    // Read By Type of characteristic declarations: three 16-bit ones fit... A and then B differs
    RAW(B(0x08, 0x01, 0x00, 0x0A, 0x00, 0x03, 0x28),
        B(0x09, 0x07, 0x02, 0x00, 0x12, 0x03, 0x00, 0x37, 0x2A));
    // Read By Type of the value type 0x2A37: the value itself (the event's notify refused)
    notify_in_read = 1;
    RAW(B(0x08, 0x01, 0x00, 0xFF, 0xFF, 0x37, 0x2A), B(0x09, 0x05, 0x03, 0x00, 0xAA, 0xBB, 0xCC));
    CHECK(sfind(GATTS_EV_READ_REQUEST, 0) != NULL);
    notify_in_read = 0;
    // Read By Type whose first match is unreadable: its error, with its handle
    RAW(B(0x08, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x2A), B(0x01, 0x08, H_E, 0x00, 0x02));
    // Read By Group Type: 16-bit services; the 128-bit one comes alone
    RAW(B(0x10, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28),
        B(0x11, 0x06, 0x01, 0x00, 0x0A, 0x00, 0x0D, 0x18));
    RAW(B(0x10, 0x14, 0x00, 0xFF, 0xFF, 0x00, 0x28),
        B(0x11, 0x06, 0x14, 0x00, 0x16, 0x00, 0x01, 0x18));
    // Read Multiple: values concatenated; cut at ATT_MTU - 1
    RAW(B(0x0E, H_A, 0x00, H_B, 0x00), B(0x0F, 0xAA, 0xBB, 0xCC, 0xAA, 0xBB));
    RAW(B(0x0E, H_A, 0x00, H_E, 0x00), B(0x01, 0x0E, H_E, 0x00, 0x02));
    uint8_t big[40];
    memset(big, 0x33, sizeof big);
    gatts_set_buffer(&srv, H_B, 40, false);
    gatts_write(&srv, H_B, big, 40, false);
    att_server_rx(&srv, CONN, (const uint8_t[]){0x0E, H_A, 0x00, H_B, 0x00}, 5);
    CHECK(srv_last_len == 23 && srv_last[0] == 0x0F && srv_last[4] == 0x33);
    att_server_rx(&srv, CONN, (const uint8_t[]){0x0A, H_B, 0x00}, 3);
    CHECK(srv_last_len == 23 && srv_last[0] == 0x0B);
    for (uint16_t l = 22; l <= 26; l++) { // around the cut: ATT_MTU - 1 bytes of value at most
        gatts_write(&srv, H_B, big, l, false);
        att_server_rx(&srv, CONN, (const uint8_t[]){0x0A, H_B, 0x00}, 3);
        CHECK_MSG(srv_last_len == (l < 22 ? l + 1 : 23), "value %u: %u bytes", l, srv_last_len);
    }
    // Read By Type with a long value: cut to ATT_MTU - 4
    att_server_rx(&srv, CONN, (const uint8_t[]){0x08, H_B,  0x00, H_B,  0x00, 0x9e, 0xca,
                                                0xdc, 0x24, 0x0e, 0xe5, 0xa9, 0xe0, 0x93,
                                                0xf3, 0xa3, 0xb5, 0x02, 0x00, 0x40, 0x6e},
                  21);
    CHECK(srv_last_len == 23 && srv_last[0] == 0x09 && srv_last[1] == 21);
    qh = qt;
}

static void test_prepare_queue(void) {
    setup(23);
    // entries: contiguous parts merge, others take a new entry; past BLE_CFG_PREP_ENTRIES full
    RAW(B(0x16, H_F, 0x00, 0x00, 0x00, 1, 2), B(0x17, H_F, 0x00, 0x00, 0x00, 1, 2));
    RAW(B(0x16, H_F, 0x00, 0x02, 0x00, 3, 4), B(0x17, H_F, 0x00, 0x02, 0x00, 3, 4));
    CHECK(srv.conns[0].n_prep == 1);
    RAW(B(0x16, H_B, 0x00, 0x00, 0x00, 9), B(0x17, H_B, 0x00, 0x00, 0x00, 9));
    RAW(B(0x16, H_F, 0x00, 0x04, 0x00, 5), B(0x17, H_F, 0x00, 0x04, 0x00, 5));
    RAW(B(0x16, H_B, 0x00, 0x01, 0x00, 8), B(0x17, H_B, 0x00, 0x01, 0x00, 8));
    CHECK(srv.conns[0].n_prep == BLE_CFG_PREP_ENTRIES);
    RAW(B(0x16, H_F, 0x00, 0x09, 0x00, 5), B(0x01, 0x16, H_F, 0x00, 0x09));
    RAW(B(0x18, 0x01), B(0x19));
    const uint8_t *p;
    CHECK(gatts_read(&srv, H_F, &p) == 5 && memcmp(p, "\1\2\3\4\5", 5) == 0);
    CHECK(gatts_read(&srv, H_B, &p) == 2 && p[0] == 9 && p[1] == 8);
    struct srec *s = sfind(GATTS_EV_WRITE, 0);
    CHECK(s && s->ev.handle == H_F && s->ev.len == 4);
    // cancel drops the queue
    RAW(B(0x16, H_F, 0x00, 0x00, 0x00, 7), B(0x17, H_F, 0x00, 0x00, 0x00, 7));
    RAW(B(0x18, 0x00), B(0x19));
    CHECK(gatts_read(&srv, H_F, &p) == 5 && p[0] == 1);
    // an offset past the value: Invalid Offset at execute, with the handle; nothing written
    RAW(B(0x16, H_B, 0x00, 0x00, 0x00, 6), B(0x17, H_B, 0x00, 0x00, 0x00, 6));
    RAW(B(0x16, H_F, 0x00, 0x09, 0x00, 5), B(0x17, H_F, 0x00, 0x09, 0x00, 5));
    RAW(B(0x18, 0x01), B(0x01, 0x18, H_F, 0x00, 0x07));
    CHECK(gatts_read(&srv, H_B, &p) == 2 && p[0] == 9);
    CHECK(srv.conns[0].n_prep == 0);
    // bytes: BLE_CFG_PREP_BYTES in 18-byte parts, then one more
    gatts_set_buffer(&srv, H_F, 512, false);
    uint8_t req[23] = {0x16, H_F, 0x00};
    unsigned off = 0;
    while (off + 18 <= BLE_CFG_PREP_BYTES) {
        att_put16(req + 3, (uint16_t)off);
        att_server_rx(&srv, CONN, req, 23);
        CHECK(srv_last[0] == 0x17);
        off += 18;
    }
    att_put16(req + 3, (uint16_t)off);
    att_server_rx(&srv, CONN, req, 23);
    static const uint8_t full[] = {0x01, 0x16, H_F, 0x00, 0x09};
    CHECK(srv_last_len == 5 && memcmp(srv_last, full, 5) == 0);
    RAW(B(0x18, 0x01), B(0x19));
    CHECK(gatts_read(&srv, H_F, &p) == (int)(off));
    qh = qt;
}

// Malformed and unexpected responses end a procedure with -EPROTO, or are ignored.
static void test_client_bad_responses(void) {
    setup(23);
    CHECK(gattc_discover_services(&cl, CONN, NULL) == 0);
    qh = qt;
    ncev = 0;
    static const uint8_t stray[] = {0x0B, 1, 2};
    gattc_rx(&cl, CONN, stray, 3); // not what was asked: ignored
    static const uint8_t err_other[] = {0x01, 0x0A, 0x01, 0x00, 0x0A};
    gattc_rx(&cl, CONN, err_other, 5);
    CHECK(ncev == 0);
    static const uint8_t bad[] = {0x11, 0x05, 1, 0, 2, 0, 3};
    gattc_rx(&cl, CONN, bad, sizeof bad);
    CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_SERVICE_DONE && cev[0].ev.status == -EPROTO);
    // a server going backwards
    ncev = 0;
    CHECK(gattc_discover_services(&cl, CONN, NULL) == 0);
    qh = qt;
    static const uint8_t r1[] = {0x11, 0x06, 0x05, 0x00, 0x08, 0x00, 0x0D, 0x18};
    gattc_rx(&cl, CONN, r1, sizeof r1);
    qh = qt;
    static const uint8_t r2[] = {0x11, 0x06, 0x02, 0x00, 0x03, 0x00, 0x0D, 0x18};
    gattc_rx(&cl, CONN, r2, sizeof r2);
    CHECK(ncev == 2 && cev[1].ev.type == GATTC_EV_SERVICE_DONE && cev[1].ev.status == -EPROTO);
    // a Prepare Write echo that differs: cancelled, then reported
    setup(23);
    uint8_t data[40] = {0};
    CHECK(gattc_write(&cl, CONN, H_F, data, 40, GATTC_WRITE_WITH_RESPONSE) == 0);
    qh = qt;
    static const uint8_t echo[] = {0x17, H_F, 0x00, 0x00, 0x00, 1};
    gattc_rx(&cl, CONN, echo, sizeof echo);
    CHECK(q[(qt - 1) % QN].b[0] == ATT_OP_EXEC_WRITE_REQ && q[(qt - 1) % QN].b[1] == 0);
    qh = qt;
    CHECK(ncev == 0);
    static const uint8_t exec_rsp[] = {0x19};
    gattc_rx(&cl, CONN, exec_rsp, 1);
    CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_WRITE_DONE && cev[0].ev.status == -EPROTO);
    // notifications too short are dropped; indications are confirmed
    ncev = cl_sent = 0;
    static const uint8_t n1[] = {0x1B, 0x03};
    gattc_rx(&cl, CONN, n1, 2);
    static const uint8_t i1[] = {0x1D, 0x03, 0x00};
    gattc_rx(&cl, CONN, i1, 3);
    CHECK(ncev == 1 && cev[0].ev.type == GATTC_EV_INDICATE && cev[0].ev.len == 0 && cl_sent == 1 &&
          q[(qt - 1) % QN].b[0] == ATT_OP_CONFIRM);
    qh = qt;
}

static void test_connections(void) {
    setup(23);
    CHECK(gatts_conn_add(&srv, CONN, GATTS_SEC_NONE) == -EEXIST);
    for (uint16_t i = 1; i < BLE_CFG_MAX_CONN; i++) {
        CHECK(gatts_conn_add(&srv, i, GATTS_SEC_NONE) == 0 && gattc_conn_add(&cl, i) == 0);
    }
    CHECK(gatts_conn_add(&srv, 100, GATTS_SEC_NONE) == -ENOMEM);
    CHECK(gattc_conn_add(&cl, 100) == -ENOMEM);
    // CCCDs are per connection
    CHECK(gatts_cccd_set(&srv, 1, H_A_CCCD, 1) == 0);
    CHECK(gatts_cccd_get(&srv, 1, H_A_CCCD) == 1 && gatts_cccd_get(&srv, CONN, H_A_CCCD) == 0);
    CHECK(gatts_conn_remove(&srv, 1) == 0 && gatts_conn_remove(&srv, 1) == -ENOTCONN);
    CHECK(gatts_conn_add(&srv, 1, GATTS_SEC_NONE) == 0 && gatts_cccd_get(&srv, 1, H_A_CCCD) == 0);
    CHECK(gatts_cccd_get(&srv, 55, H_A_CCCD) == -ENOTCONN);
    CHECK(gatts_conn_mtu(&srv, 55) == 0 && gattc_conn_mtu(&cl, 55) == 0);
}

int main(void) {
    static const check_test tests[] = {
        {"uuid", test_uuid},
        {"register", test_register},
        {"mtu", test_mtu},
        {"discover_services", test_discover_services},
        {"discover_characteristics", test_discover_characteristics},
        {"discover_descriptors", test_discover_descriptors},
        {"read", test_read},
        {"write", test_write},
        {"append", test_append},
        {"notify", test_notify},
        {"indicate", test_indicate},
        {"timer_wraps", test_timer_wraps},
        {"client_timeout", test_client_timeout},
        {"permissions", test_permissions},
        {"malformed", test_malformed},
        {"responses", test_responses},
        {"prepare_queue", test_prepare_queue},
        {"client_bad_responses", test_client_bad_responses},
        {"connections", test_connections},
    };
    return check_run("att", tests, sizeof tests / sizeof tests[0]);
}
