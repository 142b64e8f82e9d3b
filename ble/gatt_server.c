// ble/gatt_server.c: the GATT server's database and its ATT request handlers (Core Spec v5.x
// Vol 3 Part F 3.4, Part G 3-4). Handle h is attrs[h - 1]; declarations' values are built on
// the fly from the attributes that follow them, CCCD values live per connection. Invariants:
// every response is built in srv->tx and is at most the connection's ATT_MTU; a request gets
// exactly one response or Error Response, a command none. No allocation, no recursion.
#include "ble/gatt_server.h"

#include <errno.h>
#include <string.h>

#define NO_SLOT 0xFFu

static struct gatts_conn *conn_find(struct gatts *srv, uint16_t conn) {
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        if (srv->conns[i].used && srv->conns[i].conn == conn) {
            return &srv->conns[i];
        }
    }
    return NULL;
}

static struct gatts_attr *attr_at(struct gatts *srv, uint16_t handle) {
    return handle >= 1 && handle <= srv->n_attrs ? &srv->attrs[handle - 1] : NULL;
}

static bool has_buffer(const struct gatts_attr *a) {
    return a->kind == GATTS_K_VALUE || a->kind == GATTS_K_DSC;
}

static int emit(struct gatts *srv, struct gatts_event *ev) {
    return srv->event ? srv->event(srv->ctx, ev) : 0;
}

static int send_pdu(struct gatts *srv, struct gatts_conn *c, uint16_t len) {
    if (c->dead) {
        return -EPIPE;
    }
    return srv->send(srv->ctx, c->conn, srv->tx, len);
}

static int send_error(struct gatts *srv, struct gatts_conn *c, uint8_t op, uint16_t handle,
                      uint8_t err) {
    srv->tx[0] = ATT_OP_ERROR_RSP;
    srv->tx[1] = op;
    att_put16(srv->tx + 2, handle);
    srv->tx[4] = err;
    return send_pdu(srv, c, ATT_ERROR_RSP_LEN);
}

void gatts_init(struct gatts *srv, uint8_t *pool, size_t pool_size, att_send_fn send,
                gatts_event_fn event, void *ctx) {
    memset(srv, 0, sizeof *srv);
    srv->pool = pool;
    srv->pool_size = pool_size;
    srv->send = send;
    srv->event = event;
    srv->ctx = ctx;
    srv->mtu_max = BLE_CFG_ATT_MTU_MAX;
}

// ---- database ----

static struct gatts_attr *attr_new(struct gatts *srv, uint8_t kind, const struct att_uuid *u,
                                   uint16_t flags) {
    if (srv->n_attrs >= BLE_CFG_MAX_ATTRS) {
        return NULL;
    }
    struct gatts_attr *a = &srv->attrs[srv->n_attrs++];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->uuid = att_uuid_short(u);
    a->flags = flags;
    a->slot = NO_SLOT;
    if (kind == GATTS_K_VALUE || kind == GATTS_K_DSC) {
        if (srv->pool_size - srv->pool_used < BLE_CFG_VALUE_DEFAULT) {
            return NULL;
        }
        a->buf = srv->pool + srv->pool_used;
        a->cap = BLE_CFG_VALUE_DEFAULT;
        srv->pool_used += BLE_CFG_VALUE_DEFAULT;
    }
    return a;
}

static bool uuid_ok(const struct att_uuid *u) {
    return u->len == 2 || u->len == 16;
}

int gatts_register_services(struct gatts *srv, const struct gatts_svc_def *svcs, size_t n,
                            uint16_t *handles, size_t n_handles) {
    srv->n_attrs = 0;
    srv->n_cccds = 0;
    srv->pool_used = 0;
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        struct gatts_conn *c = &srv->conns[i];
        memset(c->cccd, 0, sizeof c->cccd);
        c->n_prep = 0;
        c->prep_used = 0;
    }
    size_t out = 0;
    for (size_t s = 0; s < n; s++) {
        const struct gatts_svc_def *sd = &svcs[s];
        if (!uuid_ok(&sd->uuid)) {
            goto bad;
        }
        struct gatts_attr *svc = attr_new(srv, GATTS_K_SERVICE, &sd->uuid, 0);
        if (svc == NULL) {
            goto full;
        }
        for (unsigned k = 0; k < sd->n_chrs; k++) {
            const struct gatts_chr_def *cd = &sd->chrs[k];
            if (!uuid_ok(&cd->uuid)) {
                goto bad;
            }
            if (attr_new(srv, GATTS_K_CHR_DECL, &cd->uuid, cd->flags) == NULL) {
                goto full;
            }
            struct gatts_attr *val = attr_new(srv, GATTS_K_VALUE, &cd->uuid, cd->flags);
            if (val == NULL || out >= n_handles) {
                goto full;
            }
            handles[out++] = srv->n_attrs;
            if (cd->flags & (GATTS_F_NOTIFY | GATTS_F_INDICATE)) {
                struct att_uuid cu = att_uuid16(ATT_UUID_CCCD);
                if (srv->n_cccds >= BLE_CFG_MAX_CCCDS) {
                    goto full;
                }
                struct gatts_attr *cc =
                    attr_new(srv, GATTS_K_CCCD, &cu, GATTS_F_READ | GATTS_F_WRITE);
                if (cc == NULL) {
                    goto full;
                }
                cc->slot = val->slot = srv->n_cccds++;
            }
            for (unsigned d = 0; d < cd->n_dscs; d++) {
                if (!uuid_ok(&cd->dscs[d].uuid)) {
                    goto bad;
                }
                if (attr_new(srv, GATTS_K_DSC, &cd->dscs[d].uuid, cd->dscs[d].flags) == NULL ||
                    out >= n_handles) {
                    goto full;
                }
                handles[out++] = srv->n_attrs;
            }
        }
        svc->end = srv->n_attrs; // the group ends with this service's last attribute
    }
    return (int)out;
