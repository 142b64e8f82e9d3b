// ble/host/smp.c: the Security Manager (smp.h): LE Secure Connections Just Works pairing,
// bonding, encryption.
#include "ble/host/smp.h"

#include <errno.h>
#include <string.h>

#include "ble/hci.h"
#include "ble/smp_crypto.h"

#define OP_PAIRING_REQ 0x01u
#define OP_PAIRING_RSP 0x02u
#define OP_CONFIRM 0x03u
#define OP_RANDOM 0x04u
#define OP_FAILED 0x05u
#define OP_SECURITY_REQ 0x0Bu
#define OP_PUBLIC_KEY 0x0Cu
#define OP_DHKEY_CHECK 0x0Du

#define AUTH_BONDING 0x01u
#define AUTH_SC 0x08u
#define IO_NO_INPUT_NO_OUTPUT 0x03u

static struct ble_smp_conn *find(struct ble_smp *s, uint16_t conn, bool create) {
    struct ble_smp_conn *free_slot = NULL;
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        struct ble_smp_conn *c = &s->conns[i];
        if (c->state != SMP_IDLE && c->conn == conn) {
            return c;
        }
        if (c->state == SMP_IDLE && !free_slot) {
            free_slot = c;
        }
    }
    if (create && free_slot) {
        memset(free_slot, 0, sizeof *free_slot);
        free_slot->conn = conn;
    }
    return create ? free_slot : NULL;
}

static void send(struct ble_smp *s, uint16_t conn, uint8_t op, const uint8_t *d, uint8_t n) {
    uint8_t p[1 + 64];
    p[0] = op;
    memcpy(p + 1, d, n);
    (void)ble_l2cap_send(s->host, conn, BLE_L2CAP_CID_SMP, p, (uint16_t)(1u + n));
}

static void finish(struct ble_smp *s, struct ble_smp_conn *c, unsigned status, bool encrypted, bool bonded) {
    uint16_t conn = c->conn;
    memset(c, 0, sizeof *c); // keys and nonces do not outlive the pairing
    if (s->cfg.done) {
        s->cfg.done(s->cfg.arg, conn, status, encrypted, bonded);
    }
}

static void fail(struct ble_smp *s, struct ble_smp_conn *c, uint8_t reason) {
    send(s, c->conn, OP_FAILED, &reason, 1);
    finish(s, c, reason, false, false);
}

// The 7-byte address (LE address, then its type) of each side: a = initiator, b = responder.
static void addrs(struct ble_smp *s, const struct ble_smp_conn *c, uint8_t a[7], uint8_t b[7]) {
    struct ble_conn *lc = ble_host_conn(s->host, c->conn);
    uint8_t me[7], peer[7];
    memcpy(me, s->host->addr, 6);
    me[6] = HCI_ADDR_PUBLIC;
    memcpy(peer, lc ? lc->peer_addr : (const uint8_t[6]){0}, 6);
    peer[6] = lc ? lc->peer_type : 0;
    memcpy(a, c->initiator ? me : peer, 7);
    memcpy(b, c->initiator ? peer : me, 7);
}

static bool new_keypair(struct ble_smp *s, struct ble_smp_conn *c) {
    for (int tries = 0; tries < 4; tries++) { // a draw outside [1, n-1] is rare: draw again
        s->cfg.rand(s->cfg.arg, c->priv, 32);
        if (smp_crypto_keygen(c->priv, c->pub) == 0) {
            return true;
        }
    }
    return false;
}

static void start_encryption(struct ble_smp *s, uint16_t conn, const uint8_t ltk[16]) {
    uint8_t p[28] = {(uint8_t)conn, (uint8_t)(conn >> 8)}; // Rand and EDIV 0 (SC keys)
    memcpy(p + 12, ltk, 16);
    (void)ble_host_cmd(s->host, HCI_LE_START_ENCRYPTION, p, 28, NULL, NULL);
}

static uint8_t auth_req(const struct ble_smp *s) {
    return (uint8_t)(AUTH_SC | (s->cfg.bonding ? AUTH_BONDING : 0));
}

