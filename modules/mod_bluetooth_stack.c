// modules/mod_bluetooth_stack.c: the BLE service under the bluetooth module: the host stack,
// SMP and GATT in static memory (nothing from the Python heap, no malloc), on the board's BLE
// UART. The UART's receive interrupt assembles H4 packets into a ring; the kernel thread "ble"
// passes them to the stack and ticks the GATT timers, under the stack mutex that Python calls
// take too. The stack's callbacks become MicroPython events in a second ring, drained by the
// module's soft handler (mod_bluetooth.c). Bonds live in a RAM table, persisted by the user's
// _IRQ_SET_SECRET handler or, when it declines, in MOD_BLUETOOTH_BONDS_FILE (modules/vfs.h).
// Invariants: ble_* / gatt* calls only with svc.lock held, or by the dispatcher while the ble
// thread, holding it, waits for a read request's answer (the lock is "lent", under sync_lock);
// the rx ring has one producer (the interrupt) and one consumer (the thread); the event ring
// one producer at a time (the lock holder) and one consumer (the dispatcher).
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "ble/att.h"
#include "ble/h4.h"
#include "ble/hci.h"
#include "drivers/board.h"
#include "drivers/uart.h"
#include "modules/kthread.h"
#include "modules/mod_bluetooth.h"
#include "modules/vfs.h"
#include "py/runtime.h"

#define BLE_THREAD_PRIO 29      // a board driver's (modules/kthread.h)
#define BLE_THREAD_STACK 16384u // P-256 and the stack's calls (SMP's deepest)
#define BLE_TICK_MS 100         // GATT timeouts and scan/connect deadlines
#define CMD_TIMEOUT_MS 5000u    // a controller that does not answer
#define H4_BUF (1u + 4u + 251u + 4u)

struct mod_bluetooth_svc mod_bluetooth_svc;
#define S mod_bluetooth_svc

static struct {
    struct k_thread thread;
    struct h4_reader reader; // interrupt side
    uint8_t reader_buf[H4_BUF];
    uint8_t rx[MOD_BLUETOOTH_RX_RING];
    volatile uint32_t rx_head, rx_tail; // free-running byte counts: tail written by the ISR
    uint8_t ev[MOD_BLUETOOTH_EV_RING];
    volatile uint32_t ev_head, ev_tail;
    uint8_t pkt[H4_BUF]; // the packet the thread hands to the stack
    uint8_t pool[MOD_BLUETOOTH_POOL];
} R;
static K_STACK_DEFINE(ble_stack, BLE_THREAD_STACK);

// ---- byte rings -------------------------------------------------------------------------------
static void ring_put(uint8_t *ring, uint32_t size, uint32_t at, const void *src, size_t n) {
    const uint8_t *p = src;
    for (size_t i = 0; i < n; i++) {
        ring[(at + i) % size] = p[i];
    }
}
static void ring_get(const uint8_t *ring, uint32_t size, uint32_t at, void *dst, size_t n) {
    uint8_t *p = dst;
    for (size_t i = 0; i < n; i++) {
        p[i] = ring[(at + i) % size];
    }
}

// ---- transport: the UART's receive interrupt --------------------------------------------------
static void rx_isr(uint8_t byte, void *arg) {
    (void)arg;
    uint8_t drop;
    (void)drv_uart_read((unsigned)S.uart, &drop, 1); // the driver's copy of this byte: not needed
    size_t used;
    enum h4_status st = h4_feed(&R.reader, &byte, 1, &used);
    if (st == H4_PACKET) {
        uint16_t len;
        const uint8_t *pkt = h4_packet(&R.reader, &len);
        if (MOD_BLUETOOTH_RX_RING - (R.rx_tail - R.rx_head) >= 2u + len) {
            uint8_t hdr[2] = {(uint8_t)len, (uint8_t)(len >> 8)};
            ring_put(R.rx, MOD_BLUETOOTH_RX_RING, R.rx_tail, hdr, 2);
            ring_put(R.rx, MOD_BLUETOOTH_RX_RING, R.rx_tail + 2, pkt, len);
            R.rx_tail += 2u + len;
        } else {
            S.rx_dropped++;
        }
        k_sem_give(&S.rx_sem);
    } else if (st < 0) { // lost framing: start over (the stack times out what was lost)
        S.rx_dropped++;
        h4_reader_reset(&R.reader);
    }
}

