// ble/host/host.h: the core of the BLE host stack (docs/ble.md): the HCI layer (command flow
// control, controller buffer accounting), connections, and L2CAP on LE (the fixed channels:
// ATT 0x0004, LE signalling 0x0005, SMP 0x0006; fragmentation and reassembly; connection
// parameter update). It is event-driven and has no threads of its own: whoever owns it feeds
// it the controller's packets (ble_host_rx) and calls it from one context at a time (the
// port's BLE thread). No malloc: every buffer is in struct ble_host, sized by the BLE_HOST_*
// limits. The layers above (ATT/GATT, SMP, GAP for Python) plug in through callbacks.
#ifndef BLE_HOST_HOST_H
#define BLE_HOST_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef BLE_HOST_MAX_CONN
#define BLE_HOST_MAX_CONN 4u
#endif
#ifndef BLE_HOST_L2CAP_MAX // the largest L2CAP payload in either direction (ATT MTU up to this)
#define BLE_HOST_L2CAP_MAX 251u
#endif
#ifndef BLE_HOST_TX_SDUS // L2CAP messages waiting for the controller, all connections together
#define BLE_HOST_TX_SDUS 8u
#endif
#define BLE_HOST_CMD_QUEUE 8u   // HCI commands waiting for the controller
#define BLE_HOST_CMD_PARAMS 40u // the longest parameters we send (LE Create Connection: 25)

#define BLE_L2CAP_CID_ATT 0x0004u
#define BLE_L2CAP_CID_SIG 0x0005u
#define BLE_L2CAP_CID_SMP 0x0006u

struct ble_host;

/** A command's outcome: the status and the return parameters after it (Command Complete), or
 *  just the status (Command Status; n is 0). */
typedef void (*ble_cmd_done_fn)(struct ble_host *h, void *arg, uint8_t status, const uint8_t *ret, uint8_t n);

enum ble_host_ev_type {
    BLE_HOST_EV_READY,        // start-up done (status: 0, or the failing command's status)
    BLE_HOST_EV_CONNECTED,    // a connection (conn; or status != 0: initiating failed/cancelled)
    BLE_HOST_EV_DISCONNECTED, // conn, reason
    BLE_HOST_EV_ADV_REPORT,   // adv: a report received while scanning
    BLE_HOST_EV_CONN_UPDATED, // conn: new parameters (or status)
    BLE_HOST_EV_DATA_LEN,     // conn: the link's data length changed
    BLE_HOST_EV_TX_DONE,      // conn: L2CAP messages left; ble_l2cap_send has room again
    BLE_HOST_EV_HW_ERROR,     // the controller reported a hardware error (status: its code)
    BLE_HOST_EV_LTK_REQUEST,  // conn: the peripheral's controller asks for a key (ediv, rand)
    BLE_HOST_EV_ENCRYPTED,    // conn: encryption changed (status; reason: 1 on, 0 off)
};

struct ble_adv_report {
    uint8_t event_type, addr_type, addr[6];
    int8_t rssi;
    uint8_t data_len;
    const uint8_t *data;
};

struct ble_host_event {
    enum ble_host_ev_type type;
    uint8_t status;
    uint8_t reason;
    uint16_t conn; // connection handle
    const struct ble_adv_report *adv;
    uint16_t ediv; // LTK_REQUEST
    uint8_t rand[8];
};

struct ble_conn {
    bool used, central;
    uint16_t handle;
    uint8_t peer_type, peer_addr[6];
    uint16_t interval, latency, timeout;
    // reassembly of the L2CAP message arriving
    uint8_t rx[4 + BLE_HOST_L2CAP_MAX];
    uint16_t rx_len, rx_need; // rx_need 0: waiting for a start fragment
    bool rx_drop;             // the message is too long: its fragments are dropped
    uint8_t sig_id;           // signalling identifiers we used
    uint8_t upd_id;           // the pending Connection Parameter Update Request's (0: none)
    uint16_t in_flight;       // ACL packets of this connection in the controller
};

struct ble_tx_sdu { // an L2CAP message waiting for the controller
    uint16_t conn, len, sent; // len includes the 4-byte L2CAP header
    uint8_t data[4 + BLE_HOST_L2CAP_MAX];
};

struct ble_cmd {
    uint16_t op;
    uint8_t n;
    uint8_t params[BLE_HOST_CMD_PARAMS];
    ble_cmd_done_fn done;
    void *arg;
};

struct ble_host_cfg {
    void (*send)(void *arg, const uint8_t *pkt, size_t n); // an H4 packet to the controller
    void (*event)(struct ble_host *h, const struct ble_host_event *ev);
    // an L2CAP message on a fixed channel (ATT, SMP) for the layers above; NULL: dropped
    void (*l2cap_rx)(struct ble_host *h, uint16_t conn, uint16_t cid, const uint8_t *data, uint16_t n);
    void *arg;
};

struct ble_host {
    struct ble_host_cfg cfg;
    bool ready;
    uint8_t addr[6];
    uint16_t acl_len;  // the controller's ACL data packet length
    uint16_t acl_free; // ... and how many more it takes now
    uint8_t cmd_credits;
    struct ble_cmd cmds[BLE_HOST_CMD_QUEUE];
    uint8_t cmd_head, cmd_count; // waiting to be sent
    struct ble_cmd sent[BLE_HOST_CMD_QUEUE];
    uint8_t sent_count; // sent, waiting for their completion (in order)
    struct ble_conn conns[BLE_HOST_MAX_CONN];
    struct ble_tx_sdu tx[BLE_HOST_TX_SDUS];
    uint8_t tx_order[BLE_HOST_TX_SDUS]; // indexes of used tx entries, oldest first
    uint8_t tx_count;
    uint32_t dropped_rx; // malformed or oversized packets from the controller
};

/** Sets the host up and starts the controller's bring-up (Reset, event masks, buffer sizes,
 *  address); BLE_HOST_EV_READY follows. */
void ble_host_init(struct ble_host *h, const struct ble_host_cfg *cfg);

/** One whole H4 packet from the controller (an event or ACL data). */
void ble_host_rx(struct ble_host *h, const uint8_t *pkt, size_t n);

/** Queues an HCI command; done (may be NULL) gets its outcome. Returns 0, -ENOMEM (queue
 *  full), -EINVAL (parameters too long). */
int ble_host_cmd(struct ble_host *h, uint16_t op, const void *params, uint8_t n, ble_cmd_done_fn done, void *arg);

/** The connection with this handle, or NULL. */
struct ble_conn *ble_host_conn(struct ble_host *h, uint16_t handle);

/**
 * Sends an L2CAP message (n bytes of payload) on a fixed channel; fragments go to the
 * controller as it has room. Returns 0, -ENOTCONN, -EMSGSIZE (n > BLE_HOST_L2CAP_MAX), -ENOBUFS
 * (every message buffer is waiting: retry after BLE_HOST_EV_TX_DONE).
 */
int ble_l2cap_send(struct ble_host *h, uint16_t conn, uint16_t cid, const void *data, uint16_t n);

/**
 * A peripheral asks the central for new connection parameters over the LE signalling channel
 * (intervals in 1.25 ms, timeout in 10 ms); BLE_HOST_EV_CONN_UPDATED follows when the central
 * applies them, or with status 0x3B if it refuses. Returns 0, -ENOTCONN, -EINVAL (central or
 * bad parameters), -EBUSY (a request is pending).
 */
int ble_l2cap_conn_param_update(struct ble_host *h, uint16_t conn, uint16_t int_min, uint16_t int_max,
                                uint16_t latency, uint16_t timeout);

#endif // BLE_HOST_HOST_H
