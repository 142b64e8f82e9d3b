// ble/gatt_client.h: the GATT client procedures (Core Spec v5.x Vol 3 Part G 4) over ATT:
// MTU exchange, service/characteristic/descriptor discovery, reads (long ones with Read Blob),
// writes (long ones with Prepare/Execute Write) and incoming notifications and indications
// (indications are confirmed at once). One procedure at a time per connection; results and
// completion arrive through one event callback shaped after MicroPython's _IRQ_GATTC_* events.
// Pure protocol logic: gattc_rx is fed PDUs by L2CAP, PDUs leave through an att_send_fn, time
// comes from gattc_tick. All state in the caller-owned struct gattc; nothing allocates. Every
// function runs in the BLE host's thread, never blocks, and is not reentrant (the event
// callback may start the next procedure, nothing else).
#ifndef BLE_GATT_CLIENT_H
#define BLE_GATT_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "ble/att.h"
#include "ble/ble_config.h"

// Events (MicroPython's _IRQ_GATTC_* of the same names). status: 0 success, an ATT error code
// (1..255) from the server's Error Response, or a negative errno: -ETIMEDOUT (no response in
// 30 s; the bearer is then dead), -EPROTO (a malformed or unexpected response), -ENOTCONN
// (the connection was removed mid-procedure).
enum gattc_event_type {
    GATTC_EV_SERVICE_RESULT = 1,    // start_handle, end_handle, uuid
    GATTC_EV_SERVICE_DONE,          // status
    GATTC_EV_CHARACTERISTIC_RESULT, // def_handle, value_handle, end_handle, properties, uuid
    GATTC_EV_CHARACTERISTIC_DONE,   // status
    GATTC_EV_DESCRIPTOR_RESULT,     // handle, uuid
    GATTC_EV_DESCRIPTOR_DONE,       // status
    GATTC_EV_READ_RESULT,           // value_handle, data/len (the whole value, long or not)
    GATTC_EV_READ_DONE,             // value_handle, status
    GATTC_EV_WRITE_DONE,            // value_handle, status
    GATTC_EV_NOTIFY,                // value_handle, data/len
    GATTC_EV_INDICATE,              // value_handle, data/len (already confirmed)
    GATTC_EV_MTU,                   // mtu, status (the new ATT_MTU of the bearer)
};
struct gattc_event {
    uint8_t type;          // enum gattc_event_type
    uint16_t conn;         // connection handle
    int status;            // *_DONE and GATTC_EV_MTU
    uint16_t start_handle; // services
    uint16_t end_handle;   // services and characteristics
    uint16_t def_handle;   // characteristics: the declaration's handle
    uint16_t value_handle; // characteristics, reads, writes, notifications
    uint16_t handle;       // descriptors
    uint8_t properties;    // characteristics
    uint16_t mtu;          // GATTC_EV_MTU
    struct att_uuid uuid;  // results
    const uint8_t *data;   // reads and notifications; valid during the call
    uint16_t len;
};
typedef void (*gattc_event_fn)(void *ctx, const struct gattc_event *ev);

// gattc_write's modes (MicroPython's gattc_write mode argument).
#define GATTC_WRITE_NO_RESPONSE 0u
#define GATTC_WRITE_WITH_RESPONSE 1u

struct gattc_conn {
    uint16_t conn;
    uint16_t mtu;
    uint8_t used;
    uint8_t dead;        // a transaction timed out: nothing more is sent
    uint8_t proc;        // the running procedure (internal), 0 when idle
    uint8_t req;         // the request opcode whose response is awaited, 0 when none
    uint32_t deadline;   // of the outstanding request, in gattc_tick's milliseconds
    uint16_t start, end; // discovery: the range still to search
    uint16_t handle;     // reads and writes: the value handle
    uint16_t off;        // long reads/writes: bytes done; long writes: bytes sent
    uint16_t len;        // long writes: data length
    uint8_t has_uuid;    // discovery by UUID
    int err;             // long writes: the status to report once the cancel is answered
    struct att_uuid uuid;
    // characteristic discovery holds back one result until it knows where it ends
    uint8_t chr_pending;
    uint8_t chr_props;
    uint16_t chr_def, chr_value;
    struct att_uuid chr_uuid;
    uint8_t buf[BLE_CFG_GATTC_BUF]; // long read value / long write data
};