static size_t rx_pop(uint8_t *buf, size_t cap) {
    unsigned key = k_irq_lock();
    uint32_t head = R.rx_head, tail = R.rx_tail;
    k_irq_unlock(key);
    if (head == tail) {
        return 0;
    }
    uint8_t hdr[2];
    ring_get(R.rx, MOD_BLUETOOTH_RX_RING, head, hdr, 2);
    size_t len = (size_t)hdr[0] | (size_t)hdr[1] << 8;
    ring_get(R.rx, MOD_BLUETOOTH_RX_RING, head + 2, buf, len < cap ? len : cap);
    key = k_irq_lock();
    R.rx_head = head + 2u + (uint32_t)len;
    k_irq_unlock(key);
    return len < cap ? len : cap;
}

static void host_send(void *arg, const uint8_t *pkt, size_t n) {
    (void)arg;
    (void)drv_uart_write((unsigned)S.uart, pkt, n);
}

// ---- events for Python
// ---------------------------------------------------------------------------- A record: length (2
// bytes, all of it), event, the format string with its NUL, the fields.
static void ev_put(uint32_t *at, const void *p, size_t n) {
    ring_put(R.ev, MOD_BLUETOOTH_EV_RING, *at, p, n);
    *at += (uint32_t)n;
}

bool mod_bluetooth_ev_push(uint8_t ev, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    size_t flen = strlen(fmt) + 1, n = 3 + flen;
    for (const char *f = fmt; *f; f++) { // the size first
        switch (*f) {
        case 'H':
        case 'i':
            (void)va_arg(ap, int);
            n += 4;
            break;
        case 'b':
            (void)va_arg(ap, int);
            n += 1;
            break;
        case 'a':
            (void)va_arg(ap, const uint8_t *);
            n += 6;
            break;
        case 'y':
            (void)va_arg(ap, const uint8_t *);
            n += 2 + va_arg(ap, unsigned);
            break;
        case 'u': n += 1 + va_arg(ap, const struct att_uuid *)->len; break;
        default: break;
        }
    }
    va_end(ap);
    unsigned key = k_irq_lock();
    uint32_t head = R.ev_head, tail = R.ev_tail;
    k_irq_unlock(key);
    if (MOD_BLUETOOTH_EV_RING - (tail - head) < n) {
        va_end(ap2);
        S.ev_dropped++;
        return false;
    }
    uint8_t hdr[3] = {(uint8_t)n, (uint8_t)(n >> 8), ev};
    uint32_t at = tail;
    ev_put(&at, hdr, 3);
    ev_put(&at, fmt, flen);
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'H':
        case 'i': {
            int32_t v = (int32_t)va_arg(ap2, int);
            ev_put(&at, &v, 4);
            break;
        }
        case 'b': {
            uint8_t v = (uint8_t)(va_arg(ap2, int) != 0);
            ev_put(&at, &v, 1);
            break;
        }
        case 'a': ev_put(&at, va_arg(ap2, const uint8_t *), 6); break;
        case 'y': {
            const uint8_t *p = va_arg(ap2, const uint8_t *);
            unsigned len = va_arg(ap2, unsigned);
            uint8_t l[2] = {(uint8_t)len, (uint8_t)(len >> 8)};
            ev_put(&at, l, 2);
            ev_put(&at, p, len);
            break;
        }
        case 'u': {
            const struct att_uuid *u = va_arg(ap2, const struct att_uuid *);
            ev_put(&at, &u->len, 1);
            ev_put(&at, u->b, u->len);
            break;
        }
        default: break;
        }
    }
    va_end(ap2);
    key = k_irq_lock();
    R.ev_tail = tail + (uint32_t)n; // published last
    k_irq_unlock(key);
    mod_bluetooth_schedule();
    return true;
}

void mod_bluetooth_ev_flush(void) {
    unsigned key = k_irq_lock();
    R.ev_head = R.ev_tail;
    k_irq_unlock(key);
}

