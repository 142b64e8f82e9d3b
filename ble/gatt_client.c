// ble/gatt_client.c: the GATT client procedures (Core Spec v5.x Vol 3 Part G 4.3-4.11) as
// small state machines driven by responses. Invariants: at most one request outstanding per
// connection (ATT is sequential), c->req names it; a response that does not answer it is
// dropped; every procedure that started ends with exactly one *_DONE (or MTU) event. Discovery
// only moves forward through the handle space, so a hostile server cannot make it loop.
#include "ble/gatt_client.h"

#include <errno.h>
#include <string.h>

enum { P_NONE, P_MTU, P_SVC_ALL, P_SVC_UUID, P_CHR, P_DSC, P_READ, P_WRITE, P_WRITE_LONG };

static struct gattc_conn *conn_find(struct gattc *cl, uint16_t conn) {
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        if (cl->conns[i].used && cl->conns[i].conn == conn) {
            return &cl->conns[i];
        }
    }
    return NULL;
}

static void emit(struct gattc *cl, struct gattc_event *ev) {
    if (cl->event) {
        cl->event(cl->ctx, ev);
    }
}

void gattc_init(struct gattc *cl, att_send_fn send, gattc_event_fn event, void *ctx) {
    memset(cl, 0, sizeof *cl);
    cl->send = send;
    cl->event = event;
    cl->ctx = ctx;
    cl->mtu_max = BLE_CFG_ATT_MTU_MAX;
}

static uint16_t clamp_mtu(const struct gattc *cl, uint16_t mtu) {
    return mtu < ATT_MTU_DEFAULT ? ATT_MTU_DEFAULT : mtu > cl->mtu_max ? cl->mtu_max : mtu;
}

// Ends the running procedure with its completion event.
static void finish(struct gattc *cl, struct gattc_conn *c, int status) {
    static const uint8_t done[] = {
        [P_MTU] = GATTC_EV_MTU,
        [P_SVC_ALL] = GATTC_EV_SERVICE_DONE,
        [P_SVC_UUID] = GATTC_EV_SERVICE_DONE,
        [P_CHR] = GATTC_EV_CHARACTERISTIC_DONE,
        [P_DSC] = GATTC_EV_DESCRIPTOR_DONE,
        [P_READ] = GATTC_EV_READ_DONE,
        [P_WRITE] = GATTC_EV_WRITE_DONE,
        [P_WRITE_LONG] = GATTC_EV_WRITE_DONE,
    };
    struct gattc_event ev = {.type = done[c->proc],
                             .conn = c->conn,
                             .status = status,
                             .value_handle = c->handle,
                             .mtu = c->mtu};
    if (c->proc == P_CHR && c->chr_pending && status == 0) {
        // the last characteristic runs to the end of the range searched
        struct gattc_event r = {.type = GATTC_EV_CHARACTERISTIC_RESULT,
                                .conn = c->conn,
                                .def_handle = c->chr_def,
                                .value_handle = c->chr_value,
                                .end_handle = c->end,
                                .properties = c->chr_props,
                                .uuid = c->chr_uuid};
        emit(cl, &r);
    }
    c->proc = P_NONE;
    c->req = 0;
    c->chr_pending = 0;
    emit(cl, &ev);
}

// Sends the request built in cl->tx and waits for its answer.
static int send_req(struct gattc *cl, struct gattc_conn *c, uint16_t len) {
    int r = cl->send(cl->ctx, c->conn, cl->tx, len);
    if (r == 0) {
        c->req = cl->tx[0];
        c->deadline = cl->now_ms + BLE_CFG_ATT_TIMEOUT_MS;
    }
    return r;
}

// From inside a procedure: a failed send ends it.
static void next_req(struct gattc *cl, struct gattc_conn *c, uint16_t len) {
    int r = send_req(cl, c, len);
    if (r) {
        finish(cl, c, r);
    }
}

// ---- requests ----

static uint16_t build_range(struct gattc *cl, uint8_t op, uint16_t start, uint16_t end) {
    cl->tx[0] = op;
    att_put16(cl->tx + 1, start);
    att_put16(cl->tx + 3, end);
    return 5;
}

static uint16_t req_svc(struct gattc *cl, struct gattc_conn *c) {
    uint16_t n =
        build_range(cl, c->proc == P_SVC_ALL ? ATT_OP_READ_BY_GROUP_REQ : ATT_OP_FIND_BY_TYPE_REQ,
                    c->start, 0xFFFF);
    att_put16(cl->tx + n, ATT_UUID_PRIMARY_SERVICE);
    n += 2;
    if (c->proc == P_SVC_UUID) {
        memcpy(cl->tx + n, c->uuid.b, c->uuid.len);
        n += c->uuid.len;
    }
    return n;
}