full:
    srv->n_attrs = 0;
    return -ENOMEM;
bad:
    srv->n_attrs = 0;
    return -EINVAL;
}

int gatts_set_buffer(struct gatts *srv, uint16_t handle, uint16_t len, bool append) {
    struct gatts_attr *a = attr_at(srv, handle);
    if (a == NULL || !has_buffer(a) || len > ATT_VALUE_MAX) {
        return -EINVAL;
    }
    if (a->buf + a->cap == srv->pool + srv->pool_used) {
        // the newest buffer: grow or shrink in place
        size_t base = (size_t)(a->buf - srv->pool);
        if (len > srv->pool_size - base) {
            return -ENOMEM;
        }
        srv->pool_used = base + len;
    } else if (len > a->cap) {
        if (len > srv->pool_size - srv->pool_used) {
            return -ENOMEM;
        }
        a->buf = srv->pool + srv->pool_used;
        srv->pool_used += len;
    }
    a->cap = len;
    a->len = 0;
    a->append = append;
    return 0;
}

int gatts_read(struct gatts *srv, uint16_t handle, const uint8_t **data) {
    struct gatts_attr *a = attr_at(srv, handle);
    if (a == NULL || !has_buffer(a)) {
        return -EINVAL;
    }
    *data = a->buf;
    int n = a->len;
    if (a->append) {
        a->len = 0; // the bytes stay in the buffer until the next write
    }
    return n;
}

// ---- notifications and indications ----

static int send_hv(struct gatts *srv, struct gatts_conn *c, uint8_t op, uint16_t handle,
                   const uint8_t *data, uint16_t len) {
    struct gatts_attr *a = attr_at(srv, handle);
    if (a == NULL || a->kind != GATTS_K_VALUE) {
        return -EINVAL;
    }
    if (c->dead) {
        return -EPIPE;
    }
    if (srv->asking) {
        return -EBUSY; // a response is being built in srv->tx
    }
    if (data == NULL) {
        data = a->buf;
        len = a->len;
    }
    if (len > c->mtu - 3) {
        len = (uint16_t)(c->mtu - 3);
    }
    srv->tx[0] = op;
    att_put16(srv->tx + 1, handle);
    memmove(srv->tx + 3, data, len); // data may be srv->tx itself (an event's callback)
    return send_pdu(srv, c, (uint16_t)(3 + len));
}

int gatts_notify(struct gatts *srv, uint16_t conn, uint16_t handle, const uint8_t *data,
                 uint16_t len) {
    struct gatts_conn *c = conn_find(srv, conn);
    return c ? send_hv(srv, c, ATT_OP_NOTIFY, handle, data, len) : -ENOTCONN;
}

static int indicate(struct gatts *srv, struct gatts_conn *c, uint16_t handle, const uint8_t *data,
                    uint16_t len) {
    if (c->ind_pending) {
        return -EBUSY;
    }
    int r = send_hv(srv, c, ATT_OP_INDICATE, handle, data, len);
    if (r == 0) {
        c->ind_pending = 1;
        c->ind_handle = handle;
        c->ind_deadline = srv->now_ms + BLE_CFG_ATT_TIMEOUT_MS;
    }
    return r;
}

int gatts_indicate(struct gatts *srv, uint16_t conn, uint16_t handle, const uint8_t *data,
                   uint16_t len) {
    struct gatts_conn *c = conn_find(srv, conn);
    return c ? indicate(srv, c, handle, data, len) : -ENOTCONN;
}

int gatts_write(struct gatts *srv, uint16_t handle, const uint8_t *data, uint16_t len,
                bool send_update) {
    struct gatts_attr *a = attr_at(srv, handle);
    if (a == NULL || !has_buffer(a)) {
        return -EINVAL;
    }
    if (len > a->cap) {
        len = a->cap;
    }
    memmove(a->buf, data, len);
    a->len = len;
    if (send_update && a->slot != NO_SLOT) {
        for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
            struct gatts_conn *c = &srv->conns[i];
            if (!c->used) {
                continue;
            }
            uint8_t cfg = c->cccd[a->slot];
            if ((cfg & ATT_CCCD_NOTIFY) && (a->flags & GATTS_F_NOTIFY)) {
                send_hv(srv, c, ATT_OP_NOTIFY, handle, NULL, 0);
            } else if ((cfg & ATT_CCCD_INDICATE) && (a->flags & GATTS_F_INDICATE)) {
                indicate(srv, c, handle, NULL, 0);
            }
        }
    }
    return len;
}

