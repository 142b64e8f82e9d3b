// ble/host/l2cap.c: L2CAP on LE (host.h): the fixed channels, fragmentation into the
// controller's ACL packets (as its buffers allow), reassembly, and the LE signalling channel
// (connection parameter update; everything else is answered as the specification says).
#include <errno.h>
#include <string.h>

#include "ble/hci.h"
#include "ble/host/host_priv.h"

// LE signalling codes
#define SIG_CMD_REJECT 0x01u
#define SIG_DISCONN_REQ 0x06u
#define SIG_CONN_PARAM_REQ 0x12u
#define SIG_CONN_PARAM_RSP 0x13u
#define SIG_LE_CREDIT_CONN_REQ 0x14u
#define SIG_LE_CREDIT_CONN_RSP 0x15u
#define SIG_FLOW_CREDIT 0x16u

static void event(struct ble_host *h, enum ble_host_ev_type type, uint8_t status, uint16_t conn) {
    struct ble_host_event ev = {.type = type, .status = status, .conn = conn};
    if (h->cfg.event) {
        h->cfg.event(h, &ev);
    }
}

void ble_l2cap_pump(struct ble_host *h) {
    bool freed = false;
    // Oldest message first, one ACL packet at a time while the controller has buffers. (A
    // message is sent whole before the next one of any connection: simple and fair enough
    // for BLE_HOST_TX_SDUS messages.)
    while (h->tx_count && h->acl_free) {
        struct ble_tx_sdu *s = &h->tx[h->tx_order[0]];
        struct ble_conn *c = ble_host_conn(h, s->conn);
        uint16_t k = (uint16_t)(s->len - s->sent);
        if (k > h->acl_len) {
            k = h->acl_len;
        }
        uint8_t pkt[5 + 4 + BLE_HOST_L2CAP_MAX];
        uint8_t pb = s->sent == 0 ? HCI_ACL_PB_FIRST_NONFLUSH : HCI_ACL_PB_CONT;
        pkt[0] = HCI_H4_ACL;
        hci_put16(pkt + 1, (uint16_t)(s->conn | pb << 12));
        hci_put16(pkt + 3, k);
        memcpy(pkt + 5, s->data + s->sent, k);
        s->sent = (uint16_t)(s->sent + k);
        h->acl_free--;
        if (c) {
            c->in_flight++;
        }
        h->cfg.send(h->cfg.arg, pkt, 5u + k);
        if (s->sent == s->len) {
            memmove(h->tx_order, h->tx_order + 1, --h->tx_count);
            freed = true;
        }
    }
    if (freed) {
        event(h, BLE_HOST_EV_TX_DONE, 0, 0);
    }
}

int ble_l2cap_send(struct ble_host *h, uint16_t conn, uint16_t cid, const void *data, uint16_t n) {
    if (!ble_host_conn(h, conn)) {
        return -ENOTCONN;
    }
    if (n > BLE_HOST_L2CAP_MAX) {
        return -EMSGSIZE;
    }
    if (h->tx_count >= BLE_HOST_TX_SDUS) {
        return -ENOBUFS;
    }
    // a free entry: one not in tx_order
    unsigned idx = 0;
    for (; idx < BLE_HOST_TX_SDUS; idx++) {
        bool used = false;
        for (unsigned j = 0; j < h->tx_count; j++) {
            used |= h->tx_order[j] == idx;
        }
        if (!used) {
            break;
        }
    }
    struct ble_tx_sdu *s = &h->tx[idx];
    s->conn = conn;
    s->len = (uint16_t)(4u + n);
    s->sent = 0;
    hci_put16(s->data, n);
    hci_put16(s->data + 2, cid);
    if (n) {
        memcpy(s->data + 4, data, n);
    }
    h->tx_order[h->tx_count++] = (uint8_t)idx;
    ble_l2cap_pump(h);
    return 0;
}