static uint16_t req_chr(struct gattc *cl, struct gattc_conn *c) {
    uint16_t n = build_range(cl, ATT_OP_READ_BY_TYPE_REQ, c->start, c->end);
    att_put16(cl->tx + n, ATT_UUID_CHARACTERISTIC);
    return (uint16_t)(n + 2);
}

static uint16_t req_blob(struct gattc *cl, struct gattc_conn *c) {
    cl->tx[0] = ATT_OP_READ_BLOB_REQ;
    att_put16(cl->tx + 1, c->handle);
    att_put16(cl->tx + 3, c->off);
    return 5;
}

// The next Prepare Write of a long write (c->off bytes already queued).
static uint16_t req_prepare(struct gattc *cl, struct gattc_conn *c) {
    uint16_t chunk = (uint16_t)(c->len - c->off);
    if (chunk > c->mtu - 5) {
        chunk = (uint16_t)(c->mtu - 5);
    }
    cl->tx[0] = ATT_OP_PREP_WRITE_REQ;
    att_put16(cl->tx + 1, c->handle);
    att_put16(cl->tx + 3, c->off);
    memcpy(cl->tx + 5, c->buf + c->off, chunk);
    return (uint16_t)(5 + chunk);
}

static uint16_t req_execute(struct gattc *cl, uint8_t flags) {
    cl->tx[0] = ATT_OP_EXEC_WRITE_REQ;
    cl->tx[1] = flags;
    return 2;
}

// ---- procedures ----

// The checks every procedure starts with.
static struct gattc_conn *begin(struct gattc *cl, uint16_t conn, int *err) {
    struct gattc_conn *c = conn_find(cl, conn);
    *err = c == NULL ? -ENOTCONN : c->dead ? -EPIPE : c->proc ? -EBUSY : 0;
    return *err ? NULL : c;
}

// Starts procedure p with the request in cl->tx.
static int start(struct gattc *cl, struct gattc_conn *c, uint8_t p, uint16_t len) {
    c->proc = p;
    int r = send_req(cl, c, len);
    if (r) {
        c->proc = P_NONE;
    }
    return r;
}

int gattc_exchange_mtu(struct gattc *cl, uint16_t conn) {
    int err;
    struct gattc_conn *c = begin(cl, conn, &err);
    if (c == NULL) {
        return err;
    }
    cl->tx[0] = ATT_OP_MTU_REQ;
    att_put16(cl->tx + 1, cl->mtu_max);
    return start(cl, c, P_MTU, 3);
}

int gattc_discover_services(struct gattc *cl, uint16_t conn, const struct att_uuid *uuid) {
    int err;
    if (uuid && uuid->len != 2 && uuid->len != 16) {
        return -EINVAL;
    }
    struct gattc_conn *c = begin(cl, conn, &err);
    if (c == NULL) {
        return err;
    }
    c->start = 1;
    c->handle = 0;
    c->has_uuid = uuid != NULL;
    if (uuid) {
        c->uuid = att_uuid_short(uuid); // sent as the server stores it: shortest form
    }
    c->proc = uuid ? P_SVC_UUID : P_SVC_ALL;
    return start(cl, c, c->proc, req_svc(cl, c));
}

int gattc_discover_characteristics(struct gattc *cl, uint16_t conn, uint16_t start_h,
                                   uint16_t end_h, const struct att_uuid *uuid) {
    int err;
    if (start_h == 0 || start_h > end_h || (uuid && uuid->len != 2 && uuid->len != 16)) {
        return -EINVAL;
    }
    struct gattc_conn *c = begin(cl, conn, &err);
    if (c == NULL) {
        return err;
    }
    c->start = start_h;
    c->end = end_h;
    c->handle = 0;
    c->has_uuid = uuid != NULL;
    if (uuid) {
        c->uuid = *uuid;
    }
    c->chr_pending = 0;
    return start(cl, c, P_CHR, req_chr(cl, c));
}

int gattc_discover_descriptors(struct gattc *cl, uint16_t conn, uint16_t start_h, uint16_t end_h) {
    int err;
    if (start_h == 0 || start_h > end_h) {
        return -EINVAL;
    }
    struct gattc_conn *c = begin(cl, conn, &err);
    if (c == NULL) {
        return err;
    }
    c->start = start_h;
    c->end = end_h;
    c->handle = 0;
    return start(cl, c, P_DSC, build_range(cl, ATT_OP_FIND_INFO_REQ, start_h, end_h));
}

