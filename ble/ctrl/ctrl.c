// ble/ctrl/ctrl.c: the virtual controller's HCI side, advertising, scanning and initiating
// (ctrl.h); connections are in ctrl_conn.c.
#include <string.h>

#include "ble/ctrl/ctrl_priv.h"
#include "ble/hci.h"

// ---- small helpers ---------------------------------------------------------------------------
uint32_t ctrl_rand(struct ctrl *c) {
    uint32_t x = c->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c->rng = x;
    return x;
}

const uint8_t *ctrl_own_addr(const struct ctrl *c, uint8_t type) {
    return type == HCI_ADDR_RANDOM ? c->random_addr : c->cfg.addr;
}

// Whether the host wants this event (Set Event Mask; LE Set Event Mask for LE subevents).
static bool event_enabled(const struct ctrl *c, uint8_t code, uint8_t sub) {
    if (code == HCI_EV_CMD_COMPLETE || code == HCI_EV_CMD_STATUS || code == HCI_EV_NUM_COMPLETED) {
        return true; // not maskable
    }
    unsigned bit = code == HCI_EV_LE_META ? 61u : (unsigned)code - 1u;
    if (bit < 64 && !(c->event_mask[bit / 8] & (1u << (bit % 8)))) {
        return false;
    }
    if (code == HCI_EV_LE_META) {
        unsigned b = (unsigned)sub - 1u;
        return b < 64 && (c->le_event_mask[b / 8] & (1u << (b % 8)));
    }
    return true;
}

void ctrl_event(struct ctrl *c, uint8_t code, const uint8_t *params, uint8_t n) {
    if (!event_enabled(c, code, n ? params[0] : 0)) {
        return;
    }
    uint8_t pkt[3 + 255];
    pkt[0] = HCI_H4_EVT;
    pkt[1] = code;
    pkt[2] = n;
    memcpy(pkt + 3, params, n);
    c->cfg.to_host(c->cfg.arg, pkt, 3u + n);
}

static void cmd_complete(struct ctrl *c, uint16_t op, const uint8_t *ret, uint8_t n) {
    uint8_t p[3 + 64];
    p[0] = 1; // the host may send one more command
    hci_put16(p + 1, op);
    memcpy(p + 3, ret, n);
    ctrl_event(c, HCI_EV_CMD_COMPLETE, p, (uint8_t)(3u + n));
}

static void cmd_status(struct ctrl *c, uint16_t op, uint8_t status) {
    uint8_t p[4] = {status, 1, (uint8_t)op, (uint8_t)(op >> 8)};
    ctrl_event(c, HCI_EV_CMD_STATUS, p, 4);
}

static void complete_status(struct ctrl *c, uint16_t op, uint8_t status) {
    cmd_complete(c, op, &status, 1);
}

static void send_adv_pdu(struct ctrl *c, uint64_t t, uint8_t chan, uint8_t hdr0, const uint8_t *payload,
                         uint8_t n) {
    struct air_pkt p;
    p.t_start_ns = t;
    p.access_address = CTRL_ADV_AA;
    p.crc_init = CTRL_ADV_CRC_INIT;
    p.channel = chan;
    p.phy = 1;
    p.len = (uint16_t)(2u + n);
    p.pdu[0] = hdr0;
    p.pdu[1] = n;
    memcpy(p.pdu + 2, payload, n);
    c->cfg.radio_tx(c->cfg.arg, &p);
}

// ---- advertising -------------------------------------------------------------------------------
static uint8_t adv_pdu_type(uint8_t hci_type) {
    switch (hci_type) {
    case HCI_ADV_IND: return PDU_ADV_IND;
    case HCI_ADV_DIRECT_IND: return PDU_ADV_DIRECT_IND;
    case HCI_ADV_SCAN_IND: return PDU_ADV_SCAN_IND;
    default: return PDU_ADV_NONCONN_IND;
    }
}

static uint8_t next_adv_chan(uint8_t map, uint8_t after) {
    for (uint8_t ch = (uint8_t)(after + 1); ch <= 39; ch++) {
        if (map & (1u << (ch - 37))) {
            return ch;
        }
    }
    return 0;
}