void gatts_tick(struct gatts *srv, uint32_t now_ms) {
    srv->now_ms = now_ms;
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        struct gatts_conn *c = &srv->conns[i];
        if (c->used && c->ind_pending && (int32_t)(now_ms - c->ind_deadline) >= 0) {
            c->ind_pending = 0;
            c->dead = 1; // Part F 3.3.3: no more PDUs on this bearer
            struct gatts_event ev = {.type = GATTS_EV_INDICATE_DONE,
                                     .conn = c->conn,
                                     .handle = c->ind_handle,
                                     .status = -ETIMEDOUT};
            emit(srv, &ev);
        }
    }
}

// ---- connections ----

int gatts_conn_add(struct gatts *srv, uint16_t conn, uint8_t sec) {
    if (conn_find(srv, conn)) {
        return -EEXIST;
    }
    for (unsigned i = 0; i < BLE_CFG_MAX_CONN; i++) {
        struct gatts_conn *c = &srv->conns[i];
        if (!c->used) {
            memset(c, 0, sizeof *c);
            c->used = 1;
            c->conn = conn;
            c->mtu = ATT_MTU_DEFAULT;
            c->sec = sec;
            return 0;
        }
    }
    return -ENOMEM;
}

int gatts_conn_remove(struct gatts *srv, uint16_t conn) {
    struct gatts_conn *c = conn_find(srv, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    c->used = 0;
    return 0;
}

int gatts_conn_set_security(struct gatts *srv, uint16_t conn, uint8_t sec) {
    struct gatts_conn *c = conn_find(srv, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    c->sec = sec;
    return 0;
}

static uint16_t clamp_mtu(const struct gatts *srv, uint16_t mtu) {
    return mtu < ATT_MTU_DEFAULT ? ATT_MTU_DEFAULT : mtu > srv->mtu_max ? srv->mtu_max : mtu;
}

int gatts_conn_set_mtu(struct gatts *srv, uint16_t conn, uint16_t mtu) {
    struct gatts_conn *c = conn_find(srv, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    c->mtu = clamp_mtu(srv, mtu);
    return 0;
}

uint16_t gatts_conn_mtu(const struct gatts *srv, uint16_t conn) {
    struct gatts_conn *c = conn_find((struct gatts *)srv, conn);
    return c ? c->mtu : 0;
}

int gatts_cccd_set(struct gatts *srv, uint16_t conn, uint16_t cccd_handle, uint16_t value) {
    struct gatts_conn *c = conn_find(srv, conn);
    struct gatts_attr *a = attr_at(srv, cccd_handle);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (a == NULL || a->kind != GATTS_K_CCCD) {
        return -EINVAL;
    }
    c->cccd[a->slot] = (uint8_t)(value & (ATT_CCCD_NOTIFY | ATT_CCCD_INDICATE));
    return 0;
}

int gatts_cccd_get(const struct gatts *srv, uint16_t conn, uint16_t cccd_handle) {
    struct gatts *s = (struct gatts *)srv;
    struct gatts_conn *c = conn_find(s, conn);
    struct gatts_attr *a = attr_at(s, cccd_handle);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (a == NULL || a->kind != GATTS_K_CCCD) {
        return -EINVAL;
    }
    return c->cccd[a->slot];
}

// ---- attribute access ----

// The attribute type of handle h (its 16- or 128-bit UUID).
static struct att_uuid attr_type(const struct gatts_attr *a) {
    switch (a->kind) {
    case GATTS_K_SERVICE: return att_uuid16(ATT_UUID_PRIMARY_SERVICE);
    case GATTS_K_CHR_DECL: return att_uuid16(ATT_UUID_CHARACTERISTIC);
    default: return a->uuid; // values: the characteristic UUID; CCCD 0x2902; descriptors theirs
    }
}

// The value of attribute h as conn sees it: a pointer to it (into the database, or into
// scratch for generated values: at least 19 bytes) and its length.
static uint16_t attr_value(struct gatts *srv, struct gatts_conn *c, uint16_t h, const uint8_t **p,
                           uint8_t *scratch) {
    struct gatts_attr *a = &srv->attrs[h - 1];
    switch (a->kind) {
    case GATTS_K_SERVICE: *p = a->uuid.b; return a->uuid.len;
    case GATTS_K_CHR_DECL:
        // properties:1 | value handle:2 | UUID:2|16
        scratch[0] = (uint8_t)(a->flags & 0x7F);
        att_put16(scratch + 1, (uint16_t)(h + 1));
        memcpy(scratch + 3, a->uuid.b, a->uuid.len);
        *p = scratch;
        return (uint16_t)(3 + a->uuid.len);
    case GATTS_K_CCCD:
        att_put16(scratch, c->cccd[a->slot]);
        *p = scratch;
        return 2;
    default: *p = a->buf; return a->len;
    }
}

// Whether conn may read attribute h: 0 or the ATT error. Asks the upper layer last (values and
// descriptors only), so a refusal there comes after the protocol's own checks.
static uint8_t check_read(struct gatts *srv, struct gatts_conn *c, uint16_t h) {
    struct gatts_attr *a = &srv->attrs[h - 1];
    if (a->kind == GATTS_K_SERVICE || a->kind == GATTS_K_CHR_DECL || a->kind == GATTS_K_CCCD) {
        return 0;
    }
    if (!(a->flags & GATTS_F_READ)) {
        return ATT_ERR_READ_NOT_PERMITTED;
    }
    if ((a->flags & GATTS_F_READ_AUTHENTICATED) && c->sec < GATTS_SEC_AUTHENTICATED) {
        return ATT_ERR_INSUFFICIENT_AUTHEN;
    }
    if ((a->flags & GATTS_F_READ_ENCRYPTED) && c->sec < GATTS_SEC_ENCRYPTED) {
        return ATT_ERR_INSUFFICIENT_ENC;
    }
    struct gatts_event ev = {.type = GATTS_EV_READ_REQUEST, .conn = c->conn, .handle = h};
    srv->asking = 1;
    int r = emit(srv, &ev);
    srv->asking = 0;
    return r == 0 ? 0 : (uint8_t)(r > 0 && r <= 0xFF ? r : ATT_ERR_READ_NOT_PERMITTED);
}

// Whether conn may write attribute h (before length and offset checks): 0 or the ATT error.
static uint8_t check_write(struct gatts *srv, struct gatts_conn *c, uint16_t h, bool cmd) {
    struct gatts_attr *a = &srv->attrs[h - 1];
    if (a->kind == GATTS_K_CCCD) {
        return 0;
    }
    uint16_t need = cmd ? GATTS_F_WRITE_NO_RESPONSE : GATTS_F_WRITE;
    if (a->kind == GATTS_K_DSC) {
        need = GATTS_F_WRITE | GATTS_F_WRITE_NO_RESPONSE; // descriptors: either flag
    }
    if (!has_buffer(a) || !(a->flags & need)) {
        return ATT_ERR_WRITE_NOT_PERMITTED;
    }
    if ((a->flags & GATTS_F_WRITE_AUTHENTICATED) && c->sec < GATTS_SEC_AUTHENTICATED) {
        return ATT_ERR_INSUFFICIENT_AUTHEN;
    }
    if ((a->flags & GATTS_F_WRITE_ENCRYPTED) && c->sec < GATTS_SEC_ENCRYPTED) {
        return ATT_ERR_INSUFFICIENT_ENC;
    }
    return 0;
}

static uint8_t authorize_write(struct gatts *srv, struct gatts_conn *c, uint16_t h,
                               const uint8_t *d, uint16_t n, uint16_t off) {
    if (!(srv->attrs[h - 1].flags & GATTS_F_WRITE_AUTHORIZED)) {
        return 0;
    }
    struct gatts_event ev = {.type = GATTS_EV_WRITE_REQUEST,
                             .conn = c->conn,
                             .handle = h,
                             .data = d,
                             .len = n,
                             .offset = off};
    srv->asking = 1;
    int r = emit(srv, &ev);
    srv->asking = 0;
    return r == 0 ? 0 : (uint8_t)(r > 0 && r <= 0xFF ? r : ATT_ERR_INSUFFICIENT_AUTHOR);
}

// Stores a write of d[0..n) at offset off into h (checked: off <= len, off + n <= cap) and tells
// the upper layer. CCCDs were handled by the caller.
static void store(struct gatts *srv, struct gatts_conn *c, uint16_t h, const uint8_t *d, uint16_t n,
                  uint16_t off) {
    struct gatts_attr *a = &srv->attrs[h - 1];
    if (a->append) {
        off = a->len;
    }
    memmove(a->buf + off, d, n);
    a->len = (uint16_t)(off + n);
    struct gatts_event ev = {
        .type = GATTS_EV_WRITE, .conn = c->conn, .handle = h, .data = a->buf + off, .len = n};
    if (off == 0 || !a->append) {
        ev.data = a->buf;
        ev.len = a->len;
    }
    emit(srv, &ev);
}

// Checks a write of n bytes at off to a value/descriptor: 0 or the ATT error.
static uint8_t check_len(const struct gatts_attr *a, uint16_t off, size_t n) {
    uint16_t base = a->append ? a->len : 0;
    if (!a->append && off > a->len) {
        return ATT_ERR_INVALID_OFFSET;
    }
    if ((size_t)base + off + n > a->cap) {
        return ATT_ERR_INVALID_VALUE_LEN;
    }
    return 0;
}

static uint8_t write_cccd(struct gatts *srv, struct gatts_conn *c, uint16_t h, const uint8_t *d,
                          size_t n) {
    struct gatts_attr *a = &srv->attrs[h - 1];
    if (n != 2) {
        return ATT_ERR_INVALID_VALUE_LEN;
    }
    uint16_t v = att_get16(d);
    if (v & ~(ATT_CCCD_NOTIFY | ATT_CCCD_INDICATE)) {
        return ATT_ERR_VALUE_NOT_ALLOWED;
    }
    // the characteristic value sits right before its CCCD
    uint16_t props = srv->attrs[h - 2].flags;
    if (((v & ATT_CCCD_NOTIFY) && !(props & GATTS_F_NOTIFY)) ||
        ((v & ATT_CCCD_INDICATE) && !(props & GATTS_F_INDICATE))) {
        return ATT_ERR_CCCD_IMPROPER;
    }
    c->cccd[a->slot] = (uint8_t)v;
    struct gatts_event ev = {.type = GATTS_EV_CCCD,
                             .conn = c->conn,
                             .handle = h,
                             .value_handle = (uint16_t)(h - 1),
                             .cccd = v};
    emit(srv, &ev);
    return 0;
}

// ---- request handlers: each returns 0 when it sent its response, else the ATT error to send
// with *eh as the handle in error ----

static uint8_t range(const uint8_t *p, uint16_t *start, uint16_t *end, uint16_t *eh) {
    *start = att_get16(p);
    *end = att_get16(p + 2);
    *eh = *start;
    return *start == 0 || *start > *end ? ATT_ERR_INVALID_HANDLE : 0;
}

static uint8_t do_mtu(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n) {
    if (n != 3) {
        return ATT_ERR_INVALID_PDU;
    }
    uint16_t mtu = clamp_mtu(srv, att_get16(p + 1));
    srv->tx[0] = ATT_OP_MTU_RSP;
    att_put16(srv->tx + 1, srv->mtu_max);
    send_pdu(srv, c, 3); // sent at the old ATT_MTU; the new one applies from now on
    c->mtu = mtu;
    struct gatts_event ev = {.type = GATTS_EV_MTU, .conn = c->conn, .mtu = mtu};
    emit(srv, &ev);
    return 0;
}

static uint8_t do_find_info(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                            uint16_t *eh) {
    uint16_t start, end;
    if (n != 5) {
        return ATT_ERR_INVALID_PDU;
    }
    uint8_t e = range(p + 1, &start, &end, eh);
    if (e) {
        return e;
    }
    uint16_t pos = 2;
    uint8_t ulen = 0;
    for (uint32_t h = start; h <= end && h <= srv->n_attrs; h++) {
        struct att_uuid t = attr_type(&srv->attrs[h - 1]);
        if (ulen == 0) {
            ulen = t.len;
        } else if (t.len != ulen) {
            break; // one format per response
        }
        if (pos + 2 + ulen > c->mtu) {
            break;
        }
        att_put16(srv->tx + pos, (uint16_t)h);
        memcpy(srv->tx + pos + 2, t.b, ulen);
        pos = (uint16_t)(pos + 2 + ulen);
    }
    if (ulen == 0) {
        return ATT_ERR_ATTR_NOT_FOUND;
    }
    srv->tx[0] = ATT_OP_FIND_INFO_RSP;
    srv->tx[1] = ulen == 2 ? ATT_FIND_INFO_FMT_16 : ATT_FIND_INFO_FMT_128;
    send_pdu(srv, c, pos);
    return 0;
}

static uint8_t do_find_by_type(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                               uint16_t *eh) {
    uint16_t start, end;
    uint8_t scratch[20];
    if (n < 7) {
        return ATT_ERR_INVALID_PDU;
    }
    uint8_t e = range(p + 1, &start, &end, eh);
    if (e) {
        return e;
    }
    struct att_uuid type = att_uuid16(att_get16(p + 5));
    const uint8_t *val = p + 7;
    size_t vlen = n - 7;
    uint16_t pos = 1;
    for (uint32_t h = start; h <= end && h <= srv->n_attrs && pos + 4 <= c->mtu; h++) {
        struct gatts_attr *a = &srv->attrs[h - 1];
        struct att_uuid t = attr_type(a);
        if (!att_uuid_eq(&t, &type)) {
            continue;
        }
        // only values anyone may read take part (no events: this is discovery)
        if (has_buffer(a) && (!(a->flags & GATTS_F_READ) ||
                              (a->flags & (GATTS_F_READ_ENCRYPTED | GATTS_F_READ_AUTHENTICATED |
                                           GATTS_F_READ_AUTHORIZED)))) {
            continue;
        }
        const uint8_t *v;
        uint16_t l = attr_value(srv, c, (uint16_t)h, &v, scratch);
        bool eq = l == vlen && memcmp(v, val, l) == 0;
        // a service UUID matches in either of its forms (16-bit, or 128-bit on the base)
        if (a->kind == GATTS_K_SERVICE && !eq && (vlen == 2 || vlen == 16)) {
            struct att_uuid q;
            att_uuid_from_wire(&q, val, (unsigned)vlen);
            eq = att_uuid_eq(&q, &a->uuid);
        }
        if (!eq) {
            continue;
        }
        att_put16(srv->tx + pos, (uint16_t)h);
        att_put16(srv->tx + pos + 2, a->kind == GATTS_K_SERVICE ? a->end : (uint16_t)h);
        pos = (uint16_t)(pos + 4);
        if (a->kind == GATTS_K_SERVICE) {
            h = a->end; // the next match is past this group
        }
    }
    if (pos == 1) {
        return ATT_ERR_ATTR_NOT_FOUND;
    }
    srv->tx[0] = ATT_OP_FIND_BY_TYPE_RSP;
    send_pdu(srv, c, pos);
    return 0;
}

static uint8_t parse_type(const uint8_t *p, size_t n, struct att_uuid *u) {
    return n == 7 || n == 21 ? (att_uuid_from_wire(u, p + 5, (unsigned)(n - 5)), 0)
                             : ATT_ERR_INVALID_PDU;
}

static uint8_t do_read_by_type(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                               uint16_t *eh) {
    uint16_t start, end;
    struct att_uuid type;
    uint8_t scratch[20];
    uint8_t e = parse_type(p, n, &type);
    if (e == 0) {
        e = range(p + 1, &start, &end, eh);
    }
    if (e) {
        return e;
    }
    uint16_t pos = 2;
    uint16_t elen = 0; // length of each handle-value pair
    for (uint32_t h = start; h <= end && h <= srv->n_attrs; h++) {
        struct att_uuid t = attr_type(&srv->attrs[h - 1]);
        if (!att_uuid_eq(&t, &type)) {
            continue;
        }
        e = check_read(srv, c, (uint16_t)h);
        if (e) {
            if (elen == 0) {
                *eh = (uint16_t)h;
                return e;
            }
            break; // return what was found before it
        }
        const uint8_t *v;
        uint16_t l = attr_value(srv, c, (uint16_t)h, &v, scratch);
        uint16_t room = (uint16_t)(c->mtu - 4 < 253 ? c->mtu - 4 : 253);
        if (l > room) {
            l = room;
        }
        if (elen == 0) {
            elen = (uint16_t)(2 + l);
        } else if (2 + l != elen || pos + elen > c->mtu) {
            break;
        }
        att_put16(srv->tx + pos, (uint16_t)h);
        memcpy(srv->tx + pos + 2, v, l);
        pos = (uint16_t)(pos + elen);
    }
    if (elen == 0) {
        return ATT_ERR_ATTR_NOT_FOUND;
    }
    srv->tx[0] = ATT_OP_READ_BY_TYPE_RSP;
    srv->tx[1] = (uint8_t)elen;
    send_pdu(srv, c, pos);
    return 0;
}

static uint8_t do_read(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                       uint16_t *eh) {
    bool blob = p[0] == ATT_OP_READ_BLOB_REQ;
    uint8_t scratch[20];
    if (n != (blob ? 5u : 3u)) {
        return ATT_ERR_INVALID_PDU;
    }
    uint16_t h = att_get16(p + 1);
    uint16_t off = blob ? att_get16(p + 3) : 0;
    *eh = h;
    if (attr_at(srv, h) == NULL) {
        return ATT_ERR_INVALID_HANDLE;
    }
    uint8_t e = check_read(srv, c, h);
    if (e) {
        return e;
    }
    const uint8_t *v;
    uint16_t l = attr_value(srv, c, h, &v, scratch);
    if (off > l) {
        return ATT_ERR_INVALID_OFFSET;
    }
    l = (uint16_t)(l - off);
    if (l > c->mtu - 1) {
        l = (uint16_t)(c->mtu - 1);
    }
    srv->tx[0] = blob ? ATT_OP_READ_BLOB_RSP : ATT_OP_READ_RSP;
    memmove(srv->tx + 1, v + off, l);
    send_pdu(srv, c, (uint16_t)(1 + l));
    return 0;
}

static uint8_t do_read_multiple(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                                uint16_t *eh) {
    uint8_t scratch[20];
    if (n < 5 || (n - 1) % 2) {
        return ATT_ERR_INVALID_PDU;
    }
    uint16_t pos = 1;
    for (size_t i = 1; i < n; i += 2) {
        uint16_t h = att_get16(p + i);
        *eh = h;
        if (attr_at(srv, h) == NULL) {
            return ATT_ERR_INVALID_HANDLE;
        }
        uint8_t e = check_read(srv, c, h);
        if (e) {
            return e;
        }
        const uint8_t *v;
        uint16_t l = attr_value(srv, c, h, &v, scratch);
        if (l > c->mtu - pos) {
            l = (uint16_t)(c->mtu - pos); // the rest is cut off (Part F 3.4.4.8)
        }
        memmove(srv->tx + pos, v, l);
        pos = (uint16_t)(pos + l);
    }
    srv->tx[0] = ATT_OP_READ_MULT_RSP;
    send_pdu(srv, c, pos);
    return 0;
}

static uint8_t do_read_by_group(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                                uint16_t *eh) {
    uint16_t start, end;
    struct att_uuid type;
    uint8_t e = parse_type(p, n, &type);
    if (e == 0) {
        e = range(p + 1, &start, &end, eh);
    }
    if (e) {
        return e;
    }
    if (!att_uuid_is16(&type, ATT_UUID_PRIMARY_SERVICE)) {
        // secondary services are not supported, so 0x2801 finds nothing
        return att_uuid_is16(&type, ATT_UUID_SECONDARY_SERVICE) ? ATT_ERR_ATTR_NOT_FOUND
                                                                : ATT_ERR_UNSUPPORTED_GROUP;
    }
    uint16_t pos = 2, elen = 0;
    for (uint32_t h = start; h <= end && h <= srv->n_attrs; h++) {
        struct gatts_attr *a = &srv->attrs[h - 1];
        if (a->kind != GATTS_K_SERVICE) {
            continue;
        }
        uint16_t l = (uint16_t)(4 + a->uuid.len);
        if (elen == 0) {
            elen = l;
        } else if (l != elen || pos + elen > c->mtu) {
            break;
        }
        att_put16(srv->tx + pos, (uint16_t)h);
        att_put16(srv->tx + pos + 2, a->end);
        memcpy(srv->tx + pos + 4, a->uuid.b, a->uuid.len);
        pos = (uint16_t)(pos + elen);
        h = a->end;
    }
    if (elen == 0) {
        return ATT_ERR_ATTR_NOT_FOUND;
    }
    srv->tx[0] = ATT_OP_READ_BY_GROUP_RSP;
    srv->tx[1] = (uint8_t)elen;
    send_pdu(srv, c, pos);
    return 0;
}

static uint8_t do_write(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                        uint16_t *eh) {
    bool cmd = p[0] == ATT_OP_WRITE_CMD;
    if (n < 3) {
        return ATT_ERR_INVALID_PDU;
    }
    uint16_t h = att_get16(p + 1);
    const uint8_t *d = p + 3;
    uint16_t dl = (uint16_t)(n - 3);
    *eh = h;
    struct gatts_attr *a = attr_at(srv, h);
    if (a == NULL) {
        return ATT_ERR_INVALID_HANDLE;
    }
    uint8_t e = check_write(srv, c, h, cmd);
    if (e) {
        return e;
    }
    if (a->kind == GATTS_K_CCCD) {
        e = write_cccd(srv, c, h, d, dl);
    } else {
        e = check_len(a, 0, dl);
        if (e == 0 && !cmd) {
            e = authorize_write(srv, c, h, d, dl, 0);
        } else if (e == 0 && (a->flags & GATTS_F_WRITE_AUTHORIZED)) {
            e = ATT_ERR_INSUFFICIENT_AUTHOR; // a command cannot be asked about: dropped
        }
        if (e == 0) {
            store(srv, c, h, d, dl, 0);
        }
    }
    if (e == 0 && !cmd) {
        srv->tx[0] = ATT_OP_WRITE_RSP;
        send_pdu(srv, c, 1);
    }
    return e;
}

static uint8_t do_prepare(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                          uint16_t *eh) {
    if (n < 5) {
        return ATT_ERR_INVALID_PDU;
    }
    uint16_t h = att_get16(p + 1), off = att_get16(p + 3);
    uint16_t dl = (uint16_t)(n - 5);
    *eh = h;
    struct gatts_attr *a = attr_at(srv, h);
    if (a == NULL) {
        return ATT_ERR_INVALID_HANDLE;
    }
    uint8_t e = check_write(srv, c, h, false);
    if (e == 0 && a->kind == GATTS_K_CCCD) {
        e = ATT_ERR_WRITE_NOT_PERMITTED; // CCCDs are 2 bytes: written with Write Request
    }
    if (e == 0) {
        e = authorize_write(srv, c, h, p + 5, dl, off);
    }
    if (e) {
        return e;
    }
    if (dl > BLE_CFG_PREP_BYTES - c->prep_used) {
        return ATT_ERR_PREPARE_QUEUE_FULL;
    }
    struct gatts_prep *last = c->n_prep ? &c->prep[c->n_prep - 1] : NULL;
    if (last && last->handle == h && (uint32_t)last->offset + last->len == off &&
        last->pos + last->len == c->prep_used) {
        last->len = (uint16_t)(last->len + dl); // continues the previous part
    } else {
        if (c->n_prep >= BLE_CFG_PREP_ENTRIES) {
            return ATT_ERR_PREPARE_QUEUE_FULL;
        }
        struct gatts_prep *q = &c->prep[c->n_prep++];
        q->handle = h;
        q->offset = off;
        q->len = dl;
        q->pos = c->prep_used;
    }
    memcpy(c->prep_data + c->prep_used, p + 5, dl);
    c->prep_used = (uint16_t)(c->prep_used + dl);
    memmove(srv->tx, p, n); // the response echoes the request
    srv->tx[0] = ATT_OP_PREP_WRITE_RSP;
    send_pdu(srv, c, (uint16_t)n);
    return 0;
}

static uint8_t do_execute(struct gatts *srv, struct gatts_conn *c, const uint8_t *p, size_t n,
                          uint16_t *eh) {
    if (n != 2 || p[1] > ATT_EXEC_WRITE_COMMIT) {
        return ATT_ERR_INVALID_PDU;
    }
    uint8_t e = 0;
    if (p[1] == ATT_EXEC_WRITE_COMMIT) {
        // check every part against the value as the earlier parts leave it, then apply all
        for (unsigned i = 0; i < c->n_prep && e == 0; i++) {
            struct gatts_prep *q = &c->prep[i];
            struct gatts_attr *a = &srv->attrs[q->handle - 1];
            uint16_t len = a->len;
            for (unsigned j = 0; j < i; j++) {
                if (c->prep[j].handle == q->handle) {
                    len = (uint16_t)(a->append ? len + c->prep[j].len
                                               : c->prep[j].offset + c->prep[j].len);
                }
            }
            if (!a->append && q->offset > len) {
                e = ATT_ERR_INVALID_OFFSET;
            } else if ((uint32_t)(a->append ? len : 0) + q->offset + q->len > a->cap) {
                e = ATT_ERR_INVALID_VALUE_LEN;
            }
            *eh = q->handle;
        }
        for (unsigned i = 0; i < c->n_prep && e == 0; i++) {
            struct gatts_prep *q = &c->prep[i];
            store(srv, c, q->handle, c->prep_data + q->pos, q->len, q->offset);
        }
    }
    c->n_prep = 0;
    c->prep_used = 0;
    if (e == 0) {
        srv->tx[0] = ATT_OP_EXEC_WRITE_RSP;
        send_pdu(srv, c, 1);
    }
    return e;
}

int att_server_rx(struct gatts *srv, uint16_t conn, const uint8_t *pdu, size_t len) {
    struct gatts_conn *c = conn_find(srv, conn);
    if (c == NULL) {
        return -ENOTCONN;
    }
    if (len == 0 || c->dead) {
        return 0;
    }
    uint8_t op = pdu[0];
    uint16_t eh = 0; // Attribute Handle In Error: 0 unless a handler names one
    uint8_t e;
    if (len > c->mtu) {
        // longer than the bearer allows: not a PDU this peer may send
        e = ATT_ERR_INVALID_PDU;
    } else {
        switch (op) {
        case ATT_OP_MTU_REQ: e = do_mtu(srv, c, pdu, len); break;
        case ATT_OP_FIND_INFO_REQ: e = do_find_info(srv, c, pdu, len, &eh); break;
        case ATT_OP_FIND_BY_TYPE_REQ: e = do_find_by_type(srv, c, pdu, len, &eh); break;
        case ATT_OP_READ_BY_TYPE_REQ: e = do_read_by_type(srv, c, pdu, len, &eh); break;
        case ATT_OP_READ_REQ:
        case ATT_OP_READ_BLOB_REQ: e = do_read(srv, c, pdu, len, &eh); break;
        case ATT_OP_READ_MULT_REQ: e = do_read_multiple(srv, c, pdu, len, &eh); break;
        case ATT_OP_READ_BY_GROUP_REQ: e = do_read_by_group(srv, c, pdu, len, &eh); break;
        case ATT_OP_WRITE_REQ:
        case ATT_OP_WRITE_CMD: e = do_write(srv, c, pdu, len, &eh); break;
        case ATT_OP_PREP_WRITE_REQ: e = do_prepare(srv, c, pdu, len, &eh); break;
        case ATT_OP_EXEC_WRITE_REQ: e = do_execute(srv, c, pdu, len, &eh); break;
        case ATT_OP_CONFIRM:
            if (len == 1 && c->ind_pending) {
                c->ind_pending = 0;
                struct gatts_event ev = {.type = GATTS_EV_INDICATE_DONE,
                                         .conn = c->conn,
                                         .handle = c->ind_handle,
                                         .status = 0};
                emit(srv, &ev);
            }
            return 0;
        default: e = ATT_ERR_REQ_NOT_SUPPORTED; break;
        }
    }
    // only requests get an Error Response: never commands, confirmations (even over-long
    // ones, which end here), or responses sent the wrong way
    if (e && !(op & ATT_OP_CMD_FLAG) && op != ATT_OP_CONFIRM && att_op_for_server(op)) {
        send_error(srv, c, op, eh, e);
    }
    return 0;
}