int gattc_read(struct gattc *cl, uint16_t conn, uint16_t handle) {
    int err;
    if (handle == 0) {
        return -EINVAL;
    }
    struct gattc_conn *c = begin(cl, conn, &err);
    if (c == NULL) {
        return err;
    }
    c->handle = handle;
    c->off = 0;
    cl->tx[0] = ATT_OP_READ_REQ;
    att_put16(cl->tx + 1, handle);
    return start(cl, c, P_READ, 3);
}

int gattc_write(struct gattc *cl, uint16_t conn, uint16_t handle, const uint8_t *data, uint16_t len,
                unsigned mode) {
    struct gattc_conn *c = conn_find(cl, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (handle == 0 || mode > GATTC_WRITE_WITH_RESPONSE || (len && data == NULL)) {
        return -EINVAL;
    }
    if (c->dead) {
        return -EPIPE;
    }
    if (mode == GATTC_WRITE_NO_RESPONSE) {
        // a command: no transaction, so it may go out while a procedure runs
        if (len > c->mtu - 3) {
            return -EINVAL;
        }
        cl->tx[0] = ATT_OP_WRITE_CMD;
        att_put16(cl->tx + 1, handle);
        memcpy(cl->tx + 3, data, len);
        return cl->send(cl->ctx, conn, cl->tx, (uint16_t)(3 + len));
    }
    if (c->proc) {
        return -EBUSY;
    }
    c->handle = handle;
    if (len <= c->mtu - 3) {
        cl->tx[0] = ATT_OP_WRITE_REQ;
        att_put16(cl->tx + 1, handle);
        memcpy(cl->tx + 3, data, len);
        return start(cl, c, P_WRITE, (uint16_t)(3 + len));
    }
    if (len > BLE_CFG_GATTC_BUF) {
        return -EINVAL;
    }
    memcpy(c->buf, data, len);
    c->len = len;
    c->off = 0;
    c->err = 0;
    return start(cl, c, P_WRITE_LONG, req_prepare(cl, c));
}

// ---- responses ----

static void on_services(struct gattc *cl, struct gattc_conn *c, const uint8_t *p, size_t n) {
    unsigned elen = c->proc == P_SVC_ALL ? (n >= 2 ? p[1] : 0) : 4;
    size_t first = c->proc == P_SVC_ALL ? 2 : 1;
    if (n <= first || (c->proc == P_SVC_ALL && elen != 6 && elen != 20) || (n - first) % elen) {
        finish(cl, c, -EPROTO);
        return;
    }
    uint16_t last = 0;
    for (size_t i = first; i < n; i += elen) {
        uint16_t s = att_get16(p + i), e = att_get16(p + i + 2);
        if (s < c->start || e < s) {
            finish(cl, c, -EPROTO); // backwards: a broken (or hostile) server
            return;
        }
        struct gattc_event ev = {
            .type = GATTC_EV_SERVICE_RESULT, .conn = c->conn, .start_handle = s, .end_handle = e};
        if (c->proc == P_SVC_ALL) {
            att_uuid_from_wire(&ev.uuid, p + i + 4, elen - 4);
        } else {
            ev.uuid = c->uuid;
        }
        emit(cl, &ev);
        last = e;
        c->start = (uint16_t)(e + 1);
    }
    if (last == 0xFFFF) {
        finish(cl, c, 0);
    } else {
        next_req(cl, c, req_svc(cl, c));
    }
}

static void on_characteristics(struct gattc *cl, struct gattc_conn *c, const uint8_t *p, size_t n) {
    unsigned elen = n >= 2 ? p[1] : 0;
    if (n <= 2 || (elen != 7 && elen != 21) || (n - 2) % elen) {
        finish(cl, c, -EPROTO);
        return;
    }
    uint16_t last = 0;
    for (size_t i = 2; i < n; i += elen) {
        uint16_t h = att_get16(p + i);
        if (h < c->start || h > c->end) {
            finish(cl, c, -EPROTO);
            return;
        }
        if (c->chr_pending) {
            struct gattc_event ev = {.type = GATTC_EV_CHARACTERISTIC_RESULT,
                                     .conn = c->conn,
                                     .def_handle = c->chr_def,
                                     .value_handle = c->chr_value,
                                     .end_handle = (uint16_t)(h - 1),
                                     .properties = c->chr_props,
                                     .uuid = c->chr_uuid};
            emit(cl, &ev);
            c->chr_pending = 0;
        }
        struct att_uuid u;
        att_uuid_from_wire(&u, p + i + 5, elen - 5);
        if (!c->has_uuid || att_uuid_eq(&u, &c->uuid)) {
            c->chr_pending = 1;
            c->chr_def = h;
            c->chr_props = p[i + 2];
            c->chr_value = att_get16(p + i + 3);
            c->chr_uuid = u;
        }
        last = h;
        c->start = (uint16_t)(h + 1);
    }
    if (last >= c->end) {
        finish(cl, c, 0);
    } else {
        next_req(cl, c, req_chr(cl, c));
    }
}

static void on_descriptors(struct gattc *cl, struct gattc_conn *c, const uint8_t *p, size_t n) {
    unsigned elen = n >= 2 ? (p[1] == ATT_FIND_INFO_FMT_16    ? 4
                              : p[1] == ATT_FIND_INFO_FMT_128 ? 18
                                                              : 0)
                           : 0;
    if (n <= 2 || elen == 0 || (n - 2) % elen) {
        finish(cl, c, -EPROTO);
        return;
    }
    uint16_t last = 0;
    for (size_t i = 2; i < n; i += elen) {
        uint16_t h = att_get16(p + i);
        if (h < c->start || h > c->end) {
            finish(cl, c, -EPROTO);
            return;
        }
        struct gattc_event ev = {.type = GATTC_EV_DESCRIPTOR_RESULT, .conn = c->conn, .handle = h};
        att_uuid_from_wire(&ev.uuid, p + i + 2, elen - 2);
        emit(cl, &ev);
        last = h;
        c->start = (uint16_t)(h + 1);
    }
    if (last >= c->end) {
        finish(cl, c, 0);
    } else {
        next_req(cl, c, build_range(cl, ATT_OP_FIND_INFO_REQ, c->start, c->end));
    }
}

static void read_done(struct gattc *cl, struct gattc_conn *c) {
    struct gattc_event ev = {.type = GATTC_EV_READ_RESULT,
                             .conn = c->conn,
                             .value_handle = c->handle,
                             .data = c->buf,
                             .len = c->off};
    emit(cl, &ev);
    finish(cl, c, 0);
}

static void on_read(struct gattc *cl, struct gattc_conn *c, const uint8_t *p, size_t n) {
    size_t got = n - 1;
    size_t room = BLE_CFG_GATTC_BUF - c->off;
    memcpy(c->buf + c->off, p + 1, got < room ? got : room);
    c->off = (uint16_t)(c->off + (got < room ? got : room));
    // a full response may mean more follows (Part G 4.8.3); stop when the buffer is full
    if (got == (size_t)c->mtu - 1 && got <= room && c->off < BLE_CFG_GATTC_BUF) {
        next_req(cl, c, req_blob(cl, c));
    } else {
        read_done(cl, c);
    }
}

static void on_prepare(struct gattc *cl, struct gattc_conn *c, const uint8_t *p, size_t n) {
    // the echo must be what was sent (Part G 4.9.5): rebuild the request and compare
    uint16_t sent = req_prepare(cl, c);
    if (n != sent || memcmp(p + 1, cl->tx + 1, sent - 1) != 0) {
        c->err = -EPROTO;
        next_req(cl, c, req_execute(cl, ATT_EXEC_WRITE_CANCEL));
        return;
    }
    c->off = (uint16_t)(c->off + sent - 5);
    if (c->off < c->len) {
        next_req(cl, c, req_prepare(cl, c));
    } else {
        next_req(cl, c, req_execute(cl, ATT_EXEC_WRITE_COMMIT));
    }
}

static void on_error(struct gattc *cl, struct gattc_conn *c, uint8_t req, uint8_t err) {
    switch (c->proc) {
    case P_SVC_ALL:
    case P_SVC_UUID:
    case P_CHR:
    case P_DSC:
        // discovery ends when nothing more is found
        finish(cl, c, err == ATT_ERR_ATTR_NOT_FOUND ? 0 : err);
        break;
    case P_READ:
        if (req == ATT_OP_READ_BLOB_REQ &&
            (err == ATT_ERR_ATTR_NOT_LONG || err == ATT_ERR_INVALID_OFFSET)) {
            read_done(cl, c); // the value ended exactly at a response's end
        } else {
            finish(cl, c, err);
        }
        break;
    case P_WRITE_LONG:
        if (req == ATT_OP_PREP_WRITE_REQ) {
            c->err = err; // drop what was queued, then report
            next_req(cl, c, req_execute(cl, ATT_EXEC_WRITE_CANCEL));
        } else {
            finish(cl, c, c->err ? c->err : err);
        }
        break;
    default: finish(cl, c, err); break;
    }
}

int gattc_rx(struct gattc *cl, uint16_t conn, const uint8_t *pdu, size_t len) {
    struct gattc_conn *c = conn_find(cl, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (len == 0 || c->dead) {
        return 0;
    }
    uint8_t op = pdu[0];
    if (op == ATT_OP_NOTIFY || op == ATT_OP_INDICATE) {
        if (len < 3) {
            return 0; // malformed: dropped (and an indication left unconfirmed)
        }
        if (op == ATT_OP_INDICATE) {
            uint8_t cfm = ATT_OP_CONFIRM;
            cl->send(cl->ctx, conn, &cfm, 1);
        }
        struct gattc_event ev = {.type = op == ATT_OP_NOTIFY ? GATTC_EV_NOTIFY : GATTC_EV_INDICATE,
                                 .conn = conn,
                                 .value_handle = att_get16(pdu + 1),
                                 .data = pdu + 3,
                                 .len = (uint16_t)(len - 3)};
        emit(cl, &ev);
        return 0;
    }
    if (c->req == 0) {
        return 0; // nothing asked: an unexpected response is ignored
    }
    if (op == ATT_OP_ERROR_RSP) {
        if (len != ATT_ERROR_RSP_LEN || pdu[1] != c->req) {
            return 0; // not about the outstanding request
        }
        uint8_t err = pdu[4] ? pdu[4] : ATT_ERR_UNLIKELY; // 0 is no error code
        uint8_t req = c->req;
        c->req = 0;
        on_error(cl, c, req, err);
        return 0;
    }
    if (op != c->req + 1) {
        return 0;
    }
    c->req = 0;
    switch (op) {
    case ATT_OP_MTU_RSP:
        if (len != 3) {
            finish(cl, c, -EPROTO);
        } else {
            c->mtu = clamp_mtu(cl, att_get16(pdu + 1)); // min(theirs, ours), at least 23
            finish(cl, c, 0);
        }
        break;
    case ATT_OP_READ_BY_GROUP_RSP:
    case ATT_OP_FIND_BY_TYPE_RSP: on_services(cl, c, pdu, len); break;
    case ATT_OP_READ_BY_TYPE_RSP: on_characteristics(cl, c, pdu, len); break;
    case ATT_OP_FIND_INFO_RSP: on_descriptors(cl, c, pdu, len); break;
    case ATT_OP_READ_RSP:
    case ATT_OP_READ_BLOB_RSP: on_read(cl, c, pdu, len); break;
    case ATT_OP_WRITE_RSP: finish(cl, c, len == 1 ? 0 : -EPROTO); break;
    case ATT_OP_PREP_WRITE_RSP: on_prepare(cl, c, pdu, len); break;
    case ATT_OP_EXEC_WRITE_RSP: finish(cl, c, c->err ? c->err : len == 1 ? 0 : -EPROTO); break;
    default: finish(cl, c, -EPROTO); break;
    }
    return 0;
}

void gattc_tick(struct gattc *cl, uint32_t now_ms) {
    cl->now_ms = now_ms;
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        struct gattc_conn *c = &cl->conns[i];
        if (c->used && c->req && (int32_t)(now_ms - c->deadline) >= 0) {
            c->dead = 1; // Part F 3.3.3: no more requests on this bearer
            finish(cl, c, -ETIMEDOUT);
        }
    }
}

// ---- connections ----

int gattc_conn_add(struct gattc *cl, uint16_t conn) {
    if (conn_find(cl, conn)) {
        return -EEXIST;
    }
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        struct gattc_conn *c = &cl->conns[i];
        if (!c->used) {
            memset(c, 0, sizeof *c);
            c->used = 1;
            c->conn = conn;
            c->mtu = ATT_MTU_DEFAULT;
            return 0;
        }
    }
    return -ENOMEM;
}

int gattc_conn_remove(struct gattc *cl, uint16_t conn) {
    struct gattc_conn *c = conn_find(cl, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (c->proc) {
        c->chr_pending = 0;
        finish(cl, c, -ENOTCONN);
    }
    c->used = 0;
    return 0;
}

int gattc_conn_set_mtu(struct gattc *cl, uint16_t conn, uint16_t mtu) {
    struct gattc_conn *c = conn_find(cl, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    c->mtu = clamp_mtu(cl, mtu);
    return 0;
}

uint16_t gattc_conn_mtu(const struct gattc *cl, uint16_t conn) {
    const struct gattc_conn *c = conn_find((struct gattc *)cl, conn);
    return c ? c->mtu : 0;
}