struct gattc {
    struct gattc_conn conns[BLE_CFG_MAX_CONN];
    att_send_fn send;
    gattc_event_fn event;
    void *ctx;
    uint32_t now_ms;
    uint16_t mtu_max; // the ATT_MTU offered (23..BLE_CFG_ATT_MTU_MAX; gattc_init: the maximum)
    uint8_t tx[BLE_CFG_ATT_MTU_MAX];
};

/** Initialises cl (no connections). send: how PDUs go out; event: may be NULL. Context: any. */
void gattc_init(struct gattc *cl, att_send_fn send, gattc_event_fn event, void *ctx);

/** A connection starts (ATT_MTU 23) or ends. gattc_conn_add: 0, -ENOMEM, -EEXIST.
 *  gattc_conn_remove ends a running procedure with its *_DONE event (status -ENOTCONN);
 *  0 or -ENOTCONN. */
int gattc_conn_add(struct gattc *cl, uint16_t conn);
int gattc_conn_remove(struct gattc *cl, uint16_t conn);
/** The bearer's ATT_MTU was set by this device's own server (GATTS_EV_MTU): keep both sides
 *  equal. Clamped to 23..BLE_CFG_ATT_MTU_MAX. 0 or -ENOTCONN. */
int gattc_conn_set_mtu(struct gattc *cl, uint16_t conn, uint16_t mtu);
/** The connection's ATT_MTU, or 0 if unknown. */
uint16_t gattc_conn_mtu(const struct gattc *cl, uint16_t conn);

// The procedures. Each returns 0 when its first request went out (its result events and its
// *_DONE event follow from gattc_rx or gattc_tick), or at once: -ENOTCONN (unknown
// connection), -EBUSY (a procedure is running on it), -EINVAL (bad argument), -EPIPE (the
// bearer timed out), or the send function's error (nothing started).

/** Exchange MTU offering cl->mtu_max (BLE_CFG_ATT_MTU_MAX unless the port lowered it). Ends with
 * GATTC_EV_MTU. */
int gattc_exchange_mtu(struct gattc *cl, uint16_t conn);
/** Discovers all primary services (uuid NULL) or those with uuid: GATTC_EV_SERVICE_RESULT per
 *  service, then GATTC_EV_SERVICE_DONE. */
int gattc_discover_services(struct gattc *cl, uint16_t conn, const struct att_uuid *uuid);
/** Discovers the characteristics in start..end (uuid NULL: all, else only those with uuid):
 *  GATTC_EV_CHARACTERISTIC_RESULT each, then GATTC_EV_CHARACTERISTIC_DONE. */
int gattc_discover_characteristics(struct gattc *cl, uint16_t conn, uint16_t start, uint16_t end,
                                   const struct att_uuid *uuid);
/** Discovers the descriptors (every attribute) in start..end: GATTC_EV_DESCRIPTOR_RESULT each,
 *  then GATTC_EV_DESCRIPTOR_DONE. */
int gattc_discover_descriptors(struct gattc *cl, uint16_t conn, uint16_t start, uint16_t end);
/** Reads handle: Read Request, then Read Blob while the value fills a response (up to
 *  BLE_CFG_GATTC_BUF bytes). GATTC_EV_READ_RESULT (on success) then GATTC_EV_READ_DONE. */
int gattc_read(struct gattc *cl, uint16_t conn, uint16_t handle);
/** Writes data[0..len) to handle. GATTC_WRITE_NO_RESPONSE: a Write Command (len <= ATT_MTU - 3,
 *  else -EINVAL), no event, allowed while a procedure runs. GATTC_WRITE_WITH_RESPONSE: a Write
 *  Request, or when len > ATT_MTU - 3 a long write (Prepare Writes, each echo checked, then
 *  Execute Write; data is copied, len <= BLE_CFG_GATTC_BUF); ends with GATTC_EV_WRITE_DONE. */
int gattc_write(struct gattc *cl, uint16_t conn, uint16_t handle, const uint8_t *data, uint16_t len,
                unsigned mode);

/** Handles one ATT PDU from conn's peer meant for the client (see att_op_for_server): a
 *  response, an Error Response, a notification or an indication (confirmed before its event).
 *  Returns 0, or -ENOTCONN (PDU dropped). */
int gattc_rx(struct gattc *cl, uint16_t conn, const uint8_t *pdu, size_t len);

/** Advances the client's clock to now_ms (monotonic milliseconds; wraps) and ends procedures
 *  whose response is BLE_CFG_ATT_TIMEOUT_MS overdue with status -ETIMEDOUT. */
void gattc_tick(struct gattc *cl, uint32_t now_ms);

#endif // BLE_GATT_CLIENT_H
