// ble/ctrl/ctrl_conn.c: the virtual controller's connections (ctrl.h): connection events,
// acknowledgement and retransmission, ACL fragmentation, link-layer control procedures
// (connection update, termination, features, version, data length), supervision.
#include <string.h>

#include "ble/ctrl/ctrl_priv.h"
#include "ble/hci.h"
#include "ble/smp_crypto.h"

#define RX_TOLERANCE_NS 20000u // how far from its expected start a packet may begin
#define LL_FEATURES0 0x21u     // LE encryption, LE data packet length extension
#define MAX_OCTETS 251u
#define MAX_TIME_US 2120u

// encryption states
enum { ENC_NONE, ENC_WAIT_RSP, ENC_WAIT_START_REQ, ENC_WAIT_START_RSP, ENC_WAIT_LTK, ENC_ON };

static uint64_t interval_ns(const struct ctrl_conn *cn) {
    return (uint64_t)cn->interval * 1250000u;
}

bool ctrl_conn_room(const struct ctrl *c) {
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        if (!c->conns[i].used) {
            return true;
        }
    }
    return false;
}

struct ctrl_conn *ctrl_conn_alloc(struct ctrl *c) {
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        if (!c->conns[i].used) {
            return &c->conns[i];
        }
    }
    return NULL;
}

static struct ctrl_conn *by_handle(struct ctrl *c, uint16_t handle) {
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        if (c->conns[i].used && c->conns[i].handle == handle) {
            return &c->conns[i];
        }
    }
    return NULL;
}

// A random access address that is not the advertising one nor another connection's, with
// some transitions (the specification's rules, in short: not all bits alike).
uint32_t ctrl_new_access_address(struct ctrl *c) {
    for (;;) {
        uint32_t aa = ctrl_rand(c);
        bool clash = aa == CTRL_ADV_AA || aa == 0 || aa == 0xFFFFFFFFu || __builtin_popcount(aa ^ (aa >> 1)) < 8;
        for (unsigned i = 0; i < CTRL_MAX_CONN && !clash; i++) {
            clash = c->conns[i].used && c->conns[i].aa == aa;
        }
        if (!clash) {
            return aa;
        }
    }
}

void ctrl_conn_complete_event(struct ctrl *c, uint8_t status, const struct ctrl_conn *cn) {
    uint8_t p[19] = {HCI_LE_EV_CONN_COMPLETE, status};
    if (cn) {
        hci_put16(p + 2, cn->handle);
        p[4] = cn->central ? 0 : 1;
        p[5] = cn->peer_type;
        memcpy(p + 6, cn->peer_addr, 6);
        hci_put16(p + 12, cn->interval);
        hci_put16(p + 14, cn->latency);
        hci_put16(p + 16, cn->timeout);
    }
    ctrl_event(c, HCI_EV_LE_META, p, sizeof p);
}

void ctrl_conn_start(struct ctrl_conn *cn, bool central, uint8_t peer_type, const uint8_t *peer,
                     const uint8_t *ll, uint64_t t_ci_end_ns) {
    struct ctrl *c = cn->ctrl;
    struct k_sim_irq timer = cn->timer;
    memset(cn, 0, sizeof *cn);
    cn->ctrl = c;
    cn->timer = timer;
    cn->used = true;
    cn->central = central;
    cn->handle = c->next_handle;
    c->next_handle = c->next_handle >= 0x0EFF ? 1 : (uint16_t)(c->next_handle + 1);
    cn->peer_type = peer_type;
    memcpy(cn->peer_addr, peer, 6);
    cn->aa = hci_get32(ll);
    cn->crc_init = (uint32_t)ll[4] | (uint32_t)ll[5] << 8 | (uint32_t)ll[6] << 16;
    cn->win_size = ll[7] ? ll[7] : 1;
    cn->interval = hci_get16(ll + 10);
    cn->latency = hci_get16(ll + 12);
    cn->timeout = hci_get16(ll + 14);
    cn->hop = ll[21] & 0x1Fu;
    cn->max_tx = cn->max_rx = 27;
    cn->event_counter = 0xFFFF; // the first event is 0
    cn->start_ns = t_ci_end_ns;
    cn->anchor_ns = t_ci_end_ns + 1250000u + (uint64_t)hci_get16(ll + 8) * 1250000u;
    k_sim_irq_at(&cn->timer, cn->anchor_ns);
    ctrl_conn_complete_event(c, HCI_SUCCESS, cn);
}