void ble_l2cap_conn_gone(struct ble_host *h, struct ble_conn *c) {
    // the controller forgets the connection's packets (no Number of Completed Packets follows)
    h->acl_free = (uint16_t)(h->acl_free + c->in_flight);
    c->in_flight = 0;
    unsigned k = 0;
    for (unsigned i = 0; i < h->tx_count; i++) {
        if (h->tx[h->tx_order[i]].conn != c->handle) {
            h->tx_order[k++] = h->tx_order[i];
        }
    }
    h->tx_count = (uint8_t)k;
}

// ---- signalling --------------------------------------------------------------------------------
static void sig_send(struct ble_host *h, struct ble_conn *c, uint8_t code, uint8_t id, const uint8_t *d, uint16_t n) {
    uint8_t p[4 + 16];
    p[0] = code;
    p[1] = id;
    hci_put16(p + 2, n);
    memcpy(p + 4, d, n);
    (void)ble_l2cap_send(h, c->handle, BLE_L2CAP_CID_SIG, p, (uint16_t)(4u + n));
}

static void sig_reject(struct ble_host *h, struct ble_conn *c, uint8_t id, uint16_t reason) {
    uint8_t d[2];
    hci_put16(d, reason);
    sig_send(h, c, SIG_CMD_REJECT, id, d, 2);
}

static bool params_ok(uint16_t imin, uint16_t imax, uint16_t lat, uint16_t to) {
    return imin >= 6 && imax <= 0x0C80 && imin <= imax && lat <= 0x01F3 && to >= 0x0A && to <= 0x0C80 &&
           (uint32_t)to * 4u > (1u + lat) * imax;
}

static void update_done(struct ble_host *h, void *arg, uint8_t status, const uint8_t *ret, uint8_t n) {
    (void)ret;
    (void)n;
    if (status) { // the controller refused: Connection Update Complete will not come
        event(h, BLE_HOST_EV_CONN_UPDATED, status, (uint16_t)(uintptr_t)arg);
    }
}

static void signalling(struct ble_host *h, struct ble_conn *c, const uint8_t *p, uint16_t n) {
    if (n < 4) {
        return; // not even a header: nothing to answer to
    }
    uint8_t code = p[0], id = p[1];
    uint16_t len = hci_get16(p + 2);
    const uint8_t *d = p + 4;
    if (len != n - 4u) {
        sig_reject(h, c, id, 0x0000); // command not understood
        return;
    }
    switch (code) {
    case SIG_CONN_PARAM_REQ: {
        if (len != 8) {
            sig_reject(h, c, id, 0x0000);
            return;
        }
        if (!c->central) {
            sig_reject(h, c, id, 0x0000); // only a central takes this request
            return;
        }
        uint16_t imin = hci_get16(d), imax = hci_get16(d + 2), lat = hci_get16(d + 4), to = hci_get16(d + 6);
        uint8_t r[2];
        bool ok = params_ok(imin, imax, lat, to);
        hci_put16(r, ok ? 0x0000 : 0x0001);
        sig_send(h, c, SIG_CONN_PARAM_RSP, id, r, 2);
        if (ok) {
            uint8_t u[14] = {0};
            hci_put16(u, c->handle);
            hci_put16(u + 2, imin);
            hci_put16(u + 4, imax);
            hci_put16(u + 6, lat);
            hci_put16(u + 8, to);
            (void)ble_host_cmd(h, HCI_LE_CONN_UPDATE, u, 14, update_done, (void *)(uintptr_t)c->handle);
        }
        return;
    }
    case SIG_CONN_PARAM_RSP:
        if (len == 2 && c->upd_id && id == c->upd_id) {
            c->upd_id = 0;
            if (hci_get16(d) != 0) {
                event(h, BLE_HOST_EV_CONN_UPDATED, HCI_ERR_UNACCEPTABLE_CONN_PARAMS, c->handle);
            }
        }
        return;
    case SIG_LE_CREDIT_CONN_REQ:
        if (len == 10) { // no dynamic channels: LE_PSM not supported
            uint8_t r[10] = {0};
            hci_put16(r + 8, 0x0002);
            sig_send(h, c, SIG_LE_CREDIT_CONN_RSP, id, r, 10);
            return;
        }
        sig_reject(h, c, id, 0x0000);
        return;
    case SIG_CMD_REJECT:
        if (c->upd_id && id == c->upd_id) { // the central does not know the request
            c->upd_id = 0;
            event(h, BLE_HOST_EV_CONN_UPDATED, HCI_ERR_UNSUPPORTED_REMOTE, c->handle);
        }
        return;
    case SIG_DISCONN_REQ:
    case SIG_FLOW_CREDIT:
    default:
        if (code & 1u) { // a response we did not ask for: ignored
            return;
        }
        sig_reject(h, c, id, 0x0000);
        return;
    }
}