int ble_smp_pair(struct ble_smp *s, uint16_t conn) {
    struct ble_conn *lc = ble_host_conn(s->host, conn);
    if (!lc) {
        return -ENOTCONN;
    }
    if (!lc->central) {
        return -EINVAL;
    }
    if (find(s, conn, false)) {
        return -EBUSY;
    }
    struct ble_smp_conn *c = find(s, conn, true);
    if (!c) {
        return -EBUSY;
    }
    c->initiator = true;
    struct ble_smp_bond b;
    if (s->cfg.bond_load && s->cfg.bond_load(s->cfg.arg, lc->peer_type, lc->peer_addr, &b)) {
        memcpy(c->ltk, b.ltk, 16); // a bonded peer: encrypt with the key we share
        c->bond = true;
        c->state = SMP_WAIT_ENC;
        start_encryption(s, conn, c->ltk);
        return 0;
    }
    uint8_t d[6] = {IO_NO_INPUT_NO_OUTPUT, 0, auth_req(s), 16, 0, 0};
    c->preq[0] = OP_PAIRING_REQ;
    memcpy(c->preq + 1, d, 6);
    c->state = SMP_WAIT_RSP;
    send(s, conn, OP_PAIRING_REQ, d, 6);
    return 0;
}

int ble_smp_request(struct ble_smp *s, uint16_t conn) {
    struct ble_conn *lc = ble_host_conn(s->host, conn);
    if (!lc) {
        return -ENOTCONN;
    }
    if (lc->central) {
        return -EINVAL;
    }
    uint8_t a = auth_req(s);
    send(s, conn, OP_SECURITY_REQ, &a, 1);
    return 0;
}

// The DHKey check values: ours to send, theirs to expect.
static void check_values(struct ble_smp *s, struct ble_smp_conn *c, uint8_t mine[16], uint8_t theirs[16]) {
    uint8_t a[7], b[7], zero[16] = {0};
    addrs(s, c, a, b);
    uint8_t io_a[3] = {c->preq[3], c->preq[2], c->preq[1]}; // AuthReq, OOB, IO capability
    uint8_t io_b[3] = {c->pres[3], c->pres[2], c->pres[1]};
    uint8_t ea[16], eb[16];
    smp_crypto_f6(c->mackey, c->na, c->nb, zero, io_a, a, b, ea);
    smp_crypto_f6(c->mackey, c->nb, c->na, zero, io_b, b, a, eb);
    memcpy(mine, c->initiator ? ea : eb, 16);
    memcpy(theirs, c->initiator ? eb : ea, 16);
}

static void derive_keys(struct ble_smp *s, struct ble_smp_conn *c) {
    uint8_t a[7], b[7];
    addrs(s, c, a, b);
    smp_crypto_f5(c->dhkey, c->na, c->nb, a, b, c->mackey, c->ltk);
}