// The advertising timer: one PDU on the next channel of the event, or the next event.
static void adv_timer(void *arg) {
    struct ctrl *c = arg;
    if (!c->adv_on) {
        return;
    }
    uint64_t now = k_sim_now_ns();
    uint8_t ch = next_adv_chan(c->adv_chan_map, c->adv_chan ? c->adv_chan : 36);
    if (!ch) { // the event is over: the next one after the interval and a random delay
        c->adv_chan = 0;
        uint64_t delay = (uint64_t)(ctrl_rand(c) % 10001u) * 1000u; // advDelay: 0-10 ms
        k_sim_irq_at(&c->adv_timer, c->adv_event_ns + (uint64_t)c->adv_interval * 625000u + delay);
        return;
    }
    if (!c->adv_chan) {
        c->adv_event_ns = now;
    }
    uint8_t own = c->adv_own_type & 1u;
    uint8_t payload[6 + 31], n = 6;
    memcpy(payload, ctrl_own_addr(c, own), 6);
    uint8_t type = adv_pdu_type(c->adv_type);
    uint8_t hdr0 = (uint8_t)(type | own << 6);
    if (type == PDU_ADV_DIRECT_IND) {
        memcpy(payload + 6, c->adv_peer, 6);
        n = 12;
        hdr0 |= (uint8_t)((c->adv_peer_type & 1u) << 7);
    } else {
        memcpy(payload + 6, c->adv_data, c->adv_len);
        n = (uint8_t)(6u + c->adv_len);
    }
    send_adv_pdu(c, now, ch, hdr0, payload, n);
    c->adv_chan = ch;
    c->adv_end_ns = now + air_time_ns((uint16_t)(2u + n));
    k_sim_irq_at(&c->adv_timer, now + CTRL_ADV_CHAN_SPACING_NS);
}

static void adv_enable(struct ctrl *c, bool on) {
    c->adv_on = on;
    c->adv_chan = 0;
    if (on) {
        k_sim_irq_after(&c->adv_timer, 0);
    } else {
        (void)k_sim_irq_cancel(&c->adv_timer);
    }
}

// A request to the advertiser: a SCAN_REQ or CONNECT_IND right after its PDU.
static void adv_rx(struct ctrl *c, const struct air_rx *rx, uint64_t t_start) {
    const uint8_t *pdu = rx->pkt->pdu;
    uint8_t type = pdu[0] & 0x0Fu, n = pdu[1];
    if (!c->adv_on || rx->pkt->channel != c->adv_chan || !rx->crc_ok ||
        t_start + 2000u < c->adv_end_ns + CTRL_T_IFS_NS || t_start > c->adv_end_ns + CTRL_T_IFS_NS + 2000u) {
        return;
    }
    uint8_t own = c->adv_own_type & 1u;
    const uint8_t *me = ctrl_own_addr(c, own);
    uint8_t adv = adv_pdu_type(c->adv_type);
    if (type == PDU_SCAN_REQ && n == 12 && !memcmp(pdu + 8, me, 6) && ((pdu[0] >> 7) & 1u) == own &&
        (adv == PDU_ADV_IND || adv == PDU_ADV_SCAN_IND)) {
        uint8_t payload[6 + 31];
        memcpy(payload, me, 6);
        memcpy(payload + 6, c->scan_rsp, c->scan_rsp_len);
        send_adv_pdu(c, rx->t_end_ns + CTRL_T_IFS_NS, rx->pkt->channel, (uint8_t)(PDU_SCAN_RSP | own << 6),
                     payload, (uint8_t)(6u + c->scan_rsp_len));
    } else if (type == PDU_CONNECT_IND && n == 34 && !memcmp(pdu + 8, me, 6) &&
               ((pdu[0] >> 7) & 1u) == own && (adv == PDU_ADV_IND || adv == PDU_ADV_DIRECT_IND)) {
        if (adv == PDU_ADV_DIRECT_IND &&
            (memcmp(pdu + 2, c->adv_peer, 6) || ((pdu[0] >> 6) & 1u) != (c->adv_peer_type & 1u))) {
            return;
        }
        struct ctrl_conn *cn = ctrl_conn_alloc(c);
        if (!cn) {
            return; // no room: ignore, as a controller at its limit does
        }
        adv_enable(c, false);
        ctrl_conn_start(cn, false, (pdu[0] >> 6) & 1u, pdu + 2, pdu + 14, rx->t_end_ns);
    }
}