size_t mod_bluetooth_ev_pop(uint8_t *buf, size_t cap) {
    unsigned key = k_irq_lock();
    uint32_t head = R.ev_head, tail = R.ev_tail;
    k_irq_unlock(key);
    if (head == tail) {
        return 0;
    }
    uint8_t hdr[2];
    ring_get(R.ev, MOD_BLUETOOTH_EV_RING, head, hdr, 2);
    size_t n = (size_t)hdr[0] | (size_t)hdr[1] << 8;
    if (n <= cap) {
        ring_get(R.ev, MOD_BLUETOOTH_EV_RING, head, buf, n);
    }
    key = k_irq_lock();
    R.ev_head = head + (uint32_t)n;
    k_irq_unlock(key);
    return n <= cap ? n : 0;
}

// ---- commands a Python caller waits for
// ------------------------------------------------------------
static void cmd_finish(uint32_t gen, uint8_t status) {
    if (gen != S.cmd_gen || S.cmd_left == 0) {
        return; // a wait that timed out
    }
    if (status && !S.cmd_status) {
        S.cmd_status = status;
    }
    if (--S.cmd_left == 0) {
        k_sem_give(&S.cmd_sem);
    }
}

static void cmd_done(struct ble_host *h, void *arg, uint8_t status, const uint8_t *ret, uint8_t n) {
    (void)h;
    (void)ret;
    (void)n;
    cmd_finish((uint32_t)(uintptr_t)arg, status);
}

// Starts a wait for `left` completions; returns its generation. Stack mutex held.
static uint32_t wait_begin(unsigned left) {
    S.cmd_gen++;
    S.cmd_left = left;
    S.cmd_status = 0;
    k_sem_reset(&S.cmd_sem);
    return S.cmd_gen;
}

static int wait_end(void) {
    int rc = mod_kthread_sem_take(&S.cmd_sem, k_timeout_ms(CMD_TIMEOUT_MS));
    mod_bluetooth_lock();
    int status = rc ? -ETIMEDOUT : S.cmd_status;
    S.cmd_left = 0; // late completions are ignored
    mod_bluetooth_unlock();
    return status;
}

static bool lent_now(void);

int mod_bluetooth_cmds(const struct mod_bluetooth_cmd *cmds, unsigned n) {
    if (lent_now()) {
        return -EBUSY; // in a read request's handler: the controller cannot answer until it ends
    }
    bool me = k_thread_self() == S.dispatcher;
    S.dispatch_blocked += me; // (a read request then does not wait for the dispatcher)
    (void)mod_kthread_mutex_lock(&S.cmd_lock, k_timeout_forever());
    mod_bluetooth_lock();
    uint32_t gen = wait_begin(n);
    int err = 0;
    for (unsigned i = 0; i < n; i++) {
        if (ble_host_cmd(&S.host, cmds[i].op, cmds[i].params, cmds[i].n, cmd_done,
                         (void *)(uintptr_t)gen)) {
            S.cmd_left -= n - i; // wait for those queued
            err = -ENOMEM;
            if (S.cmd_left == 0) {
                k_sem_give(&S.cmd_sem);
            }
            break;
        }
    }
    mod_bluetooth_unlock();
    int status = wait_end();
    S.dispatch_blocked -= me;
    k_mutex_unlock(&S.cmd_lock);
    return err ? err : status;
}

// True (with sync_lock held) when the caller is the dispatcher and the ble thread waits for it
// inside the stack: the stack is then the dispatcher's to call.
static bool lent_to_me(void) {
    if (!S.lent || k_thread_self() != S.dispatcher) {
        return false;
    }
    (void)k_mutex_lock(&S.sync_lock, k_timeout_forever());
    if (S.lent) {
        return true;
    }
    k_mutex_unlock(&S.sync_lock); // the wait ended meanwhile
    return false;
}

static unsigned lent_depth; // the dispatcher's nested lent sections (it alone uses them)

void mod_bluetooth_lock(void) {
    mod_kthread_charge(); // what is sent now goes out after the bytecodes run so far
    if (lent_depth || lent_to_me()) {
        lent_depth++;
        return;
    }
    if (k_mutex_lock(&S.lock, k_timeout_none()) != 0) {
        bool me = k_thread_self() == S.dispatcher;
        S.dispatch_blocked += me; // (a read request then does not wait for the dispatcher)
        (void)mod_kthread_mutex_lock(&S.lock, k_timeout_forever()); // the ble thread has it
        S.dispatch_blocked -= me;
    }
}
void mod_bluetooth_unlock(void) {
    if (lent_depth) {
        if (--lent_depth == 0) {
            k_mutex_unlock(&S.sync_lock);
        }
    } else {
        k_mutex_unlock(&S.lock);
    }
    py_vm_budget_refresh(); // bytes sent to the controller are new events in virtual time
}