static void drop(struct ctrl_conn *cn, uint8_t reason) {
    struct ctrl *c = cn->ctrl;
    (void)k_sim_irq_cancel(&cn->timer);
    for (struct ctrl_acl *a = cn->acl_head, *next; a; a = next) {
        next = a->next;
        a->next = c->acl_free;
        c->acl_free = a;
    }
    cn->acl_head = cn->acl_tail = NULL;
    cn->used = false;
    uint8_t p[4] = {HCI_SUCCESS, (uint8_t)cn->handle, (uint8_t)(cn->handle >> 8), reason};
    ctrl_event(c, HCI_EV_DISCONN_COMPLETE, p, 4);
}

static void queue_ctl(struct ctrl_conn *cn, const uint8_t *d, uint8_t n) {
    if (cn->ctl_n >= sizeof cn->ctl / sizeof cn->ctl[0]) {
        return; // the procedures are one at a time: four never fill up in practice
    }
    struct ctrl_pdu *p = &cn->ctl[cn->ctl_n++];
    p->hdr0 = LLID_CTRL;
    p->len = n;
    memcpy(p->data, d, n);
}

// ---- AES-CCM of the link layer (Vol 6 Part E): a 4-byte MIC, the header's LLID/NESN... bits
// masked as additional data, the nonce from the packet counter, the direction and the IV ------
static void ccm_nonce(const struct ctrl_conn *cn, uint64_t ctr, bool from_central, uint8_t nonce[13]) {
    for (int i = 0; i < 5; i++) {
        nonce[i] = (uint8_t)(ctr >> (8 * i));
    }
    nonce[4] = (uint8_t)((nonce[4] & 0x7Fu) | (from_central ? 0x80u : 0));
    memcpy(nonce + 5, cn->iv, 8);
}

static void ccm_block(const struct ctrl_conn *cn, uint8_t flags, const uint8_t nonce[13], uint16_t tail, uint8_t out[16]) {
    uint8_t b[16];
    b[0] = flags;
    memcpy(b + 1, nonce, 13);
    b[14] = (uint8_t)(tail >> 8);
    b[15] = (uint8_t)tail;
    smp_crypto_aes128(cn->sk, b, out);
}

// The MIC over (hdr0 masked, payload) and the payload en/decrypted in place.
static void ccm(const struct ctrl_conn *cn, uint64_t ctr, bool from_central, uint8_t hdr0, uint8_t *d, uint8_t n,
                bool encrypt, uint8_t mic[4]) {
    uint8_t nonce[13], x[16], s[16];
    ccm_nonce(cn, ctr, from_central, nonce);
    ccm_block(cn, 0x49, nonce, n, x); // B0: Adata, M = 4, L = 2
    uint8_t b1[16] = {0x00, 0x01, (uint8_t)(hdr0 & 0xE3u)};
    for (int i = 0; i < 16; i++) {
        x[i] ^= b1[i];
    }
    smp_crypto_aes128(cn->sk, x, x);
    for (unsigned off = 0, blk = 1; off < n; off += 16, blk++) { // (not uint8_t: n may pass 240)
        unsigned k = n - off < 16 ? n - off : 16;
        ccm_block(cn, 0x01, nonce, (uint16_t)blk, s);
        if (encrypt) { // MIC over the plaintext, then encrypt
            for (unsigned i = 0; i < k; i++) {
                x[i] ^= d[off + i];
                d[off + i] ^= s[i];
            }
        } else {
            for (unsigned i = 0; i < k; i++) {
                d[off + i] ^= s[i];
                x[i] ^= d[off + i];
            }
        }
        smp_crypto_aes128(cn->sk, x, x);
    }
    ccm_block(cn, 0x01, nonce, 0, s);
    for (int i = 0; i < 4; i++) {
        mic[i] = x[i] ^ s[i];
    }
}

static void encryption_change(struct ctrl_conn *cn, uint8_t status, bool on) {
    uint8_t p[4] = {status, (uint8_t)cn->handle, (uint8_t)(cn->handle >> 8), on};
    ctrl_event(cn->ctrl, HCI_EV_ENCRYPT_CHANGE, p, 4);
}

// SK = e(LTK, SKD) (little-endian), kept most significant byte first for AES.
static void session_key(struct ctrl_conn *cn) {
    uint8_t sk_le[16];
    smp_crypto_e(cn->ltk, cn->skd, sk_le);
    for (int i = 0; i < 16; i++) {
        cn->sk[i] = sk_le[15 - i];
    }
    cn->tx_ctr = cn->rx_ctr = 0;
}

static bool more_to_send(const struct ctrl_conn *cn) {
    return cn->ctl_n || cn->acl_head || (cn->tx_unacked && cn->cur.len);
}