// ---- scanning and initiating -------------------------------------------------------------------
static void scan_timer(void *arg) {
    struct ctrl *c = arg;
    if (!c->scan_on && !c->init_on) {
        return;
    }
    uint64_t now = k_sim_now_ns();
    c->scan_chan = c->scan_chan >= 37 && c->scan_chan < 39 ? (uint8_t)(c->scan_chan + 1) : 37;
    c->scan_win_start_ns = now;
    c->scan_win_end_ns = now + (uint64_t)c->scan_win * 625000u;
    c->scan_req_chan = 0;
    k_sim_irq_at(&c->scan_timer, now + (uint64_t)c->scan_int * 625000u);
}

static void scan_start(struct ctrl *c) {
    c->scan_chan = 0;
    k_sim_irq_after(&c->scan_timer, 0);
}

static void scan_stop(struct ctrl *c) {
    if (!c->scan_on && !c->init_on) {
        (void)k_sim_irq_cancel(&c->scan_timer);
        c->scan_chan = 0;
    }
}

static bool seen_before(struct ctrl *c, const uint8_t *addr, uint8_t type) {
    for (unsigned i = 0; i < c->seen_n; i++) {
        if (!memcmp(c->seen[i], addr, 6) && c->seen[i][6] == type) {
            return true;
        }
    }
    if (c->seen_n < sizeof c->seen / sizeof c->seen[0]) {
        memcpy(c->seen[c->seen_n], addr, 6);
        c->seen[c->seen_n][6] = type;
        c->seen_n++;
    }
    return false;
}

static void adv_report(struct ctrl *c, uint8_t ev_type, uint8_t addr_type, const uint8_t *addr,
                       const uint8_t *data, uint8_t n, int8_t rssi) {
    if (c->scan_filter_dup && seen_before(c, addr, (uint8_t)(addr_type | (ev_type == HCI_ADV_SCAN_RSP) << 1))) {
        return;
    }
    uint8_t p[12 + 31];
    p[0] = HCI_LE_EV_ADV_REPORT;
    p[1] = 1;
    p[2] = ev_type;
    p[3] = addr_type;
    memcpy(p + 4, addr, 6);
    p[10] = n;
    if (n) {
        memcpy(p + 11, data, n);
    }
    p[11 + n] = (uint8_t)rssi;
    ctrl_event(c, HCI_EV_LE_META, p, (uint8_t)(12u + n));
}

