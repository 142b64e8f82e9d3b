// fuzz/fuzz_air.c: libFuzzer target for the virtual controller's air side (ble/ctrl): link-layer
// PDUs from a hostile peer, on the advertising channels (ADV_IND, SCAN_REQ, SCAN_RSP,
// CONNECT_IND with any parameters) and in connections (control PDUs of every opcode and
// length, data PDUs of any length and LLID, SN/NESN games, encrypted PDUs with good or bad
// MICs), while the controller advertises, scans, initiates, or holds a connection as
// peripheral or central. No interpreter and no kernel: the controller's timers run on a small
// virtual-time scheduler here (the k_sim_irq_* calls it uses).
// Input: byte 0 chooses the set-up (made with HCI commands and, for connections, a valid
// CONNECT_IND or ADV_IND first); then records [flags, step, channel, length, header, payload]:
//   flags bits 0-1: 0 air PDU at the time and channel the controller listens on ("auto": step
//                     counts its timer's firings to wait first, 0 = now), 1 air PDU on `channel`
//                     starting after step * 100 us, 2 a host action (step chooses it), 3 time
//                     passes (step * 20 ms)
//         bit 2: CRC error; bit 3: a data-channel PDU (connection bits 4-5's access address)
//         bit 6: the header's length byte from the input (else the length); bit 7: encrypted
//                     as the peer would (a good MIC) when the connection receives encrypted
// Promises checked (abort when broken): every PDU the controller transmits is well-formed (the
// header's length matches; advertising payloads 6-37 bytes on channels 37-39; data payloads
// at most 251 bytes, plus a MIC) and not in the past; every HCI event is
// well-formed (the length byte matches, LE meta subevents have their lengths), ACL data to the
// host no longer than max_rx.
// Kept inputs: tests/fuzz/air/ (made by fuzz/gen_air_seeds.py).
#include <rtos/sim.h>
#include <stdlib.h>
#include <string.h>

#include "ble/ctrl/ctrl_priv.h"
#include "ble/hci.h"
#include "ble/smp_crypto.h"

// ---- the controller's time source and timers: a sorted list of pending interrupts ---------
static struct k_sim_irq *sched;
static uint64_t now_ns, seq;

void k_sim_irq_init(struct k_sim_irq *irq, void (*handler)(void *arg), void *arg) {
    memset(irq, 0, sizeof *irq);
    irq->handler = handler;
    irq->arg = arg;
}

int k_sim_irq_cancel(struct k_sim_irq *irq) {
    for (struct k_sim_irq **pp = &sched; *pp; pp = &(*pp)->next) {
        if (*pp == irq) {
            *pp = irq->next;
            irq->scheduled = 0;
            return 0;
        }
    }
    return -1;
}

int k_sim_irq_at(struct k_sim_irq *irq, uint64_t when_ns) {
    (void)k_sim_irq_cancel(irq);
    irq->when = when_ns < now_ns ? now_ns : when_ns;
    irq->seq = seq++;
    struct k_sim_irq **pp = &sched;
    while (*pp && (*pp)->when <= irq->when) {
        pp = &(*pp)->next;
    }
    irq->next = *pp;
    *pp = irq;
    irq->scheduled = 1;
    return 0;
}

int k_sim_irq_after(struct k_sim_irq *irq, uint64_t delay_ns) {
    return k_sim_irq_at(irq, now_ns + delay_ns);
}

uint64_t k_sim_now_ns(void) {
    return now_ns;
}

static unsigned budget; // interrupts left for this input (bounds the run time)

// Runs what falls due up to t (stops early when the budget is spent); now becomes t.
static void run_until(uint64_t t) {
    while (sched && sched->when <= t && budget) {
        struct k_sim_irq *irq = sched;
        sched = irq->next;
        irq->scheduled = 0;
        now_ns = irq->when;
        budget--;
        irq->handler(irq->arg);
    }
    if (t > now_ns) {
        now_ns = t;
    }
}

// Runs until irq has fired n more times (or nothing is pending, or the budget is spent).
static void run_firings(struct k_sim_irq *irq, unsigned n) {
    while (n && sched && budget) {
        struct k_sim_irq *first = sched;
        run_until(first->when);
        n -= first == irq;
    }
}