// The next PDU (or the unacknowledged one again) on the air at t.
static void send_pdu(struct ctrl_conn *cn, uint64_t t) {
    struct ctrl *c = cn->ctrl;
    if (!cn->tx_unacked) {
        cn->cur_acl = NULL;
        cn->cur_len_data = 0;
        if (cn->ctl_n) {
            cn->cur = cn->ctl[0];
            memmove(cn->ctl, cn->ctl + 1, (size_t)(cn->ctl_n - 1) * sizeof cn->ctl[0]);
            cn->ctl_n--;
        } else if (cn->acl_head) {
            struct ctrl_acl *a = cn->acl_head;
            uint16_t k = (uint16_t)(a->len - a->sent), room = (uint16_t)(cn->max_tx - (cn->enc_tx ? 4u : 0u));
            if (k > room) {
                k = room;
            }
            cn->cur.hdr0 = (a->sent == 0 && a->pb != HCI_ACL_PB_CONT) ? LLID_START : LLID_CONT;
            cn->cur.len = (uint8_t)k;
            memcpy(cn->cur.data, a->data + a->sent, k);
            cn->cur_acl = a;
            cn->cur_len_data = k;
        } else {
            cn->cur.hdr0 = LLID_CONT;
            cn->cur.len = 0;
        }
        cn->tx_unacked = true;
        cn->cur_enc = cn->enc_tx && cn->cur.len; // an empty PDU has no MIC
        if (cn->cur_enc) {
            cn->cur_ctr = cn->tx_ctr++;
        }
    }
    bool md = cn->ctl_n || (cn->acl_head && (cn->cur_acl != cn->acl_head ||
                                             cn->acl_head->sent + cn->cur_len_data < cn->acl_head->len ||
                                             cn->acl_head->next));
    struct air_pkt p;
    p.t_start_ns = t;
    p.access_address = cn->aa;
    p.crc_init = cn->crc_init;
    p.channel = cn->chan;
    p.phy = 1;
    p.pdu[0] = (uint8_t)((cn->cur.hdr0 & 3u) | (cn->nesn ? HDR_NESN : 0) | (cn->sn ? HDR_SN : 0) | (md ? HDR_MD : 0));
    memcpy(p.pdu + 2, cn->cur.data, cn->cur.len);
    uint8_t n = cn->cur.len;
    if (cn->cur_enc) { // the same ciphertext each time it is sent
        ccm(cn, cn->cur_ctr, cn->central, p.pdu[0], p.pdu + 2, n, true, p.pdu + 2 + n);
        n = (uint8_t)(n + 4u);
    }
    p.pdu[1] = n;
    p.len = (uint16_t)(2u + n);
    c->cfg.radio_tx(c->cfg.arg, &p);
    if (cn->enc_state == ENC_WAIT_START_RSP && !cn->central && (cn->cur.hdr0 & 3u) == LLID_CTRL &&
        cn->cur.data[0] == LL_START_ENC_REQ) {
        cn->enc_rx = true; // what comes next from the central is encrypted
    }
    cn->expect_ns = t + air_time_ns(p.len) + CTRL_T_IFS_NS;
    if (cn->closing) { // this PDU acknowledges the peer's LL_TERMINATE_IND
        drop(cn, cn->close_reason);
    }
}

void ctrl_conn_timer(void *arg) {
    struct ctrl_conn *cn = arg;
    struct ctrl *c = cn->ctrl;
    if (!cn->used) {
        return;
    }
    uint64_t now = cn->anchor_ns;
    cn->ev_anchor_ns = now;
    cn->event_counter++;
    if (cn->upd_pending && cn->event_counter == cn->upd_instant) {
        cn->upd_pending = false;
        cn->interval = cn->upd_interval;
        cn->latency = cn->upd_latency;
        cn->timeout = cn->upd_timeout;
        uint8_t p[10] = {HCI_LE_EV_CONN_UPDATE_COMPLETE, HCI_SUCCESS};
        hci_put16(p + 2, cn->handle);
        hci_put16(p + 4, cn->interval);
        hci_put16(p + 6, cn->latency);
        hci_put16(p + 8, cn->timeout);
        ctrl_event(c, HCI_EV_LE_META, p, sizeof p);
    }
    cn->unmapped = (uint8_t)((cn->unmapped + cn->hop) % 37u);
    cn->chan = cn->unmapped; // every data channel is used
    if (cn->established ? now - cn->last_rx_ns > (uint64_t)cn->timeout * 10000000u
                        : now - cn->start_ns >= 6u * interval_ns(cn)) {
        drop(cn, cn->established ? HCI_ERR_CONN_TIMEOUT : HCI_ERR_CONN_FAILED_TO_ESTABLISH);
        return;
    }
    if (cn->terminating && now >= cn->term_deadline_ns) {
        drop(cn, cn->term_local_reason);
        return;
    }
    cn->anchor_ns = now + interval_ns(cn);
    k_sim_irq_at(&cn->timer, cn->anchor_ns);
    cn->in_event = true;
    cn->expect_ns = now;
    if (cn->central) {
        send_pdu(cn, now);
    }
}

