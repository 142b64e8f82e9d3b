// ble/host/host.c: the HCI layer of the host stack (host.h): commands with the controller's
// flow control, events, connections, and the bring-up sequence.
#include "ble/host/host.h"

#include <errno.h>
#include <string.h>

#include "ble/hci.h"
#include "ble/host/host_priv.h"

static void emit(struct ble_host *h, enum ble_host_ev_type type, uint8_t status, uint16_t conn) {
    struct ble_host_event ev = {.type = type, .status = status, .conn = conn};
    if (h->cfg.event) {
        h->cfg.event(h, &ev);
    }
}

// Sends queued commands while the controller takes them.
static void pump_cmds(struct ble_host *h) {
    while (h->cmd_credits && h->cmd_count && h->sent_count < BLE_HOST_CMD_QUEUE) {
        struct ble_cmd *c = &h->cmds[h->cmd_head];
        uint8_t pkt[4 + BLE_HOST_CMD_PARAMS] = {HCI_H4_CMD, (uint8_t)c->op, (uint8_t)(c->op >> 8), c->n};
        memcpy(pkt + 4, c->params, c->n);
        h->sent[h->sent_count++] = *c;
        h->cmd_head = (uint8_t)((h->cmd_head + 1) % BLE_HOST_CMD_QUEUE);
        h->cmd_count--;
        h->cmd_credits--;
        h->cfg.send(h->cfg.arg, pkt, 4u + c->n);
    }
}

int ble_host_cmd(struct ble_host *h, uint16_t op, const void *params, uint8_t n, ble_cmd_done_fn done, void *arg) {
    if (n > BLE_HOST_CMD_PARAMS) {
        return -EINVAL;
    }
    if (h->cmd_count >= BLE_HOST_CMD_QUEUE) {
        return -ENOMEM;
    }
    struct ble_cmd *c = &h->cmds[(h->cmd_head + h->cmd_count) % BLE_HOST_CMD_QUEUE];
    c->op = op;
    c->n = n;
    if (n) {
        memcpy(c->params, params, n);
    }
    c->done = done;
    c->arg = arg;
    h->cmd_count++;
    pump_cmds(h);
    return 0;
}

// The outcome of a sent command: its entry leaves the list, then its callback runs.
static void cmd_finished(struct ble_host *h, uint16_t op, uint8_t credits, uint8_t status, const uint8_t *ret,
                         uint8_t n) {
    h->cmd_credits = credits;
    for (unsigned i = 0; i < h->sent_count; i++) {
        if (h->sent[i].op == op) {
            struct ble_cmd c = h->sent[i];
            memmove(&h->sent[i], &h->sent[i + 1], (h->sent_count - i - 1) * sizeof h->sent[0]);
            h->sent_count--;
            if (c.done) {
                c.done(h, c.arg, status, ret, n);
            }
            break;
        }
    }
    pump_cmds(h);
}

struct ble_conn *ble_host_conn(struct ble_host *h, uint16_t handle) {
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        if (h->conns[i].used && h->conns[i].handle == handle) {
            return &h->conns[i];
        }
    }
    return NULL;
}

// ---- bring-up ----------------------------------------------------------------------------------
static void up_step(struct ble_host *h, void *arg, uint8_t status, const uint8_t *ret, uint8_t n);

static void up_next(struct ble_host *h, uintptr_t step) {
    static const uint8_t event_mask[8] = {0x90, 0x88, 0x00, 0x02, 0x00, 0x80, 0x00, 0x20};
    // Disconnection Complete, Encryption Change, Command Complete/Status, Hardware Error,
    // Number of Completed Packets, Data Buffer Overflow, Encryption Key Refresh, LE Meta
    static const uint8_t le_mask[8] = {0x5F, 0x00, 0, 0, 0, 0, 0, 0};
    // Connection Complete, Advertising Report, Connection Update Complete, Read Remote
    // Features Complete, Long Term Key Request, Data Length Change
    void *a = (void *)(step + 1);
    switch (step) {
    case 0: (void)ble_host_cmd(h, HCI_RESET, NULL, 0, up_step, a); break;
    case 1: (void)ble_host_cmd(h, HCI_SET_EVENT_MASK, event_mask, 8, up_step, a); break;
    case 2: (void)ble_host_cmd(h, HCI_LE_SET_EVENT_MASK, le_mask, 8, up_step, a); break;
    case 3: (void)ble_host_cmd(h, HCI_LE_READ_BUFFER_SIZE, NULL, 0, up_step, a); break;
    case 4: (void)ble_host_cmd(h, HCI_READ_BD_ADDR, NULL, 0, up_step, a); break;
    default:
        h->ready = true;
        emit(h, BLE_HOST_EV_READY, 0, 0);
        break;
    }
}