static bool lent_now(void) {
    return S.lent && k_thread_self() == S.dispatcher;
}

void mod_bluetooth_sync_answer(uint32_t seq, int result) {
    (void)k_mutex_lock(&S.sync_lock, k_timeout_forever());
    if (S.lent && seq == S.sync_seq) {
        S.sync_result = result;
        k_sem_give(&S.sync_sem);
    }
    k_mutex_unlock(&S.sync_lock);
}

// On the ble thread, inside the GATT server: asks the handler, waiting at most
// MOD_BLUETOOTH_SYNC_MS (then the read is allowed). 0 or the ATT error to answer with.
static int ask_read(uint16_t conn, uint16_t handle) {
    if (!S.has_handler || S.dispatch_blocked || k_thread_self() != &R.thread) {
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTS_READ_REQUEST, "HH", conn, handle);
        return 0;
    }
    k_sem_reset(&S.sync_sem);
    S.sync_seq++;
    S.sync_result = 0;
    if (!mod_bluetooth_ev_push(MOD_BT_IRQ_GATTS_READ_REQUEST | MOD_BLUETOOTH_EV_SYNC, "HHi", conn,
                               handle, (int)S.sync_seq)) {
        return 0;
    }
    S.lent = true;
    (void)k_sem_take(&S.sync_sem, k_timeout_ms(MOD_BLUETOOTH_SYNC_MS));
    (void)k_mutex_lock(&S.sync_lock, k_timeout_forever()); // the dispatcher is out of the stack
    S.lent = false;
    int r = S.sync_result;
    k_mutex_unlock(&S.sync_lock);
    return r;
}

// ---- the stack's callbacks (ble thread, or a Python thread, with the lock held)
// --------------------
static struct mod_bluetooth_conn *conn_rec(uint16_t handle) {
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        if (S.conns[i].used && S.conns[i].handle == handle) {
            return &S.conns[i];
        }
    }
    return NULL;
}

static void on_connected(const struct ble_host_event *ev) {
    if (ev->status) { // initiating failed or was cancelled (gap_connect's timeout)
        if (S.connecting) {
            S.connecting = false;
            mod_bluetooth_ev_push(MOD_BT_IRQ_PERIPHERAL_DISCONNECT, "Hia", 0xFFFFu, S.connect_type,
                                  S.connect_addr);
        }
        return;
    }
    struct ble_conn *c = ble_host_conn(&S.host, ev->conn);
    if (!c) {
        return;
    }
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        struct mod_bluetooth_conn *r = &S.conns[i];
        if (!r->used) {
            r->used = true;
            r->central = c->central;
            r->handle = ev->conn;
            r->peer_type = c->peer_type;
            memcpy(r->peer_addr, c->peer_addr, 6);
            break;
        }
    }
    (void)gatts_conn_add(&S.gatts, ev->conn, GATTS_SEC_NONE);
    (void)gattc_conn_add(&S.gattc, ev->conn);
    if (c->central) {
        S.connecting = false;
        // longer link-layer packets, as real stacks ask after connecting: with the 27 bytes of
        // a new link a 247-byte ATT write takes ten packets, and GATT moves a third as much
        uint8_t dl[6] = {0, 0, 251, 0, 0x48, 0x08};
        hci_put16(dl, ev->conn);
        (void)ble_host_cmd(&S.host, HCI_LE_SET_DATA_LENGTH, dl, 6, NULL, NULL);
    }
    mod_bluetooth_ev_push(c->central ? MOD_BT_IRQ_PERIPHERAL_CONNECT : MOD_BT_IRQ_CENTRAL_CONNECT,
                          "Hia", ev->conn, c->peer_type, c->peer_addr);
}