// ---- the promises ----------------------------------------------------------------------------
static struct ctrl ctrl;

static void check(bool ok) {
    if (!ok) {
        abort();
    }
}

static const struct ctrl_conn *conn_by_aa(uint32_t aa) {
    for (unsigned i = 0; i < CTRL_MAX_CONN; i++) {
        if (ctrl.conns[i].used && ctrl.conns[i].aa == aa) {
            return &ctrl.conns[i];
        }
    }
    return NULL;
}

static void radio_tx(void *arg, const struct air_pkt *p) {
    (void)arg;
    check(p->len >= 2 && p->len <= AIR_PDU_MAX && p->pdu[1] + 2u == p->len);
    check(p->t_start_ns >= now_ns && p->channel < AIR_CHANNELS);
    uint8_t n = p->pdu[1];
    if (p->access_address == CTRL_ADV_AA) {
        check(p->channel >= 37 && n >= 6 && n <= 37);
    } else {
        const struct ctrl_conn *cn = conn_by_aa(p->access_address);
        check(cn != NULL && p->channel < 37 && p->crc_init == cn->crc_init);
        check(n <= 251u + (cn->cur_enc ? 4u : 0u));
        check((p->pdu[0] & 3u) != 0 && ((p->pdu[0] & 3u) != LLID_CTRL || n));
    }
}

static unsigned le_len(uint8_t sub, const uint8_t *p) {
    switch (sub) {
    case HCI_LE_EV_CONN_COMPLETE: return 19;
    case HCI_LE_EV_ADV_REPORT: return p[10] <= 31 ? 12u + p[10] : 0;
    case HCI_LE_EV_CONN_UPDATE_COMPLETE: return 10;
    case HCI_LE_EV_REMOTE_FEATURES: return 12;
    case HCI_LE_EV_LTK_REQUEST: return 13;
    case HCI_LE_EV_DATA_LEN_CHANGE: return 11;
    default: return 0;
    }
}

static void to_host(void *arg, const uint8_t *pkt, size_t n) {
    (void)arg;
    check(n >= 1);
    if (pkt[0] == HCI_H4_ACL) {
        check(n >= 5 && hci_get16(pkt + 3) == n - 5 && n - 5 <= 251);
        return;
    }
    check(pkt[0] == HCI_H4_EVT && n >= 3 && pkt[2] == n - 3);
    const uint8_t *e = pkt + 3;
    switch (pkt[1]) {
    case HCI_EV_LE_META:
        check(n >= 4 && le_len(e[0], e) == n - 3);
        if (e[0] == HCI_LE_EV_DATA_LEN_CHANGE) {
            check(hci_get16(e + 3) >= 27 && hci_get16(e + 3) <= 251 && hci_get16(e + 7) >= 27 &&
                  hci_get16(e + 7) <= 251);
        }
        break;
    case HCI_EV_DISCONN_COMPLETE:
    case HCI_EV_ENCRYPT_CHANGE:
    case HCI_EV_CMD_STATUS: check(n == 7); break;
    case HCI_EV_REMOTE_VERSION: check(n == 11); break;
    case HCI_EV_NUM_COMPLETED: check(n == 8 && e[0] == 1); break;
    case HCI_EV_CMD_COMPLETE: check(n >= 6); break;
    case HCI_EV_DATA_BUF_OVERFLOW:
    case HCI_EV_HW_ERROR: check(n == 4); break;
    default: check(false);
    }
}

// ---- what the peer and the host do -----------------------------------------------------------
static void cmd(uint16_t op, const uint8_t *p, uint8_t n) {
    uint8_t pkt[4 + 255] = {HCI_H4_CMD, (uint8_t)op, (uint8_t)(op >> 8), n};
    memcpy(pkt + 4, p, n);
    ctrl_from_host(&ctrl, pkt, 4u + n);
}