static void up_step(struct ble_host *h, void *arg, uint8_t status, const uint8_t *ret, uint8_t n) {
    uintptr_t step = (uintptr_t)arg;
    if (status) {
        emit(h, BLE_HOST_EV_READY, status, 0);
        return;
    }
    if (step == 4 && n >= 3) { // LE Read Buffer Size
        h->acl_len = hci_get16(ret);
        h->acl_free = ret[2];
        if (!h->acl_len || !h->acl_free) {
            emit(h, BLE_HOST_EV_READY, HCI_ERR_UNSUPPORTED, 0); // no LE buffers: not an LE controller
            return;
        }
    } else if (step == 5 && n >= 6) {
        memcpy(h->addr, ret, 6);
    }
    up_next(h, step);
}

void ble_host_init(struct ble_host *h, const struct ble_host_cfg *cfg) {
    memset(h, 0, sizeof *h);
    h->cfg = *cfg;
    h->cmd_credits = 1;
    up_next(h, 0);
}

// ---- events ------------------------------------------------------------------------------------
static void le_meta(struct ble_host *h, const uint8_t *p, uint8_t n) {
    if (n < 1) {
        return;
    }
    switch (p[0]) {
    case HCI_LE_EV_CONN_COMPLETE: {
        if (n < 19) {
            break;
        }
        uint16_t handle = hci_get16(p + 2) & 0x0FFFu;
        if (p[1]) {
            emit(h, BLE_HOST_EV_CONNECTED, p[1], 0);
            break;
        }
        struct ble_conn *c = NULL;
        for (unsigned i = 0; i < BLE_HOST_MAX_CONN && !c; i++) {
            c = h->conns[i].used ? NULL : &h->conns[i];
        }
        if (!c) { // more connections than the host holds: hang up
            uint8_t d[3] = {(uint8_t)handle, (uint8_t)(handle >> 8), HCI_ERR_REMOTE_LOW_RESOURCES};
            (void)ble_host_cmd(h, HCI_DISCONNECT, d, 3, NULL, NULL);
            break;
        }
        memset(c, 0, sizeof *c);
        c->used = true;
        c->handle = handle;
        c->central = p[4] == 0;
        c->peer_type = p[5];
        memcpy(c->peer_addr, p + 6, 6);
        c->interval = hci_get16(p + 12);
        c->latency = hci_get16(p + 14);
        c->timeout = hci_get16(p + 16);
        emit(h, BLE_HOST_EV_CONNECTED, 0, handle);
        break;
    }
    case HCI_LE_EV_ADV_REPORT: {
        // num reports, then each report in a row (legacy: the controller sends one at a time,
        // but a list is allowed; parse it without trusting a length)
        if (n < 2) {
            break;
        }
        unsigned count = p[1], off = 2;
        for (unsigned i = 0; i < count; i++) {
            if (off + 9u > n || off + 9u + p[off + 8] + 1u > n) {
                h->dropped_rx++;
                break;
            }
            struct ble_adv_report r = {.event_type = p[off], .addr_type = p[off + 1], .data_len = p[off + 8],
                                       .data = p + off + 9};
            memcpy(r.addr, p + off + 2, 6);
            r.rssi = (int8_t)p[off + 9 + r.data_len];
            struct ble_host_event ev = {.type = BLE_HOST_EV_ADV_REPORT, .adv = &r};
            if (h->cfg.event) {
                h->cfg.event(h, &ev);
            }
            off += 10u + r.data_len;
        }
        break;
    }
    case HCI_LE_EV_CONN_UPDATE_COMPLETE: {
        if (n < 10) {
            break;
        }
        uint16_t handle = hci_get16(p + 2) & 0x0FFFu;
        struct ble_conn *c = ble_host_conn(h, handle);
        if (c && !p[1]) {
            c->interval = hci_get16(p + 4);
            c->latency = hci_get16(p + 6);
            c->timeout = hci_get16(p + 8);
        }
        if (c) {
            c->upd_id = 0;
            emit(h, BLE_HOST_EV_CONN_UPDATED, p[1], handle);
        }
        break;
    }
    case HCI_LE_EV_LTK_REQUEST:
        if (n >= 13 && ble_host_conn(h, hci_get16(p + 1) & 0x0FFFu)) {
            struct ble_host_event ev = {.type = BLE_HOST_EV_LTK_REQUEST, .conn = hci_get16(p + 1) & 0x0FFFu,
                                        .ediv = hci_get16(p + 11)};
            memcpy(ev.rand, p + 3, 8);
            if (h->cfg.event) {
                h->cfg.event(h, &ev);
            }
        }
        break;
    case HCI_LE_EV_DATA_LEN_CHANGE:
        if (n >= 11 && ble_host_conn(h, hci_get16(p + 1) & 0x0FFFu)) {
            emit(h, BLE_HOST_EV_DATA_LEN, 0, hci_get16(p + 1) & 0x0FFFu);
        }
        break;
    default: break;
    }
}