static void on_event(struct ble_host *h, const struct ble_host_event *ev) {
    (void)h;
    ble_smp_host_event(&S.smp, ev);
    switch (ev->type) {
    case BLE_HOST_EV_READY: cmd_finish(S.cmd_gen, ev->status ? ev->status : 0); break;
    case BLE_HOST_EV_CONNECTED: on_connected(ev); break;
    case BLE_HOST_EV_DISCONNECTED: {
        struct mod_bluetooth_conn *r = conn_rec(ev->conn);
        (void)gatts_conn_remove(&S.gatts, ev->conn);
        (void)gattc_conn_remove(&S.gattc, ev->conn);
        if (r) {
            mod_bluetooth_ev_push(r->central ? MOD_BT_IRQ_PERIPHERAL_DISCONNECT
                                             : MOD_BT_IRQ_CENTRAL_DISCONNECT,
                                  "Hia", ev->conn, r->peer_type, r->peer_addr);
            r->used = false;
        }
        break;
    }
    case BLE_HOST_EV_ADV_REPORT:
        if (S.scanning) {
            const struct ble_adv_report *a = ev->adv;
            mod_bluetooth_ev_push(MOD_BT_IRQ_SCAN_RESULT, "iaiiy", a->addr_type, a->addr,
                                  a->event_type, a->rssi, a->data, (unsigned)a->data_len);
        }
        break;
    case BLE_HOST_EV_CONN_UPDATED: {
        struct ble_conn *c = ble_host_conn(&S.host, ev->conn);
        if (c) {
            mod_bluetooth_ev_push(MOD_BT_IRQ_CONNECTION_UPDATE, "Hiiii", ev->conn, c->interval,
                                  c->latency, c->timeout, ev->status);
        }
        break;
    }
    default: break;
    }
}

static void on_l2cap(struct ble_host *h, uint16_t conn, uint16_t cid, const uint8_t *data,
                     uint16_t n) {
    (void)h;
    if (cid == BLE_L2CAP_CID_ATT && n) {
        if (att_op_for_server(data[0])) {
            (void)att_server_rx(&S.gatts, conn, data, n);
        } else {
            (void)gattc_rx(&S.gattc, conn, data, n);
        }
    } else if (cid == BLE_L2CAP_CID_SMP) {
        ble_smp_rx(&S.smp, conn, data, n);
    }
}

static int att_send(void *ctx, uint16_t conn, const uint8_t *pdu, uint16_t len) {
    (void)ctx;
    return ble_l2cap_send(&S.host, conn, BLE_L2CAP_CID_ATT, pdu, len);
}

static int errno_status(int status) { // ATT errors as they are, errnos positive
    return status < 0 ? -status : status;
}

static int on_gatts(void *ctx, const struct gatts_event *ev) {
    (void)ctx;
    switch (ev->type) {
    case GATTS_EV_WRITE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTS_WRITE, "HH", ev->conn, ev->handle);
        break;
    case GATTS_EV_READ_REQUEST: return ask_read(ev->conn, ev->handle);
    case GATTS_EV_MTU:
        (void)gattc_conn_set_mtu(&S.gattc, ev->conn, ev->mtu);
        mod_bluetooth_ev_push(MOD_BT_IRQ_MTU_EXCHANGED, "HH", ev->conn, ev->mtu);
        break;
    case GATTS_EV_INDICATE_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTS_INDICATE_DONE, "HHi", ev->conn, ev->handle,
                              errno_status(ev->status));
        break;
    default: break;
    }
    return 0;
}

static void on_gattc(void *ctx, const struct gattc_event *ev) {
    (void)ctx;
    int st = errno_status(ev->status);
    switch (ev->type) {
    case GATTC_EV_SERVICE_RESULT:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_SERVICE_RESULT, "HHHu", ev->conn, ev->start_handle,
                              ev->end_handle, &ev->uuid);
        break;
    case GATTC_EV_SERVICE_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_SERVICE_DONE, "Hi", ev->conn, st);
        break;
    case GATTC_EV_CHARACTERISTIC_RESULT:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_CHARACTERISTIC_RESULT, "HHHHu", ev->conn,
                              ev->end_handle, ev->value_handle, ev->properties, &ev->uuid);
        break;
    case GATTC_EV_CHARACTERISTIC_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_CHARACTERISTIC_DONE, "Hi", ev->conn, st);
        break;
    case GATTC_EV_DESCRIPTOR_RESULT:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_DESCRIPTOR_RESULT, "HHu", ev->conn, ev->handle,
                              &ev->uuid);
        break;
    case GATTC_EV_DESCRIPTOR_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_DESCRIPTOR_DONE, "Hi", ev->conn, st);
        break;
    case GATTC_EV_READ_RESULT:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_READ_RESULT, "HHy", ev->conn, ev->value_handle,
                              ev->data, (unsigned)ev->len);
        break;
    case GATTC_EV_READ_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_READ_DONE, "HHi", ev->conn, ev->value_handle, st);
        break;
    case GATTC_EV_WRITE_DONE:
        mod_bluetooth_ev_push(MOD_BT_IRQ_GATTC_WRITE_DONE, "HHi", ev->conn, ev->value_handle, st);
        break;
    case GATTC_EV_NOTIFY:
    case GATTC_EV_INDICATE:
        mod_bluetooth_ev_push(ev->type == GATTC_EV_NOTIFY ? MOD_BT_IRQ_GATTC_NOTIFY
                                                          : MOD_BT_IRQ_GATTC_INDICATE,
                              "HHy", ev->conn, ev->value_handle, ev->data, (unsigned)ev->len);
        break;
    case GATTC_EV_MTU:
        if (ev->status == 0) {
            (void)gatts_conn_set_mtu(&S.gatts, ev->conn, ev->mtu);
            mod_bluetooth_ev_push(MOD_BT_IRQ_MTU_EXCHANGED, "HH", ev->conn, ev->mtu);
        }
        break;
    default: break;
    }
}