static void scan_rx(struct ctrl *c, const struct air_rx *rx, uint64_t t_start) {
    const uint8_t *pdu = rx->pkt->pdu;
    uint8_t type = pdu[0] & 0x0Fu, n = pdu[1], tx_add = (pdu[0] >> 6) & 1u, rx_add = (pdu[0] >> 7) & 1u;
    if (!rx->crc_ok || rx->pkt->channel != c->scan_chan || t_start < c->scan_win_start_ns ||
        rx->t_end_ns > c->scan_win_end_ns || n < 6 || rx->pkt->len != 2u + n) {
        return;
    }
    const uint8_t *adv_a = pdu + 2;
    if (c->init_on) {
        bool directed_to_me = type == PDU_ADV_DIRECT_IND && n == 12 &&
                              !memcmp(pdu + 8, ctrl_own_addr(c, c->init_own_type & 1u), 6) &&
                              rx_add == (c->init_own_type & 1u);
        if ((type == PDU_ADV_IND || directed_to_me) && tx_add == (c->init_peer_type & 1u) &&
            !memcmp(adv_a, c->init_peer, 6)) {
            struct ctrl_conn *cn = ctrl_conn_alloc(c);
            if (!cn) {
                return;
            }
            uint8_t own = c->init_own_type & 1u;
            uint8_t payload[34];
            memcpy(payload, ctrl_own_addr(c, own), 6);
            memcpy(payload + 6, adv_a, 6);
            uint8_t *ll = payload + 12;
            uint32_t aa = ctrl_new_access_address(c);
            hci_put32(ll, aa);
            uint32_t crc = ctrl_rand(c) & 0xFFFFFFu;
            ll[4] = (uint8_t)crc;
            ll[5] = (uint8_t)(crc >> 8);
            ll[6] = (uint8_t)(crc >> 16);
            ll[7] = 1;             // WinSize: 1.25 ms
            hci_put16(ll + 8, 0);  // WinOffset
            hci_put16(ll + 10, c->init_int);
            hci_put16(ll + 12, c->init_latency);
            hci_put16(ll + 14, c->init_timeout);
            memset(ll + 16, 0xFF, 4); // all 37 data channels
            ll[20] = 0x1F;
            ll[21] = (uint8_t)(5u + ctrl_rand(c) % 12u); // hop 5-16, SCA 0
            uint64_t t = rx->t_end_ns + CTRL_T_IFS_NS;
            send_adv_pdu(c, t, rx->pkt->channel, (uint8_t)(PDU_CONNECT_IND | own << 6 | tx_add << 7),
                         payload, 34);
            c->init_on = false;
            scan_stop(c);
            ctrl_conn_start(cn, true, tx_add, adv_a, ll, t + air_time_ns(36));
        }
        return;
    }
    if (!c->scan_on) {
        return;
    }
    switch (type) {
    case PDU_ADV_IND:
    case PDU_ADV_SCAN_IND:
    case PDU_ADV_NONCONN_IND:
        adv_report(c, type == PDU_ADV_IND ? HCI_ADV_IND : type == PDU_ADV_SCAN_IND ? HCI_ADV_SCAN_IND : HCI_ADV_NONCONN_IND,
                   tx_add, adv_a, pdu + 8, (uint8_t)(n - 6u), rx->rssi_dbm);
        if (c->scan_active && type != PDU_ADV_NONCONN_IND && !c->scan_req_chan) {
            uint8_t own = c->scan_own_type & 1u;
            uint8_t payload[12];
            memcpy(payload, ctrl_own_addr(c, own), 6);
            memcpy(payload + 6, adv_a, 6);
            uint64_t t = rx->t_end_ns + CTRL_T_IFS_NS;
            send_adv_pdu(c, t, rx->pkt->channel, (uint8_t)(PDU_SCAN_REQ | own << 6 | tx_add << 7), payload, 12);
            c->scan_req_chan = rx->pkt->channel;
            memcpy(c->scan_req_addr, adv_a, 6);
            c->scan_rsp_expect_ns = t + air_time_ns(14) + CTRL_T_IFS_NS;
        }
        break;
    case PDU_ADV_DIRECT_IND:
        if (n == 12 && !memcmp(pdu + 8, ctrl_own_addr(c, c->scan_own_type & 1u), 6)) {
            adv_report(c, HCI_ADV_DIRECT_IND, tx_add, adv_a, NULL, 0, rx->rssi_dbm);
        }
        break;
    case PDU_SCAN_RSP:
        if (c->scan_req_chan == rx->pkt->channel && !memcmp(adv_a, c->scan_req_addr, 6) &&
            t_start + 2000u >= c->scan_rsp_expect_ns && t_start <= c->scan_rsp_expect_ns + 2000u) {
            c->scan_req_chan = 0;
            adv_report(c, HCI_ADV_SCAN_RSP, tx_add, adv_a, pdu + 8, (uint8_t)(n - 6u), rx->rssi_dbm);
        }
        break;
    default: break;
    }
}

void ctrl_radio_rx(struct ctrl *c, const struct air_rx *rx) {
    const struct air_pkt *p = rx->pkt;
    if (p->len < 2 || p->len > AIR_PDU_MAX || p->pdu[1] + 2u != p->len) {
        return; // not a well-formed PDU: what a radio hears as noise
    }
    uint64_t t_start = rx->t_end_ns - air_time_ns(p->len);
    if (p->access_address == CTRL_ADV_AA) {
        if (p->channel < 37 || p->pdu[1] > 37) {
            return; // legacy advertising payloads are 6-37 bytes (a report holds at most 31 of data)
        }
        adv_rx(c, rx, t_start);
        scan_rx(c, rx, t_start);
        return;
    }
    ctrl_conn_rx(c, rx, t_start);
}