int ble_l2cap_conn_param_update(struct ble_host *h, uint16_t conn, uint16_t int_min, uint16_t int_max,
                                uint16_t latency, uint16_t timeout) {
    struct ble_conn *c = ble_host_conn(h, conn);
    if (!c) {
        return -ENOTCONN;
    }
    if (c->central || !params_ok(int_min, int_max, latency, timeout)) {
        return -EINVAL;
    }
    if (c->upd_id) {
        return -EBUSY;
    }
    c->sig_id = (uint8_t)(c->sig_id + 1 ? c->sig_id + 1 : 1);
    c->upd_id = c->sig_id;
    uint8_t d[8];
    hci_put16(d, int_min);
    hci_put16(d + 2, int_max);
    hci_put16(d + 4, latency);
    hci_put16(d + 6, timeout);
    sig_send(h, c, SIG_CONN_PARAM_REQ, c->upd_id, d, 8);
    return 0;
}

// ---- reassembly --------------------------------------------------------------------------------
static void deliver(struct ble_host *h, struct ble_conn *c) {
    uint16_t len = hci_get16(c->rx), cid = hci_get16(c->rx + 2);
    const uint8_t *d = c->rx + 4;
    if (cid == BLE_L2CAP_CID_SIG) {
        signalling(h, c, d, len);
    } else if ((cid == BLE_L2CAP_CID_ATT || cid == BLE_L2CAP_CID_SMP) && h->cfg.l2cap_rx) {
        h->cfg.l2cap_rx(h, c->handle, cid, d, len);
    }
    // other channels: no such fixed channel; dropped, as the specification says
}

void ble_l2cap_rx_acl(struct ble_host *h, uint16_t handle, uint8_t pb, const uint8_t *d, uint16_t n) {
    struct ble_conn *c = ble_host_conn(h, handle);
    if (!c) {
        h->dropped_rx++;
        return;
    }
    if (pb == HCI_ACL_PB_FIRST_FLUSH || pb == HCI_ACL_PB_FIRST_NONFLUSH) {
        if (c->rx_need) {
            h->dropped_rx++; // the previous message never completed
        }
        c->rx_len = 0;
        c->rx_need = 0;
        c->rx_drop = false;
        if (n < 2) { // the length itself is split: rare enough to drop
            h->dropped_rx++;
            return;
        }
        uint32_t need = 4u + hci_get16(d);
        if (need > sizeof c->rx) {
            c->rx_drop = true; // too long for us: skip it and its continuations
            c->rx_need = (uint16_t)(need > 0xFFFFu ? 0xFFFFu : need);
            c->rx_len = n;
            h->dropped_rx++;
            if (c->rx_len >= c->rx_need) {
                c->rx_need = 0;
            }
            return;
        }
        c->rx_need = (uint16_t)need;
    } else if (pb == HCI_ACL_PB_CONT) {
        if (!c->rx_need) {
            h->dropped_rx++; // a continuation of nothing
            return;
        }
    } else {
        h->dropped_rx++;
        return;
    }
    if (c->rx_drop) {
        c->rx_len = (uint16_t)(c->rx_len + n);
        if (c->rx_len >= c->rx_need) {
            c->rx_need = 0;
        }
        return;
    }
    if ((uint32_t)c->rx_len + n > c->rx_need) { // more than the header said: malformed
        h->dropped_rx++;
        c->rx_need = 0;
        return;
    }
    memcpy(c->rx + c->rx_len, d, n);
    c->rx_len = (uint16_t)(c->rx_len + n);
    if (c->rx_len == c->rx_need) {
        c->rx_need = 0;
        deliver(h, c);
    }
}