// ---- security: random bytes, bonds, results
// ----------------------------------------------------------
static void smp_rand(void *arg, uint8_t *buf, size_t n) {
    (void)arg;
    for (size_t i = 0; i < n; i++) { // xorshift32 seeded by the address: repeatable in simulation
        S.rng ^= S.rng << 13;
        S.rng ^= S.rng >> 17;
        S.rng ^= S.rng << 5;
        buf[i] = (uint8_t)(S.rng >> 7);
    }
}

static bool smp_bond_load(void *arg, uint8_t type, const uint8_t peer[6],
                          struct ble_smp_bond *out) {
    (void)arg;
    for (unsigned i = 0; i < S.n_bonds; i++) {
        if (S.bonds[i].peer_type == type && !memcmp(S.bonds[i].peer_addr, peer, 6)) {
            *out = S.bonds[i];
            return true;
        }
    }
    return false;
}

void mod_bluetooth_bond_put(const struct ble_smp_bond *b) {
    unsigned i = 0;
    while (i < S.n_bonds && !(S.bonds[i].peer_type == b->peer_type &&
                              !memcmp(S.bonds[i].peer_addr, b->peer_addr, 6))) {
        i++;
    }
    if (i == MOD_BLUETOOTH_BONDS) { // full: the oldest goes
        memmove(&S.bonds[0], &S.bonds[1], sizeof S.bonds[0] * (MOD_BLUETOOTH_BONDS - 1));
        i = MOD_BLUETOOTH_BONDS - 1;
    } else if (i == S.n_bonds) {
        S.n_bonds++;
    }
    S.bonds[i] = *b;
}

// A bond as a secret: key = address type + address (HCI order), value = key + LTK.
static void smp_bond_store(void *arg, const struct ble_smp_bond *b) {
    (void)arg;
    struct ble_smp_bond old;
    if (smp_bond_load(NULL, b->peer_type, b->peer_addr, &old) && !memcmp(old.ltk, b->ltk, 16)) {
        return; // SMP stores it again after encrypting with it: nothing new to keep
    }
    mod_bluetooth_bond_put(b);
    uint8_t value[23];
    value[0] = b->peer_type;
    memcpy(value + 1, b->peer_addr, 6);
    memcpy(value + 7, b->ltk, 16);
    mod_bluetooth_ev_push(MOD_BT_IRQ_SET_SECRET, "iyy", MOD_BLUETOOTH_SEC_TYPE, value, 7u, value,
                          23u);
}

static void smp_done(void *arg, uint16_t conn, unsigned status, bool encrypted, bool bonded) {
    (void)arg;
    (void)status;
    (void)gatts_conn_set_security(&S.gatts, conn, encrypted ? GATTS_SEC_ENCRYPTED : GATTS_SEC_NONE);
    mod_bluetooth_ev_push(MOD_BT_IRQ_ENCRYPTION_UPDATE, "Hbbbi", conn, encrypted, false, bonded,
                          encrypted ? 16 : 0);
}