static void to_host_acl(struct ctrl_conn *cn, uint8_t pb, const uint8_t *d, uint8_t n) {
    uint8_t pkt[5 + 255];
    pkt[0] = HCI_H4_ACL;
    hci_put16(pkt + 1, (uint16_t)(cn->handle | pb << 12));
    hci_put16(pkt + 3, n);
    memcpy(pkt + 5, d, n);
    cn->ctrl->cfg.to_host(cn->ctrl->cfg.arg, pkt, 5u + n);
}

static void acked(struct ctrl_conn *cn) {
    struct ctrl *c = cn->ctrl;
    struct ctrl_acl *a = cn->cur_acl;
    if (a) {
        a->sent = (uint16_t)(a->sent + cn->cur_len_data);
        if (a->sent >= a->len) {
            cn->acl_head = a->next;
            if (!cn->acl_head) {
                cn->acl_tail = NULL;
            }
            a->next = c->acl_free;
            c->acl_free = a;
            uint8_t p[5] = {1, (uint8_t)cn->handle, (uint8_t)(cn->handle >> 8), 1, 0};
            ctrl_event(c, HCI_EV_NUM_COMPLETED, p, 5);
        }
        cn->cur_acl = NULL;
    } else if ((cn->cur.hdr0 & 3u) == LLID_CTRL && cn->cur.len && cn->cur.data[0] == LL_TERMINATE_IND) {
        drop(cn, cn->term_local_reason);
    }
}

static void length_update(struct ctrl_conn *cn, const uint8_t *d) {
    uint16_t peer_rx = hci_get16(d + 1), peer_tx = hci_get16(d + 5);
    uint16_t tx = peer_rx < cn->ctrl->def_tx_octets ? peer_rx : cn->ctrl->def_tx_octets;
    uint16_t rx = peer_tx < MAX_OCTETS ? peer_tx : MAX_OCTETS;
    if (tx < 27) {
        tx = 27;
    }
    if (rx < 27) {
        rx = 27;
    }
    if (tx != cn->max_tx || rx != cn->max_rx) {
        cn->max_tx = tx;
        cn->max_rx = rx;
        uint8_t p[11] = {HCI_LE_EV_DATA_LEN_CHANGE};
        hci_put16(p + 1, cn->handle);
        hci_put16(p + 3, tx);
        hci_put16(p + 5, (uint16_t)((tx + 14u) * 8u));
        hci_put16(p + 7, rx);
        hci_put16(p + 9, (uint16_t)((rx + 14u) * 8u));
        ctrl_event(cn->ctrl, HCI_EV_LE_META, p, sizeof p);
    }
}

static void length_pdu(struct ctrl_conn *cn, uint8_t op) {
    uint8_t d[9] = {op};
    hci_put16(d + 1, MAX_OCTETS);
    hci_put16(d + 3, MAX_TIME_US);
    hci_put16(d + 5, cn->ctrl->def_tx_octets);
    hci_put16(d + 7, (uint16_t)((cn->ctrl->def_tx_octets + 14u) * 8u));
    queue_ctl(cn, d, 9);
}

static void version_pdu(struct ctrl_conn *cn) {
    uint8_t d[6] = {LL_VERSION_IND, 0x0B, 0xFF, 0xFF, 1, 0};
    queue_ctl(cn, d, 6);
    cn->version_sent = true;
}