void ble_smp_rx(struct ble_smp *s, uint16_t conn, const uint8_t *d, uint16_t n) {
    struct ble_conn *lc = ble_host_conn(s->host, conn);
    if (!lc || n < 1) {
        return;
    }
    uint8_t op = d[0];
    struct ble_smp_conn *c = find(s, conn, false);
    const uint8_t *p = d + 1;
    uint16_t len = (uint16_t)(n - 1u);
    if (op == OP_FAILED) {
        if (c && len == 1) {
            finish(s, c, 0x100u | p[0], false, false);
        }
        return;
    }
    if (op == OP_SECURITY_REQ) {
        if (lc->central && !c && len == 1) {
            (void)ble_smp_pair(s, conn); // the peripheral asks: pair (or re-encrypt a bond)
        }
        return;
    }
    if (op == OP_PAIRING_REQ) {
        if (lc->central || len != 6) {
            uint8_t r = lc->central ? SMP_ERR_CMD_NOT_SUPPORTED : SMP_ERR_INVALID_PARAMS;
            send(s, conn, OP_FAILED, &r, 1);
            return;
        }
        if (c) { // a new request restarts the pairing
            memset(c, 0, sizeof *c);
            c->conn = conn;
        } else if (!(c = find(s, conn, true))) {
            uint8_t r = SMP_ERR_UNSPECIFIED;
            send(s, conn, OP_FAILED, &r, 1);
            return;
        }
        c->initiator = false;
        c->state = SMP_WAIT_PUBKEY;
        c->preq[0] = OP_PAIRING_REQ;
        memcpy(c->preq + 1, p, 6);
        if (!(p[2] & AUTH_SC)) {
            fail(s, c, SMP_ERR_AUTH_REQ); // legacy pairing: not here
            return;
        }
        if (p[3] < 7 || p[3] > 16) {
            fail(s, c, SMP_ERR_KEY_SIZE);
            return;
        }
        c->bond = s->cfg.bonding && (p[2] & AUTH_BONDING);
        uint8_t r[6] = {IO_NO_INPUT_NO_OUTPUT, 0, auth_req(s), 16, 0, 0};
        c->pres[0] = OP_PAIRING_RSP;
        memcpy(c->pres + 1, r, 6);
        if (!new_keypair(s, c)) {
            fail(s, c, SMP_ERR_UNSPECIFIED);
            return;
        }
        send(s, conn, OP_PAIRING_RSP, r, 6);
        return;
    }
    if (!c) {
        uint8_t r = SMP_ERR_UNSPECIFIED; // a step of no pairing
        send(s, conn, OP_FAILED, &r, 1);
        return;
    }
    switch (op) {
    case OP_PAIRING_RSP:
        if (!c->initiator || c->state != SMP_WAIT_RSP || len != 6) {
            break;
        }
        c->pres[0] = OP_PAIRING_RSP;
        memcpy(c->pres + 1, p, 6);
        if (!(p[2] & AUTH_SC)) {
            fail(s, c, SMP_ERR_AUTH_REQ);
            return;
        }
        if (p[3] < 7 || p[3] > 16) {
            fail(s, c, SMP_ERR_KEY_SIZE);
            return;
        }
        c->bond = s->cfg.bonding && (p[2] & AUTH_BONDING);
        if (!new_keypair(s, c)) {
            fail(s, c, SMP_ERR_UNSPECIFIED);
            return;
        }
        c->state = SMP_WAIT_PUBKEY;
        send(s, conn, OP_PUBLIC_KEY, c->pub, 64);
        return;
    case OP_PUBLIC_KEY:
        if (c->state != SMP_WAIT_PUBKEY || len != 64) {
            break;
        }
        memcpy(c->peer_pub, p, 64);
        if (!memcmp(c->peer_pub, c->pub, 64) || smp_crypto_dhkey(c->priv, c->peer_pub, c->dhkey) != 0) {
            fail(s, c, SMP_ERR_DHKEY_CHECK); // not a point on the curve (or our own key reflected)
            return;
        }
        if (c->initiator) {
            c->state = SMP_WAIT_CONFIRM;
        } else { // responder: our key, then our commitment Cb = f4(PKbx, PKax, Nb, 0)
            send(s, conn, OP_PUBLIC_KEY, c->pub, 64);
            s->cfg.rand(s->cfg.arg, c->nb, 16);
            uint8_t cb[16];
            smp_crypto_f4(c->pub, c->peer_pub, c->nb, 0, cb);
            send(s, conn, OP_CONFIRM, cb, 16);
            c->state = SMP_WAIT_RANDOM;
        }
        return;
    case OP_CONFIRM:
        if (!c->initiator || c->state != SMP_WAIT_CONFIRM || len != 16) {
            break;
        }
        memcpy(c->confirm, p, 16);
        s->cfg.rand(s->cfg.arg, c->na, 16);
        send(s, conn, OP_RANDOM, c->na, 16);
        c->state = SMP_WAIT_RANDOM;
        return;
    case OP_RANDOM:
        if (c->state != SMP_WAIT_RANDOM || len != 16) {
            break;
        }
        if (c->initiator) {
            memcpy(c->nb, p, 16);
            uint8_t cb[16];
            smp_crypto_f4(c->peer_pub, c->pub, c->nb, 0, cb);
            if (memcmp(cb, c->confirm, 16)) {
                fail(s, c, SMP_ERR_CONFIRM);
                return;
            }
            derive_keys(s, c);
            uint8_t mine[16], theirs[16];
            check_values(s, c, mine, theirs);
            send(s, conn, OP_DHKEY_CHECK, mine, 16);
        } else {
            memcpy(c->na, p, 16);
            send(s, conn, OP_RANDOM, c->nb, 16);
            derive_keys(s, c);
        }
        c->state = SMP_WAIT_DHCHECK;
        return;
    case OP_DHKEY_CHECK: {
        if (c->state != SMP_WAIT_DHCHECK || len != 16) {
            break;
        }
        uint8_t mine[16], theirs[16];
        check_values(s, c, mine, theirs);
        if (memcmp(theirs, p, 16)) {
            fail(s, c, SMP_ERR_DHKEY_CHECK);
            return;
        }
        if (c->initiator) {
            c->state = SMP_WAIT_ENC;
            start_encryption(s, conn, c->ltk);
        } else {
            send(s, conn, OP_DHKEY_CHECK, mine, 16);
            c->state = SMP_WAIT_LTK_REQ;
        }
        return;
    }
    default: {
        uint8_t r = SMP_ERR_CMD_NOT_SUPPORTED;
        send(s, conn, OP_FAILED, &r, 1);
        finish(s, c, r, false, false);
        return;
    }
    }
    fail(s, c, SMP_ERR_UNSPECIFIED); // a message out of turn or of the wrong size
}