// ---- bonds on the file system: "RTB1", a count, then 23-byte entries
// ---------------------------------
void mod_bluetooth_bonds_load_file(void) {
    int fd = mod_vfs_open(MOD_BLUETOOTH_BONDS_FILE, MOD_VFS_RDONLY);
    if (fd < 0) {
        return;
    }
    uint8_t hdr[5], e[23];
    if (mod_vfs_read(fd, hdr, 5) == 5 && !memcmp(hdr, "RTB1", 4)) {
        for (unsigned i = 0; i < hdr[4] && mod_vfs_read(fd, e, 23) == 23; i++) {
            struct ble_smp_bond b;
            b.peer_type = e[0];
            memcpy(b.peer_addr, e + 1, 6);
            memcpy(b.ltk, e + 7, 16);
            mod_bluetooth_lock();
            mod_bluetooth_bond_put(&b);
            mod_bluetooth_unlock();
        }
    }
    (void)mod_vfs_close(fd);
}

void mod_bluetooth_bonds_save_file(void) {
    uint8_t buf[5 + 23 * MOD_BLUETOOTH_BONDS];
    mod_bluetooth_lock();
    memcpy(buf, "RTB1", 4);
    buf[4] = S.n_bonds;
    for (unsigned i = 0; i < S.n_bonds; i++) {
        uint8_t *e = buf + 5 + 23 * i;
        e[0] = S.bonds[i].peer_type;
        memcpy(e + 1, S.bonds[i].peer_addr, 6);
        memcpy(e + 7, S.bonds[i].ltk, 16);
    }
    size_t n = 5u + 23u * S.n_bonds;
    mod_bluetooth_unlock();
    int fd = mod_vfs_open(MOD_BLUETOOTH_BONDS_FILE, MOD_VFS_WRONLY | MOD_VFS_CREAT | MOD_VFS_TRUNC);
    if (fd < 0) {
        return;
    }
    (void)mod_vfs_write(fd, buf, n);
    (void)mod_vfs_close(fd);
    (void)mod_vfs_sync();
}

// ---- the ble thread
// ---------------------------------------------------------------------------------
static bool busy(void) { // anything to tick for?
    if (S.scanning || S.connecting) {
        return true;
    }
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        if (S.conns[i].used) {
            return true;
        }
    }
    return false;
}

static void deadlines(void) {
    int64_t now = k_uptime_ms();
    if (S.active) {
        gatts_tick(&S.gatts, (uint32_t)now);
        gattc_tick(&S.gattc, (uint32_t)now);
    }
    if (S.scanning && S.scan_end_ms && now >= S.scan_end_ms) {
        static const uint8_t off[2] = {0, 0};
        S.scanning = false;
        (void)ble_host_cmd(&S.host, HCI_LE_SET_SCAN_ENABLE, off, 2, NULL, NULL);
        mod_bluetooth_ev_push(MOD_BT_IRQ_SCAN_DONE, "");
    }
    if (S.connecting && S.connect_end_ms && now >= S.connect_end_ms) {
        S.connect_end_ms = 0; // the cancelled initiation's event reports it
        (void)ble_host_cmd(&S.host, HCI_LE_CREATE_CONN_CANCEL, NULL, 0, NULL, NULL);
    }
}

static void ble_thread(void *arg) {
    (void)arg;
    for (;;) {
        k_timeout_t t = k_timeout_forever();
        k_mutex_lock(&S.lock, k_timeout_forever());
        if (busy()) {
            int64_t wait = BLE_TICK_MS, now = k_uptime_ms();
            if (S.scanning && S.scan_end_ms && S.scan_end_ms - now < wait) {
                wait = S.scan_end_ms - now;
            }
            if (S.connecting && S.connect_end_ms && S.connect_end_ms - now < wait) {
                wait = S.connect_end_ms - now;
            }
            t = k_timeout_ms((uint32_t)(wait > 0 ? wait : 0));
        }
        k_mutex_unlock(&S.lock);
        (void)k_sem_take(&S.rx_sem, t);
        k_mutex_lock(&S.lock, k_timeout_forever());
        size_t n;
        while ((n = rx_pop(R.pkt, sizeof R.pkt)) > 0) {
            if (S.active || !S.host.ready) {
                ble_host_rx(&S.host, R.pkt, n);
            }
        }
        deadlines();
        k_mutex_unlock(&S.lock);
    }
}