static void control(struct ctrl_conn *cn, const uint8_t *d, uint8_t n) {
    struct ctrl *c = cn->ctrl;
    uint8_t op = d[0];
    switch (op) {
    case LL_CONNECTION_UPDATE_IND:
        if (n != 12 || cn->central) {
            break;
        }
        // (WinSize and WinOffset: the simulation's clocks are exact, the new anchor is the instant's)
        cn->upd_interval = hci_get16(d + 4);
        cn->upd_latency = hci_get16(d + 6);
        cn->upd_timeout = hci_get16(d + 8);
        cn->upd_instant = hci_get16(d + 10);
        // an instant of this very event is past too: the next event's counter is already beyond
        if ((uint16_t)(cn->upd_instant - cn->event_counter - 1u) >= 32766u) {
            drop(cn, HCI_ERR_INSTANT_PASSED);
            return;
        }
        // the specification's ranges: interval 7.5 ms-4 s, latency < 500, timeout 100 ms-32 s
        // and longer than (1 + latency) intervals twice over (timeout in 10 ms, interval 1.25)
        if (cn->upd_interval < 6 || cn->upd_interval > 3200 || cn->upd_latency > 499 ||
            cn->upd_timeout < 10 || cn->upd_timeout > 3200 ||
            (uint32_t)cn->upd_timeout * 4u <= (1u + cn->upd_latency) * cn->upd_interval) {
            drop(cn, HCI_ERR_INVALID_LL_PARAMS);
            return;
        }
        cn->upd_pending = true;
        return;
    case LL_TERMINATE_IND:
        if (n == 2) {
            cn->closing = true;
            cn->close_reason = d[1];
        }
        return;
    case LL_FEATURE_REQ:
    case LL_PERIPHERAL_FEATURE_REQ:
        if (n == 9) {
            uint8_t r[9] = {LL_FEATURE_RSP, LL_FEATURES0};
            queue_ctl(cn, r, 9);
        }
        return;
    case LL_FEATURE_RSP:
        if (n == 9 && cn->features_asked) {
            cn->features_asked = false;
            uint8_t p[12] = {HCI_LE_EV_REMOTE_FEATURES, HCI_SUCCESS};
            hci_put16(p + 2, cn->handle);
            memcpy(p + 4, d + 1, 8);
            ctrl_event(c, HCI_EV_LE_META, p, sizeof p);
        }
        return;
    case LL_VERSION_IND:
        if (n != 6) {
            break;
        }
        if (!cn->version_sent) {
            version_pdu(cn);
        }
        if (cn->version_asked) {
            cn->version_asked = false;
            uint8_t p[8] = {HCI_SUCCESS, (uint8_t)cn->handle, (uint8_t)(cn->handle >> 8), d[1], d[2], d[3], d[4], d[5]};
            ctrl_event(c, HCI_EV_REMOTE_VERSION, p, 8);
        }
        return;
    case LL_LENGTH_REQ:
        if (n == 9) {
            length_pdu(cn, LL_LENGTH_RSP);
            length_update(cn, d);
        }
        return;
    case LL_LENGTH_RSP:
        if (n == 9) {
            length_update(cn, d);
        }
        return;
    case LL_ENC_REQ:
        if (n != 23 || cn->central || cn->enc_state != ENC_NONE) {
            break;
        }
        {
            memcpy(cn->skd, d + 11, 8); // SKDm, the low half
            memcpy(cn->iv, d + 19, 4);  // IVm
            uint8_t r[13] = {LL_ENC_RSP};
            for (int i = 0; i < 12; i += 4) {
                hci_put32(r + 1 + i, ctrl_rand(c));
            }
            memcpy(cn->skd + 8, r + 1, 8);
            memcpy(cn->iv + 4, r + 9, 4);
            queue_ctl(cn, r, 13);
            cn->enc_state = ENC_WAIT_LTK;
            uint8_t e[13] = {HCI_LE_EV_LTK_REQUEST, (uint8_t)cn->handle, (uint8_t)(cn->handle >> 8)};
            memcpy(e + 3, d + 1, 10); // Rand, EDIV
            ctrl_event(c, HCI_EV_LE_META, e, 13);
        }
        return;
    case LL_ENC_RSP:
        if (n != 13 || !cn->central || cn->enc_state != ENC_WAIT_RSP) {
            break;
        }
        memcpy(cn->skd + 8, d + 1, 8);
        memcpy(cn->iv + 4, d + 9, 4);
        session_key(cn);
        cn->enc_state = ENC_WAIT_START_REQ;
        return;
    case LL_START_ENC_REQ:
        if (n != 1 || !cn->central || cn->enc_state != ENC_WAIT_START_REQ) {
            break;
        }
        cn->enc_tx = cn->enc_rx = true;
        queue_ctl(cn, (const uint8_t[]){LL_START_ENC_RSP}, 1);
        cn->enc_state = ENC_WAIT_START_RSP;
        return;
    case LL_START_ENC_RSP:
        if (n != 1 || cn->enc_state != ENC_WAIT_START_RSP) {
            break;
        }
        if (!cn->central) {
            cn->enc_tx = true;
            queue_ctl(cn, (const uint8_t[]){LL_START_ENC_RSP}, 1);
        }
        cn->enc_state = ENC_ON;
        encryption_change(cn, HCI_SUCCESS, true);
        return;
    case LL_REJECT_IND:
    case LL_REJECT_EXT_IND:
        if (cn->central && (cn->enc_state == ENC_WAIT_RSP || cn->enc_state == ENC_WAIT_START_REQ) &&
            n == (op == LL_REJECT_IND ? 2 : 3)) {
            cn->enc_state = ENC_NONE;
            encryption_change(cn, d[n - 1], false);
        }
        return;
    case LL_UNKNOWN_RSP:
        if (n == 2 && d[1] == LL_FEATURE_REQ && cn->features_asked) {
            cn->features_asked = false;
            uint8_t p[12] = {HCI_LE_EV_REMOTE_FEATURES, HCI_ERR_UNSUPPORTED_REMOTE};
            hci_put16(p + 2, cn->handle);
            ctrl_event(c, HCI_EV_LE_META, p, sizeof p);
        }
        return;
    default: break;
    }
    uint8_t r[2] = {LL_UNKNOWN_RSP, op};
    queue_ctl(cn, r, 2);
}