static const uint8_t PEER[6] = {0x02, 0x00, 0x00, 0x00, 0xBB, 0xC0};
static const uint8_t LTK[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static void deliver(uint32_t aa, uint32_t crc_init, uint8_t chan, uint64_t t_start, const uint8_t *pdu,
                    uint16_t len, bool crc_ok) {
    struct air_pkt p = {.t_start_ns = t_start, .access_address = aa, .crc_init = crc_init, .channel = chan,
                        .phy = 1, .len = len};
    memcpy(p.pdu, pdu, len);
    uint64_t end = t_start + air_time_ns(len);
    run_until(end);
    if (budget) {
        struct air_rx rx = {&p, end, -50, crc_ok};
        ctrl_radio_rx(&ctrl, &rx);
    }
}

static void advertise(uint8_t type) {
    uint8_t p[15] = {0x20, 0x00, 0x20, 0x00, type, 0, 0};
    memcpy(p + 7, PEER, 6);
    p[13] = 7;
    cmd(HCI_LE_SET_ADV_PARAMS, p, 15);
    uint8_t d[32] = {3, 2, 0x01, 0x06};
    cmd(HCI_LE_SET_ADV_DATA, d, 32);
    d[0] = 2;
    d[1] = 1;
    d[2] = 'x';
    cmd(HCI_LE_SET_SCAN_RSP_DATA, d, 32);
    cmd(HCI_LE_SET_ADV_ENABLE, (const uint8_t[]){1}, 1);
}

static void scan(bool active) {
    cmd(HCI_LE_SET_SCAN_PARAMS, (const uint8_t[]){active, 0x10, 0, 0x10, 0, 0, 0}, 7);
    cmd(HCI_LE_SET_SCAN_ENABLE, (const uint8_t[]){1, 0}, 2);
}

static void create_conn(void) {
    uint8_t p[25] = {0x10, 0, 0x10, 0, 0, 0};
    memcpy(p + 6, PEER, 6);
    hci_put16(p + 13, 24); // 30 ms
    hci_put16(p + 15, 24);
    hci_put16(p + 19, 100); // 1 s
    cmd(HCI_LE_CREATE_CONN, p, 25);
}

// A valid CONNECT_IND to the advertiser, at its turn.
static void connect_to_advertiser(void) {
    if (!ctrl.adv_on) {
        return;
    }
    run_firings(&ctrl.adv_timer, 1);
    uint8_t pdu[36] = {PDU_CONNECT_IND, 34}; // both addresses public
    memcpy(pdu + 2, PEER, 6);
    memcpy(pdu + 8, ctrl.cfg.addr, 6);
    uint8_t *ll = pdu + 14;
    hci_put32(ll, 0x50654A3Bu);
    ll[4] = 0x11;
    ll[5] = 0x22;
    ll[6] = 0x33;
    ll[7] = 2;             // WinSize
    hci_put16(ll + 8, 1);  // WinOffset
    hci_put16(ll + 10, 24); // 30 ms
    hci_put16(ll + 12, 0);
    hci_put16(ll + 14, 100);
    memset(ll + 16, 0xFF, 4);
    ll[20] = 0x1F;
    ll[21] = 7;
    deliver(CTRL_ADV_AA, CTRL_ADV_CRC_INIT, ctrl.adv_chan, ctrl.adv_end_ns + CTRL_T_IFS_NS, pdu, 36, true);
}

// The peer's ADV_IND in the initiator's scan window.
static void advertise_to_initiator(void) {
    if (!ctrl.init_on) {
        return;
    }
    run_firings(&ctrl.scan_timer, 1);
    uint8_t pdu[2 + 9] = {PDU_ADV_IND, 9};
    memcpy(pdu + 2, PEER, 6);
    deliver(CTRL_ADV_AA, CTRL_ADV_CRC_INIT, ctrl.scan_chan, now_ns, pdu, 11, true);
}

// The link layer's AES-CCM as the peer does it (ctrl_conn.c's, in the other direction).
static void ccm_encrypt(const struct ctrl_conn *cn, uint8_t hdr0, uint8_t *d, uint8_t n, uint8_t mic[4]) {
    uint8_t nonce[13], x[16], s[16], b[16];
    uint64_t ctr = cn->rx_ctr;
    for (int i = 0; i < 5; i++) {
        nonce[i] = (uint8_t)(ctr >> (8 * i));
    }
    nonce[4] = (uint8_t)((nonce[4] & 0x7Fu) | (!cn->central ? 0x80u : 0));
    memcpy(nonce + 5, cn->iv, 8);
#define BLOCK(flags, tail, out)             \
    b[0] = (flags);                         \
    memcpy(b + 1, nonce, 13);               \
    b[14] = (uint8_t)((tail) >> 8);         \
    b[15] = (uint8_t)(tail);                \
    smp_crypto_aes128(cn->sk, b, out)
    BLOCK(0x49, n, x);
    x[1] ^= 0x01;
    x[2] ^= (uint8_t)(hdr0 & 0xE3u);
    smp_crypto_aes128(cn->sk, x, x);
    for (unsigned off = 0, blk = 1; off < n; off += 16, blk++) {
        unsigned k = n - off < 16 ? n - off : 16;
        BLOCK(0x01, blk, s);
        for (unsigned i = 0; i < k; i++) {
            x[i] ^= d[off + i];
            d[off + i] ^= s[i];
        }
        smp_crypto_aes128(cn->sk, x, x);
    }
    BLOCK(0x01, 0, s);
#undef BLOCK
    for (int i = 0; i < 4; i++) {
        mic[i] = x[i] ^ s[i];
    }
}

static void host_action(uint8_t which, struct ctrl_conn *cn) {
    uint8_t p[32] = {(uint8_t)cn->handle, (uint8_t)(cn->handle >> 8)};
    switch (which % 10) {
    case 0: { // ACL data, 1-251 bytes
        uint8_t pkt[5 + 251] = {HCI_H4_ACL, (uint8_t)cn->handle, (uint8_t)((cn->handle >> 8) | 0x20)};
        uint16_t n = (uint16_t)(1u + (which / 10u) * 10u % 251u);
        hci_put16(pkt + 3, n);
        memset(pkt + 5, 0x5A, n);
        pkt[5] = (uint8_t)(n - 4);
        ctrl_from_host(&ctrl, pkt, 5u + n);
        return;
    }
    case 1: p[2] = 0x13; cmd(HCI_DISCONNECT, p, 3); return;
    case 2:
        hci_put16(p + 2, 6);
        hci_put16(p + 4, 40);
        hci_put16(p + 8, 400);
        cmd(HCI_LE_CONN_UPDATE, p, 14);
        return;
    case 3: memcpy(p + 12, LTK, 16); cmd(HCI_LE_START_ENCRYPTION, p, 28); return;
    case 4: memcpy(p + 2, LTK, 16); cmd(HCI_LE_LTK_REPLY, p, 18); return;
    case 5: cmd(HCI_LE_LTK_NEG_REPLY, p, 2); return;
    case 6: hci_put16(p + 2, 251); hci_put16(p + 4, 2120); cmd(HCI_LE_SET_DATA_LENGTH, p, 6); return;
    case 7: cmd(HCI_LE_READ_REMOTE_FEATURES, p, 2); return;
    case 8: cmd(HCI_READ_REMOTE_VERSION, p, 2); return;
    default: cmd(HCI_READ_RSSI, p, 2); return;
    }
}

// One record; returns the bytes it used (0: the input is over).
static size_t record(const uint8_t *in, size_t size) {
    if (size < 4) {
        return 0;
    }
    uint8_t flags = in[0], step = in[1], chan = in[2], n = in[3];
    size_t used = 4;
    uint8_t pdu[AIR_PDU_MAX + 4] = {0};
    if ((flags & 3u) <= 1) {
        if (size < 5u + n) {
            return 0;
        }
        pdu[0] = in[4];
        memcpy(pdu + 2, in + 5, n);
        used = 5u + n;
    }
    struct ctrl_conn *cn = &ctrl.conns[(flags >> 4) & 3u];
    bool data = flags & 8u, crc_ok = !(flags & 4u);
    uint8_t hdr_len = n;
    if (flags & 0x40u) {
        hdr_len = step; // (the step is then also the delay: any byte will do)
    }
    switch (flags & 3u) {
    case 0: // auto: where and when the controller listens
        if (data) {
            if (!cn->used) {
                return used;
            }
            run_firings(&cn->timer, step);
            if (!cn->used || !budget) {
                return used;
            }
            if ((flags & 0x80u) && cn->enc_rx && n && n <= 251) {
                ccm_encrypt(cn, pdu[0], pdu + 2, n, pdu + 2 + n);
                n = (uint8_t)(n + 4u);
                hdr_len = (flags & 0x40u) ? hdr_len : n;
            }
            pdu[1] = hdr_len;
            uint64_t t = !cn->central && !cn->established ? cn->ev_anchor_ns : cn->expect_ns;
            deliver(cn->aa, cn->crc_init, cn->chan, t < now_ns ? now_ns : t, pdu, (uint16_t)(2u + n), crc_ok);
        } else if (ctrl.adv_on) {
            run_firings(&ctrl.adv_timer, step);
            pdu[1] = hdr_len;
            uint64_t t = ctrl.adv_end_ns + CTRL_T_IFS_NS;
            deliver(CTRL_ADV_AA, CTRL_ADV_CRC_INIT, ctrl.adv_chan ? ctrl.adv_chan : 37, t < now_ns ? now_ns : t, pdu,
                    (uint16_t)(2u + n), crc_ok);
        } else if (ctrl.scan_on || ctrl.init_on) {
            run_firings(&ctrl.scan_timer, step);
            pdu[1] = hdr_len;
            bool rsp = ctrl.scan_req_chan && (pdu[0] & 0xFu) == PDU_SCAN_RSP;
            uint64_t t = rsp ? ctrl.scan_rsp_expect_ns : now_ns;
            deliver(CTRL_ADV_AA, CTRL_ADV_CRC_INIT, rsp ? ctrl.scan_req_chan : ctrl.scan_chan, t < now_ns ? now_ns : t,
                    pdu, (uint16_t)(2u + n), crc_ok);
        }
        return used;
    case 1: // raw
        pdu[1] = hdr_len;
        deliver(data ? cn->aa : CTRL_ADV_AA, data ? cn->crc_init : CTRL_ADV_CRC_INIT, chan % AIR_CHANNELS,
                now_ns + step * 100000u, pdu, (uint16_t)(2u + n), crc_ok);
        return used;
    case 2:
        if (cn->used) {
            host_action(step, cn);
        }
        return used;
    default: run_until(now_ns + (uint64_t)step * 20000000u); return used;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sched = NULL;
    now_ns = seq = 0;
    budget = 20000;
    struct ctrl_cfg cfg = {.addr = {0x01, 0x00, 0x00, 0x00, 0xAA, 0xC0}, .seed = 1234, .to_host = to_host,
                           .radio_tx = radio_tx};
    ctrl_init(&ctrl, &cfg);
    static const uint8_t ALL[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    cmd(HCI_SET_EVENT_MASK, ALL, 8);
    cmd(HCI_LE_SET_EVENT_MASK, ALL, 8);
    if (size < 1) {
        return 0;
    }
    switch (data[0] % 8) {
    case 0: advertise(HCI_ADV_IND); break;
    case 1: advertise((uint8_t)(1u + data[0] / 8u % 4u)); break; // directed, scannable, non-connectable
    case 2: scan(true); break;
    case 3: scan(false); break;
    case 4: create_conn(); break;
    case 5: advertise(HCI_ADV_IND); connect_to_advertiser(); break;
    case 6: create_conn(); advertise_to_initiator(); break;
    default: // everything at once, and a connection of each role
        advertise(HCI_ADV_IND);
        connect_to_advertiser();
        create_conn();
        advertise_to_initiator();
        advertise(HCI_ADV_IND);
        scan(true);
        break;
    }
    for (size_t off = 1, k; budget && (k = record(data + off, size - off)) != 0;) {
        off += k;
    }
    run_until(now_ns + 2000000000u); // two seconds more: supervision, instants, terminations
    return 0;
}