static void store_bond(struct ble_smp *s, struct ble_smp_conn *c) {
    struct ble_conn *lc = ble_host_conn(s->host, c->conn);
    if (!lc || !s->cfg.bond_store) {
        return;
    }
    struct ble_smp_bond b = {.peer_type = lc->peer_type};
    memcpy(b.peer_addr, lc->peer_addr, 6);
    memcpy(b.ltk, c->ltk, 16);
    s->cfg.bond_store(s->cfg.arg, &b);
}

void ble_smp_host_event(struct ble_smp *s, const struct ble_host_event *ev) {
    struct ble_smp_conn *c = find(s, ev->conn, false);
    switch (ev->type) {
    case BLE_HOST_EV_LTK_REQUEST: {
        uint8_t p[18] = {(uint8_t)ev->conn, (uint8_t)(ev->conn >> 8)};
        bool zero = ev->ediv == 0 && !memcmp(ev->rand, (const uint8_t[8]){0}, 8);
        struct ble_conn *lc = ble_host_conn(s->host, ev->conn);
        struct ble_smp_bond b;
        if (c && c->state == SMP_WAIT_LTK_REQ && zero) { // just paired
            memcpy(p + 2, c->ltk, 16);
            c->state = SMP_WAIT_ENC;
        } else if (!c && zero && lc && s->cfg.bond_load && s->cfg.bond_load(s->cfg.arg, lc->peer_type, lc->peer_addr, &b)) {
            c = find(s, ev->conn, true); // a bonded central comes back
            if (c) {
                memcpy(c->ltk, b.ltk, 16);
                c->bond = true;
                c->state = SMP_WAIT_ENC;
            }
            memcpy(p + 2, b.ltk, 16);
        } else {
            (void)ble_host_cmd(s->host, HCI_LE_LTK_NEG_REPLY, p, 2, NULL, NULL);
            return;
        }
        (void)ble_host_cmd(s->host, HCI_LE_LTK_REPLY, p, 18, NULL, NULL);
        return;
    }
    case BLE_HOST_EV_ENCRYPTED:
        if (!c || c->state != SMP_WAIT_ENC) {
            return;
        }
        if (ev->status || !ev->reason) {
            finish(s, c, 0x200u | ev->status, false, false);
            return;
        }
        c->encrypted = true;
        if (c->bond) { // (stored again on re-encryption: the same key)
            store_bond(s, c);
        }
        finish(s, c, 0, true, c->bond);
        return;
    case BLE_HOST_EV_DISCONNECTED:
        if (c) { // the link went down mid-pairing
            finish(s, c, 0x200u | ev->reason, false, false);
        }
        return;
    default: return;
    }
}

void ble_smp_init(struct ble_smp *s, struct ble_host *h, const struct ble_smp_cfg *cfg) {
    memset(s, 0, sizeof *s);
    s->cfg = *cfg;
    s->host = h;
}