void ctrl_conn_rx(struct ctrl *c, const struct air_rx *rx, uint64_t t_start) {
    const struct air_pkt *p = rx->pkt;
    struct ctrl_conn *cn = NULL;
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        if (c->conns[i].used && c->conns[i].aa == p->access_address) {
            cn = &c->conns[i];
        }
    }
    if (!cn || !cn->in_event || p->channel != cn->chan || p->crc_init != cn->crc_init) {
        return;
    }
    bool first = !cn->central && !cn->established;
    if (first ? (t_start < cn->ev_anchor_ns || t_start > cn->ev_anchor_ns + (uint64_t)cn->win_size * 1250000u)
              : (t_start + RX_TOLERANCE_NS < cn->expect_ns || t_start > cn->expect_ns + RX_TOLERANCE_NS)) {
        return;
    }
    if (!rx->crc_ok || p->pdu[1] > cn->max_rx + (cn->enc_rx ? 4u : 0u)) {
        return; // not received: no acknowledgement either way
    }
    uint8_t h = p->pdu[0], n = p->pdu[1];
    uint8_t d[255];
    memcpy(d, p->pdu + 2, n);
    cn->last_rx_ns = rx->t_end_ns;
    cn->rssi = rx->rssi_dbm;
    if (first) {
        cn->ev_anchor_ns = t_start; // the central chose where in the window to start
        cn->anchor_ns = t_start + interval_ns(cn);
        k_sim_irq_at(&cn->timer, cn->anchor_ns);
    }
    cn->established = true;
    if (((h & HDR_NESN) != 0) != cn->sn) { // the peer has our PDU
        cn->sn ^= 1;
        cn->tx_unacked = false;
        acked(cn);
        if (!cn->used) {
            return;
        }
    }
    if (((h & HDR_SN) != 0) == cn->nesn) { // a new PDU (else the peer sent it again)
        if (cn->enc_rx && n) {
            uint8_t mic[4];
            if (n < 5) {
                drop(cn, HCI_ERR_MIC_FAILURE);
                return;
            }
            n = (uint8_t)(n - 4u);
            ccm(cn, cn->rx_ctr, !cn->central, h, d, n, false, mic);
            if (memcmp(mic, d + n, 4)) { // the wrong key, or a forged packet: the link is lost
                drop(cn, HCI_ERR_MIC_FAILURE);
                return;
            }
            cn->rx_ctr++;
        }
        cn->nesn ^= 1;
        uint8_t llid = h & 3u;
        if (llid == LLID_CTRL && n) {
            control(cn, d, n);
            if (!cn->used) {
                return;
            }
        } else if (llid == LLID_START || (llid == LLID_CONT && n)) {
            to_host_acl(cn, llid == LLID_START ? HCI_ACL_PB_FIRST_FLUSH : HCI_ACL_PB_CONT, d, n);
        }
    }
    uint64_t t = rx->t_end_ns + CTRL_T_IFS_NS;
    if (!cn->central) {
        send_pdu(cn, t); // the response, T_IFS after the central's packet
        return;
    }
    bool fits = t + 2u * (air_time_ns(2u + MAX_OCTETS) + CTRL_T_IFS_NS) < cn->anchor_ns;
    if (((h & HDR_MD) || more_to_send(cn) || cn->closing) && fits) {
        send_pdu(cn, t);
    } else {
        cn->in_event = false;
    }
}