// ---- start and stop
// ------------------------------------------------------------------------------------
static int setup_once(void) {
    if (S.started) {
        return 0;
    }
    int uart = board_ble_uart();
    if (uart < 0) {
        return -ENODEV;
    }
    S.uart = uart;
    k_mutex_init(&S.lock);
    k_mutex_init(&S.cmd_lock);
    k_mutex_init(&S.sync_lock);
    k_sem_init(&S.sync_sem, 0, 1);
    k_sem_init(&S.rx_sem, 0, 1);
    k_sem_init(&S.cmd_sem, 0, 1);
    h4_reader_init(&R.reader, R.reader_buf, sizeof R.reader_buf, false, true, true);
    int err = drv_uart_init((unsigned)uart, 1000000u);
    if (err) {
        return err;
    }
    (void)drv_uart_set_rx_callback((unsigned)uart, rx_isr, NULL);
    err = k_thread_create(&R.thread, ble_stack, sizeof ble_stack, ble_thread, NULL, BLE_THREAD_PRIO,
                          "ble");
    if (err) {
        return err;
    }
    S.started = true;
    return 0;
}

int mod_bluetooth_start(void) {
    int err = setup_once();
    if (err) {
        return err;
    }
    mod_kthread_dispatch_start(); // events are delivered by the soft-interrupt dispatcher
    (void)mod_kthread_mutex_lock(&S.cmd_lock, k_timeout_forever());
    mod_bluetooth_lock();
    unsigned key = k_irq_lock();
    R.rx_head = R.rx_tail; // what the controller said before this reset is stale
    k_irq_unlock(key);
    memset(S.conns, 0, sizeof S.conns);
    S.scanning = S.connecting = false;
    static const struct ble_host_cfg hc = {
        .send = host_send, .event = on_event, .l2cap_rx = on_l2cap};
    (void)wait_begin(1);
    S.active = false;
    ble_host_init(&S.host, &hc);
    struct ble_smp_cfg sc = {.rand = smp_rand,
                             .bond_load = smp_bond_load,
                             .bond_store = smp_bond_store,
                             .done = smp_done,
                             .bonding = S.bond};
    ble_smp_init(&S.smp, &S.host, &sc);
    gatts_init(&S.gatts, R.pool, sizeof R.pool, att_send, on_gatts, NULL);
    gattc_init(&S.gattc, att_send, on_gattc, NULL);
    S.gatts.mtu_max = S.gattc.mtu_max = S.mtu;
    mod_bluetooth_unlock();
    k_sem_give(&S.rx_sem); // the thread looks again (a packet may be waiting already)
    err = wait_end();
    k_mutex_unlock(&S.cmd_lock);
    if (err == 0) {
        mod_bluetooth_lock();
        S.active = true; // (the ble thread takes the controller's packets from now on)
        S.rng = 0x9E3779B9u;
        for (int i = 0; i < 6; i++) {
            S.rng = S.rng * 31u + S.host.addr[i];
        }
        mod_bluetooth_unlock();
        // the controller's suggested packet size: the largest (251 bytes) for both directions
        // of links the peer asks to lengthen (the central asks: on_connected)
        static const uint8_t dl[4] = {251, 0, 0x48, 0x08}; // 251 octets, 2120 us
        static const struct mod_bluetooth_cmd wdl = {HCI_LE_WRITE_DEFAULT_DATA_LENGTH, 4, dl};
        err = mod_bluetooth_cmds(&wdl, 1);
        if (err) {
            mod_bluetooth_lock();
            S.active = false;
            mod_bluetooth_unlock();
        }
    }
    return err;
}

void mod_bluetooth_stop(void) {
    if (!S.started || !S.active) {
        return;
    }
    static const struct mod_bluetooth_cmd reset = {HCI_RESET, 0, NULL};
    (void)mod_bluetooth_cmds(&reset, 1); // the controller drops its links and stops
    mod_bluetooth_lock();
    S.active = false;
    S.scanning = S.connecting = false;
    for (unsigned i = 0; i < BLE_HOST_MAX_CONN; i++) {
        if (S.conns[i].used) {
            (void)gatts_conn_remove(&S.gatts, S.conns[i].handle);
            (void)gattc_conn_remove(&S.gattc, S.conns[i].handle);
            S.conns[i].used = false;
        }
    }
    mod_bluetooth_unlock();
}