// ---- HCI commands ------------------------------------------------------------------------------
static void reset(struct ctrl *c) {
    struct ctrl_cfg cfg = c->cfg;
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        (void)k_sim_irq_cancel(&c->conns[i].timer);
    }
    (void)k_sim_irq_cancel(&c->adv_timer);
    (void)k_sim_irq_cancel(&c->scan_timer);
    memset(c, 0, sizeof *c);
    c->cfg = cfg;
    c->rng = cfg.seed ? cfg.seed : 0x2545F491u;
    memset(c->event_mask, 0xFF, 5); // the specification's default: 0x00001FFFFFFFFFFF
    c->event_mask[5] = 0x1F;
    c->le_event_mask[0] = 0x1F;
    c->adv_interval = 0x0800; // 1.28 s
    c->adv_chan_map = 7;
    c->scan_int = c->scan_win = 0x0010;
    c->def_tx_octets = 27;
    c->next_handle = 1;
    for (unsigned i = 0; i < CTRL_ACL_BUFS; i++) {
        c->acl[i].next = c->acl_free;
        c->acl_free = &c->acl[i];
    }
    k_sim_irq_init(&c->adv_timer, adv_timer, c);
    k_sim_irq_init(&c->scan_timer, scan_timer, c);
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        c->conns[i].ctrl = c;
        k_sim_irq_init(&c->conns[i].timer, ctrl_conn_timer, &c->conns[i]);
    }
}

void ctrl_init(struct ctrl *c, const struct ctrl_cfg *cfg) {
    memset(c, 0, sizeof *c);
    c->cfg = *cfg;
    reset(c);
}