void ctrl_conn_acl_from_host(struct ctrl *c, uint16_t handle, uint8_t pb, const uint8_t *data, uint16_t n) {
    struct ctrl_conn *cn = by_handle(c, handle);
    if (!cn || n == 0) {
        return;
    }
    struct ctrl_acl *a = c->acl_free;
    if (!a) {
        uint8_t p[1] = {0x01}; // ACL
        ctrl_event(c, HCI_EV_DATA_BUF_OVERFLOW, p, 1);
        return;
    }
    c->acl_free = a->next;
    memcpy(a->data, data, n);
    a->len = n;
    a->sent = 0;
    a->pb = pb;
    a->next = NULL;
    if (cn->acl_tail) {
        cn->acl_tail->next = a;
    } else {
        cn->acl_head = a;
    }
    cn->acl_tail = a;
}

bool ctrl_conn_command(struct ctrl *c, uint16_t op, const uint8_t *p, uint8_t n) {
    struct ctrl_conn *cn = n >= 2 ? by_handle(c, hci_get16(p) & 0x0FFFu) : NULL;
    uint8_t r[12];
    switch (op) {
    case HCI_DISCONNECT:
        if (n != 3) {
            ctrl_cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
        } else if (!cn) {
            ctrl_cmd_status(c, op, HCI_ERR_UNKNOWN_CONN);
        } else if (p[2] != 0x05 && p[2] != 0x13 && p[2] != 0x14 && p[2] != 0x15 && p[2] != 0x1A &&
                   p[2] != 0x29 && p[2] != 0x3B) {
            ctrl_cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
        } else if (cn->terminating) {
            ctrl_cmd_status(c, op, HCI_ERR_CMD_DISALLOWED);
        } else {
            ctrl_cmd_status(c, op, HCI_SUCCESS);
            uint8_t d[2] = {LL_TERMINATE_IND, p[2]};
            queue_ctl(cn, d, 2);
            cn->terminating = true;
            cn->term_local_reason = HCI_ERR_LOCAL_HOST_TERM;
            cn->term_deadline_ns = k_sim_now_ns() + (uint64_t)cn->timeout * 10000000u;
        }
        return true;
    case HCI_LE_CONN_UPDATE: {
        if (n != 14) {
            ctrl_cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
            return true;
        }
        uint16_t imin = hci_get16(p + 2), imax = hci_get16(p + 4), lat = hci_get16(p + 6), to = hci_get16(p + 8);
        if (!cn) {
            ctrl_cmd_status(c, op, HCI_ERR_UNKNOWN_CONN);
        } else if (!cn->central || cn->upd_pending) {
            ctrl_cmd_status(c, op, HCI_ERR_CMD_DISALLOWED);
        } else if (imin < 6 || imax > 0x0C80 || imin > imax || lat > 0x01F3 || to < 0x0A || to > 0x0C80 ||
                   (uint32_t)to * 4u <= (1u + lat) * imax) {
            ctrl_cmd_status(c, op, HCI_ERR_INVALID_PARAMS);
        } else {
            ctrl_cmd_status(c, op, HCI_SUCCESS);
            uint8_t d[12] = {LL_CONNECTION_UPDATE_IND, 1};
            hci_put16(d + 2, 0);
            hci_put16(d + 4, imin);
            hci_put16(d + 6, lat);
            hci_put16(d + 8, to);
            cn->upd_instant = (uint16_t)(cn->event_counter + 6u + cn->latency);
            hci_put16(d + 10, cn->upd_instant);
            cn->upd_interval = imin;
            cn->upd_latency = lat;
            cn->upd_timeout = to;
            cn->upd_pending = true;
            queue_ctl(cn, d, 12);
        }
        return true;
    }
    case HCI_LE_START_ENCRYPTION:
        if (n != 28 || !cn) {
            ctrl_cmd_status(c, op, n != 28 ? HCI_ERR_INVALID_PARAMS : HCI_ERR_UNKNOWN_CONN);
        } else if (!cn->central || cn->enc_state != ENC_NONE) { // (no pause/restart of encryption)
            ctrl_cmd_status(c, op, HCI_ERR_CMD_DISALLOWED);
        } else {
            ctrl_cmd_status(c, op, HCI_SUCCESS);
            memcpy(cn->ltk, p + 12, 16);
            uint8_t d[23] = {LL_ENC_REQ};
            memcpy(d + 1, p + 2, 10); // Rand, EDIV
            for (int i = 0; i < 12; i += 4) {
                hci_put32(d + 11 + i, ctrl_rand(c)); // SKDm, IVm
            }
            memcpy(cn->skd, d + 11, 8);
            memcpy(cn->iv, d + 19, 4);
            queue_ctl(cn, d, 23);
            cn->enc_state = ENC_WAIT_RSP;
        }
        return true;
    case HCI_LE_LTK_REPLY:
    case HCI_LE_LTK_NEG_REPLY:
        if (n != (op == HCI_LE_LTK_REPLY ? 18 : 2)) {
            return false;
        }
        r[0] = !cn ? HCI_ERR_UNKNOWN_CONN : cn->enc_state != ENC_WAIT_LTK ? HCI_ERR_CMD_DISALLOWED : HCI_SUCCESS;
        hci_put16(r + 1, hci_get16(p));
        ctrl_cmd_complete(c, op, r, 3);
        if (!r[0] && op == HCI_LE_LTK_REPLY) {
            memcpy(cn->ltk, p + 2, 16);
            session_key(cn);
            queue_ctl(cn, (const uint8_t[]){LL_START_ENC_REQ}, 1);
            cn->enc_state = ENC_WAIT_START_RSP;
        } else if (!r[0]) {
            queue_ctl(cn, (const uint8_t[]){LL_REJECT_EXT_IND, LL_ENC_REQ, HCI_ERR_PIN_OR_KEY_MISSING}, 3);
            cn->enc_state = ENC_NONE;
        }
        return true;
    case HCI_LE_ENCRYPT: {
        if (n != 32) {
            return false;
        }
        uint8_t out[17] = {HCI_SUCCESS};
        smp_crypto_e(p, p + 16, out + 1);
        ctrl_cmd_complete(c, op, out, 17);
        return true;
    }
    case HCI_LE_READ_REMOTE_FEATURES:
        if (n != 2 || !cn) {
            ctrl_cmd_status(c, op, n != 2 ? HCI_ERR_INVALID_PARAMS : HCI_ERR_UNKNOWN_CONN);
        } else {
            ctrl_cmd_status(c, op, HCI_SUCCESS);
            uint8_t d[9] = {cn->central ? LL_FEATURE_REQ : LL_PERIPHERAL_FEATURE_REQ, LL_FEATURES0};
            cn->features_asked = true;
            queue_ctl(cn, d, 9);
        }
        return true;
    case HCI_READ_REMOTE_VERSION:
        if (n != 2 || !cn) {
            ctrl_cmd_status(c, op, n != 2 ? HCI_ERR_INVALID_PARAMS : HCI_ERR_UNKNOWN_CONN);
        } else {
            ctrl_cmd_status(c, op, HCI_SUCCESS);
            cn->version_asked = true;
            if (!cn->version_sent) {
                version_pdu(cn);
            }
        }
        return true;
    case HCI_LE_SET_DATA_LENGTH:
        if (n != 6) {
            return false;
        }
        r[0] = !cn ? HCI_ERR_UNKNOWN_CONN : hci_get16(p + 2) < 27 || hci_get16(p + 2) > MAX_OCTETS ? HCI_ERR_INVALID_PARAMS : HCI_SUCCESS;
        hci_put16(r + 1, hci_get16(p));
        if (!r[0]) {
            c->def_tx_octets = hci_get16(p + 2);
            length_pdu(cn, LL_LENGTH_REQ);
        }
        ctrl_cmd_complete(c, op, r, 3);
        return true;
    case HCI_LE_READ_DEFAULT_DATA_LENGTH:
        if (n) {
            return false;
        }
        r[0] = 0;
        hci_put16(r + 1, c->def_tx_octets);
        hci_put16(r + 3, (uint16_t)((c->def_tx_octets + 14u) * 8u));
        ctrl_cmd_complete(c, op, r, 5);
        return true;
    case HCI_LE_WRITE_DEFAULT_DATA_LENGTH:
        if (n != 4) {
            return false;
        }
        r[0] = hci_get16(p) < 27 || hci_get16(p) > MAX_OCTETS ? HCI_ERR_INVALID_PARAMS : HCI_SUCCESS;
        if (!r[0]) {
            c->def_tx_octets = hci_get16(p);
        }
        ctrl_cmd_complete(c, op, r, 1);
        return true;
    case HCI_LE_READ_MAX_DATA_LENGTH:
        if (n) {
            return false;
        }
        r[0] = 0;
        hci_put16(r + 1, MAX_OCTETS);
        hci_put16(r + 3, MAX_TIME_US);
        hci_put16(r + 5, MAX_OCTETS);
        hci_put16(r + 7, MAX_TIME_US);
        ctrl_cmd_complete(c, op, r, 9);
        return true;
    case HCI_READ_RSSI:
        if (n != 2) {
            return false;
        }
        r[0] = cn ? HCI_SUCCESS : HCI_ERR_UNKNOWN_CONN;
        hci_put16(r + 1, hci_get16(p));
        r[3] = cn ? (uint8_t)cn->rssi : 0;
        ctrl_cmd_complete(c, op, r, 4);
        return true;
    default: return false;
    }
}