static void event(struct ble_host *h, const uint8_t *e, size_t len) {
    uint8_t code = e[0], n = e[1];
    const uint8_t *p = e + 2;
    if ((size_t)n + 2u != len) {
        h->dropped_rx++;
        return;
    }
    switch (code) {
    case HCI_EV_CMD_COMPLETE:
        if (n >= 3) {
            uint16_t op = hci_get16(p + 1);
            uint8_t status = n >= 4 ? p[3] : 0;
            cmd_finished(h, op, p[0], status, n > 4 ? p + 4 : NULL, n > 4 ? (uint8_t)(n - 4u) : 0);
        }
        break;
    case HCI_EV_CMD_STATUS:
        if (n >= 4) {
            cmd_finished(h, hci_get16(p + 2), p[1], p[0], NULL, 0);
        }
        break;
    case HCI_EV_DISCONN_COMPLETE:
        if (n >= 4 && !p[0]) {
            uint16_t handle = hci_get16(p + 1) & 0x0FFFu;
            struct ble_conn *c = ble_host_conn(h, handle);
            if (c) {
                ble_l2cap_conn_gone(h, c);
                c->used = false;
                struct ble_host_event ev = {.type = BLE_HOST_EV_DISCONNECTED, .conn = handle, .reason = p[3]};
                if (h->cfg.event) {
                    h->cfg.event(h, &ev);
                }
            }
        }
        break;
    case HCI_EV_NUM_COMPLETED:
        if (n >= 1 && n >= 1u + 4u * p[0]) {
            for (unsigned i = 0; i < p[0]; i++) {
                struct ble_conn *c = ble_host_conn(h, hci_get16(p + 1 + 4 * i) & 0x0FFFu);
                uint16_t k = hci_get16(p + 3 + 4 * i);
                if (c) {
                    k = k > c->in_flight ? c->in_flight : k;
                    c->in_flight = (uint16_t)(c->in_flight - k);
                    h->acl_free = (uint16_t)(h->acl_free + k);
                }
            }
            ble_l2cap_pump(h);
        }
        break;
    case HCI_EV_ENCRYPT_CHANGE:
        if (n >= 4 && ble_host_conn(h, hci_get16(p + 1) & 0x0FFFu)) {
            struct ble_host_event ev = {.type = BLE_HOST_EV_ENCRYPTED, .status = p[0], .reason = p[3],
                                        .conn = hci_get16(p + 1) & 0x0FFFu};
            if (h->cfg.event) {
                h->cfg.event(h, &ev);
            }
        }
        break;
    case HCI_EV_HW_ERROR:
        emit(h, BLE_HOST_EV_HW_ERROR, n ? p[0] : 0, 0);
        break;
    case HCI_EV_LE_META: le_meta(h, p, n); break;
    default: break;
    }
}

void ble_host_rx(struct ble_host *h, const uint8_t *pkt, size_t n) {
    if (n >= 3 && pkt[0] == HCI_H4_EVT) {
        event(h, pkt + 1, n - 1);
    } else if (n >= 5 && pkt[0] == HCI_H4_ACL && hci_get16(pkt + 3) == n - 5u) {
        uint16_t hf = hci_get16(pkt + 1);
        ble_l2cap_rx_acl(h, HCI_ACL_HANDLE(hf), (uint8_t)HCI_ACL_PB(hf), pkt + 5, (uint16_t)(n - 5u));
    } else {
        h->dropped_rx++;
    }
}