static void command(struct ctrl *c, uint16_t op, const uint8_t *p, uint8_t n) {
    uint8_t r[16];
#define NEED(k)                                     \
    if (n != (k)) {                                 \
        complete_status(c, op, HCI_ERR_INVALID_PARAMS); \
        return;                                     \
    }
    switch (op) {
    case HCI_RESET:
        NEED(0);
        reset(c);
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_SET_EVENT_MASK:
        NEED(8);
        memcpy(c->event_mask, p, 8);
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_SET_EVENT_MASK:
        NEED(8);
        memcpy(c->le_event_mask, p, 8);
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_READ_LOCAL_VERSION:
        NEED(0);
        r[0] = 0;
        r[1] = 0x0B; // HCI version 5.2
        hci_put16(r + 2, 1);
        r[4] = 0x0B;
        hci_put16(r + 5, 0xFFFF); // no company: a test controller
        hci_put16(r + 7, 1);
        cmd_complete(c, op, r, 9);
        return;
    case HCI_READ_BD_ADDR:
        NEED(0);
        r[0] = 0;
        memcpy(r + 1, c->cfg.addr, 6);
        cmd_complete(c, op, r, 7);
        return;
    case HCI_READ_LOCAL_FEATURES:
    case HCI_LE_READ_LOCAL_FEATURES:
    case HCI_LE_READ_SUPPORTED_STATES:
        NEED(0);
        memset(r, 0, 9);
        if (op == HCI_READ_LOCAL_FEATURES) {
            r[1 + 4] = 0x60; // LE supported (controller), BR/EDR not supported
        } else if (op == HCI_LE_READ_LOCAL_FEATURES) {
            r[1] = 0x21; // LE encryption, LE data packet length extension
        } else {
            memset(r + 1, 0xFF, 5); // every legacy state combination
        }
        cmd_complete(c, op, r, 9);
        return;
    case HCI_LE_READ_BUFFER_SIZE:
        NEED(0);
        r[0] = 0;
        hci_put16(r + 1, CTRL_ACL_LEN);
        r[3] = CTRL_ACL_BUFS;
        cmd_complete(c, op, r, 4);
        return;
    case HCI_LE_READ_ACCEPT_LIST_SIZE:
        NEED(0);
        r[0] = 0;
        r[1] = 0;
        cmd_complete(c, op, r, 2);
        return;
    case HCI_LE_READ_ADV_TX_POWER:
        NEED(0);
        r[0] = 0;
        r[1] = 0; // 0 dBm
        cmd_complete(c, op, r, 2);
        return;
    case HCI_LE_RAND:
        NEED(0);
        r[0] = 0;
        hci_put32(r + 1, ctrl_rand(c));
        hci_put32(r + 5, ctrl_rand(c));
        cmd_complete(c, op, r, 9);
        return;
    case HCI_LE_SET_RANDOM_ADDRESS:
        NEED(6);
        if (c->adv_on || c->scan_on || c->init_on) {
            complete_status(c, op, HCI_ERR_CMD_DISALLOWED);
            return;
        }
        memcpy(c->random_addr, p, 6);
        c->random_addr_set = true;
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_SET_ADV_PARAMS: {
        NEED(15);
        uint16_t lo = hci_get16(p), hi = hci_get16(p + 2);
        uint8_t type = p[4];
        if (c->adv_on) {
            complete_status(c, op, HCI_ERR_CMD_DISALLOWED);
            return;
        }
        bool directed = type == HCI_ADV_DIRECT_IND || type == 0x04;
        if (type > 0x04 || p[5] > 3 || (p[13] & 7u) == 0 ||
            (!directed && (lo < 0x0020 || hi > 0x4000 || lo > hi))) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        c->adv_interval = directed ? 0x0006 : lo; // high duty cycle directed: 3.75 ms
        c->adv_type = type == 0x04 ? HCI_ADV_DIRECT_IND : type;
        c->adv_own_type = p[5];
        c->adv_peer_type = p[6];
        memcpy(c->adv_peer, p + 7, 6);
        c->adv_chan_map = p[13] & 7u;
        complete_status(c, op, HCI_SUCCESS);
        return;
    }
    case HCI_LE_SET_ADV_DATA:
    case HCI_LE_SET_SCAN_RSP_DATA:
        NEED(32);
        if (p[0] > 31) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        if (op == HCI_LE_SET_ADV_DATA) {
            c->adv_len = p[0];
            memcpy(c->adv_data, p + 1, p[0]);
        } else {
            c->scan_rsp_len = p[0];
            memcpy(c->scan_rsp, p + 1, p[0]);
        }
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_SET_ADV_ENABLE:
        NEED(1);
        if (p[0] > 1 || (p[0] && (c->adv_own_type & 1u) && !c->random_addr_set)) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        if (p[0] && c->adv_type != HCI_ADV_NONCONN_IND && c->adv_type != HCI_ADV_SCAN_IND && !ctrl_conn_room(c)) {
            complete_status(c, op, HCI_ERR_CONN_LIMIT);
            return;
        }
        if (p[0] != c->adv_on) {
            adv_enable(c, p[0]);
        }
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_SET_SCAN_PARAMS:
        NEED(7);
        if (c->scan_on) {
            complete_status(c, op, HCI_ERR_CMD_DISALLOWED);
            return;
        }
        if (p[0] > 1 || hci_get16(p + 1) < 4 || hci_get16(p + 1) > 0x4000 || hci_get16(p + 3) < 4 ||
            hci_get16(p + 3) > hci_get16(p + 1) || p[5] > 3) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        c->scan_active = p[0];
        c->scan_int = hci_get16(p + 1);
        c->scan_win = hci_get16(p + 3);
        c->scan_own_type = p[5];
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_SET_SCAN_ENABLE:
        NEED(2);
        if (p[0] > 1 || p[1] > 1) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        if (p[0] && !c->scan_on) {
            c->scan_on = true;
            c->seen_n = 0;
            if (!c->init_on) {
                scan_start(c);
            }
        } else if (!p[0] && c->scan_on) {
            c->scan_on = false;
            scan_stop(c);
        }
        c->scan_filter_dup = p[1];
        complete_status(c, op, HCI_SUCCESS);
        return;
    case HCI_LE_CREATE_CONN: {
        if (n != 25) {
            cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        uint16_t si = hci_get16(p), sw = hci_get16(p + 2), imin = hci_get16(p + 13), imax = hci_get16(p + 15),
                 lat = hci_get16(p + 17), to = hci_get16(p + 19);
        if (c->init_on) {
            cmd_status(c, op, HCI_ERR_CMD_DISALLOWED);
            return;
        }
        if (si < 4 || si > 0x4000 || sw < 4 || sw > si || p[4] != 0 || imin < 6 || imax > 0x0C80 || imin > imax ||
            lat > 0x01F3 || to < 0x000A || to > 0x0C80 || (uint32_t)to * 4u <= (1u + lat) * imax) {
            cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        if (!ctrl_conn_room(c)) {
            cmd_status(c, op, HCI_ERR_CONN_LIMIT);
            return;
        }
        c->init_peer_type = p[5];
        memcpy(c->init_peer, p + 6, 6);
        c->init_own_type = p[12];
        c->init_int = imin;
        c->init_latency = lat;
        c->init_timeout = to;
        c->scan_int = si;
        c->scan_win = sw;
        c->init_on = true;
        cmd_status(c, op, HCI_SUCCESS);
        scan_start(c);
        return;
    }
    case HCI_LE_CREATE_CONN_CANCEL:
        NEED(0);
        if (!c->init_on) {
            complete_status(c, op, HCI_ERR_CMD_DISALLOWED);
            return;
        }
        c->init_on = false;
        scan_stop(c);
        if (c->scan_on) {
            scan_start(c);
        }
        complete_status(c, op, HCI_SUCCESS);
        ctrl_conn_complete_event(c, HCI_ERR_UNKNOWN_CONN, NULL);
        return;
    default:
        if (ctrl_conn_command(c, op, p, n)) {
            return;
        }
        complete_status(c, op, HCI_ERR_UNKNOWN_CMD);
        return;
    }
#undef NEED
}

void ctrl_cmd_status(struct ctrl *c, uint16_t op, uint8_t status) {
    cmd_status(c, op, status);
}

void ctrl_cmd_complete(struct ctrl *c, uint16_t op, const uint8_t *ret, uint8_t n) {
    cmd_complete(c, op, ret, n);
}

void ctrl_h4_input(struct ctrl *c, struct h4_reader *r, const uint8_t *p, size_t n,
                   void (*tap)(const uint8_t *pkt, size_t n)) {
    for (size_t off = 0; off < n;) {
        size_t used;
        enum h4_status st = h4_feed(r, p + off, n - off, &used);
        off += used;
        if (st == H4_PACKET) {
            uint16_t len;
            const uint8_t *pkt = h4_packet(r, &len);
            if (tap) {
                tap(pkt, len);
            }
            ctrl_from_host(c, pkt, len);
        } else if (st < 0) {
            uint8_t ev[4] = {HCI_H4_EVT, HCI_EV_HW_ERROR, 1, 0x01};
            c->cfg.to_host(c->cfg.arg, ev, sizeof ev);
            h4_reader_reset(r);
            return; // the rest of these bytes belong to the broken packet
        }
    }
}

void ctrl_addr_from_name(const char *name, uint8_t addr[6]) {
    uint32_t h = 2166136261u;
    for (const char *q = name; *q; q++) {
        h = (h ^ (uint8_t)*q) * 16777619u;
    }
    const uint8_t a[6] = {(uint8_t)h, (uint8_t)(h >> 8), (uint8_t)(h >> 16), (uint8_t)(h >> 24), 0x00, 0xC2};
    memcpy(addr, a, 6);
}

void ctrl_from_host(struct ctrl *c, const uint8_t *pkt, size_t n) {
    if (n >= 1 + HCI_CMD_HDR && pkt[0] == HCI_H4_CMD) {
        uint16_t op = hci_get16(pkt + 1);
        if (pkt[3] != n - 1u - HCI_CMD_HDR) {
            complete_status(c, op, HCI_ERR_INVALID_PARAMS);
            return;
        }
        command(c, op, pkt + 4, pkt[3]);
    } else if (n >= 1 + HCI_ACL_HDR && pkt[0] == HCI_H4_ACL) {
        uint16_t h = hci_get16(pkt + 1), len = hci_get16(pkt + 3);
        if (len != n - 1u - HCI_ACL_HDR || len > CTRL_ACL_LEN) {
            return;
        }
        ctrl_conn_acl_from_host(c, HCI_ACL_HANDLE(h), (uint8_t)HCI_ACL_PB(h), pkt + 5, len);
    }
}
