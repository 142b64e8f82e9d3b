// ble/gatt_server.h: the GATT server: an attribute database built at run time (as MicroPython's
// gatts_register_services does) and the ATT server that answers a peer's requests on it. Pure
// protocol logic: L2CAP feeds it PDUs (att_server_rx) and it sends through an att_send_fn;
// time comes from gatts_tick. All state lives in one caller-owned struct gatts (static memory;
// value buffers come from a byte pool the caller gives to gatts_init); nothing allocates.
// Every function runs in the BLE host's thread, never blocks, and is not reentrant: the event
// callback may call gatts_read/gatts_write/gatts_notify/gatts_indicate, nothing else (and
// during GATTS_EV_READ_REQUEST/GATTS_EV_WRITE_REQUEST nothing is sent: -EBUSY).
// Not supported: secondary and included services, signed writes, Read Multiple Variable
// Length, Multiple Handle Value Notification, EATT, extended properties (docs/ble-att.md).
#ifndef BLE_GATT_SERVER_H
#define BLE_GATT_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "ble/att.h"
#include "ble/ble_config.h"

// Characteristic and descriptor flags: MicroPython's bluetooth _FLAG_* values. The low 7 bits
// are the characteristic's properties byte as declared on the wire.
#define GATTS_F_BROADCAST 0x0001u
#define GATTS_F_READ 0x0002u
#define GATTS_F_WRITE_NO_RESPONSE 0x0004u
#define GATTS_F_WRITE 0x0008u
#define GATTS_F_NOTIFY 0x0010u
#define GATTS_F_INDICATE 0x0020u
#define GATTS_F_AUTHENTICATED_SIGNED_WRITE 0x0040u
#define GATTS_F_AUX_WRITE 0x0100u
#define GATTS_F_READ_ENCRYPTED 0x0200u
#define GATTS_F_READ_AUTHENTICATED 0x0400u
#define GATTS_F_READ_AUTHORIZED 0x0800u
#define GATTS_F_WRITE_ENCRYPTED 0x1000u
#define GATTS_F_WRITE_AUTHENTICATED 0x2000u
#define GATTS_F_WRITE_AUTHORIZED 0x4000u

// A link's security level (LE security mode 1): what gatts_conn_set_security is told.
#define GATTS_SEC_NONE 1u          // not encrypted
#define GATTS_SEC_ENCRYPTED 2u     // encrypted, unauthenticated pairing (Just Works)
#define GATTS_SEC_AUTHENTICATED 3u // encrypted, authenticated (MITM-protected) pairing

// The definition passed to gatts_register_services (only read during the call).
struct gatts_dsc_def {
    struct att_uuid uuid;
    uint16_t flags; // GATTS_F_READ / GATTS_F_WRITE and the security bits
};
struct gatts_chr_def {
    struct att_uuid uuid;
    uint16_t flags;
    const struct gatts_dsc_def *dscs;
    uint8_t n_dscs;
};
struct gatts_svc_def {
    struct att_uuid uuid;
    const struct gatts_chr_def *chrs;
    uint8_t n_chrs;
};

// Event to the upper layer (MicroPython's _IRQ_GATTS_*). Pointers are valid during the call.
enum gatts_event_type {
    // A peer wrote handle (a value or descriptor; data/len the bytes written, the whole value
    // after an Execute Write). Sent after the value is stored. Return value ignored.
    GATTS_EV_WRITE = 1,
    // A peer is reading handle (a value or descriptor, not declarations or CCCDs); sent before
    // the value is read, so the callback may update it with gatts_write. Return 0 to allow, or
    // an ATT error code (e.g. ATT_ERR_INSUFFICIENT_AUTHOR) to refuse: the peer gets that error.
    GATTS_EV_READ_REQUEST,
    // A peer asks to write a GATTS_F_WRITE_AUTHORIZED attribute (data/len, offset): return 0
    // to allow or an ATT error code to refuse. Not sent for Write Commands (they are dropped).
    GATTS_EV_WRITE_REQUEST,
    // The connection's ATT_MTU is now mtu (after an Exchange MTU request).
    GATTS_EV_MTU,
    // The indication on handle ended: status 0 confirmed, -ETIMEDOUT no confirmation within
    // 30 s (the bearer is then dead: no further PDUs go out on it; disconnect the link).
    GATTS_EV_INDICATE_DONE,
    // A peer wrote the CCCD `handle` of the characteristic value `value_handle`; cccd holds the
    // new ATT_CCCD_* bits. For bonded peers, store it and give it back with gatts_cccd_set.
    GATTS_EV_CCCD,
};
struct gatts_event {
    uint8_t type;          // enum gatts_event_type
    uint16_t conn;         // connection handle
    uint16_t handle;       // attribute handle
    uint16_t value_handle; // GATTS_EV_CCCD: the characteristic value's handle
    uint16_t offset;       // GATTS_EV_WRITE_REQUEST: the write's offset
    uint16_t cccd;         // GATTS_EV_CCCD: the new configuration
    uint16_t mtu;          // GATTS_EV_MTU
    int status;            // GATTS_EV_INDICATE_DONE
    const uint8_t *data;   // GATTS_EV_WRITE, GATTS_EV_WRITE_REQUEST
    uint16_t len;
};
// Returns 0, or (GATTS_EV_READ_REQUEST, GATTS_EV_WRITE_REQUEST) an ATT error code to refuse.
typedef int (*gatts_event_fn)(void *ctx, const struct gatts_event *ev);

// Attribute kinds.
enum { GATTS_K_SERVICE = 1, GATTS_K_CHR_DECL, GATTS_K_VALUE, GATTS_K_CCCD, GATTS_K_DSC };

// One attribute; handle = index + 1.
struct gatts_attr {
    uint8_t *buf;         // value storage (values and descriptors), from the pool
    uint16_t cap, len;    // buffer size, current value length
    uint16_t flags;       // GATTS_F_*
    uint16_t end;         // services: the group's last handle
    uint8_t kind;         // GATTS_K_*
    uint8_t slot;         // CCCDs: index in gatts_conn.cccd; values: their CCCD's, or 0xFF
    uint8_t append;       // gatts_set_buffer's append mode
    struct att_uuid uuid; // service UUID (services), characteristic UUID (declarations and
                          // values), descriptor type (descriptors)
};

// A queued Prepare Write: a run of contiguous prepares to one handle.
struct gatts_prep {
    uint16_t handle, offset, len, pos; // pos: where its bytes start in gatts_conn.prep_data
};

struct gatts_conn {
    uint16_t conn; // connection handle
    uint16_t mtu;  // ATT_MTU
    uint8_t used;
    uint8_t sec;         // GATTS_SEC_*
    uint8_t dead;        // a transaction timed out: nothing more is sent
    uint8_t ind_pending; // an indication awaits its confirmation
    uint16_t ind_handle;
    uint32_t ind_deadline; // in gatts_tick's milliseconds
    uint8_t cccd[BLE_CFG_MAX_CCCDS];
    uint8_t n_prep;
    uint16_t prep_used;
    struct gatts_prep prep[BLE_CFG_PREP_ENTRIES];
    uint8_t prep_data[BLE_CFG_PREP_BYTES];
};

struct gatts {
    struct gatts_attr attrs[BLE_CFG_MAX_ATTRS];
    uint16_t n_attrs;
    uint8_t n_cccds;
    uint8_t *pool;
    size_t pool_size, pool_used;
    struct gatts_conn conns[BLE_CFG_MAX_CONN];
    att_send_fn send;
    gatts_event_fn event;
    void *ctx;
    uint32_t now_ms;
    uint16_t mtu_max; // the ATT_MTU offered (23..BLE_CFG_ATT_MTU_MAX; gatts_init: the maximum)
    uint8_t asking;   // inside a *_REQUEST event, while a response is half built in tx
    uint8_t tx[BLE_CFG_ATT_MTU_MAX];
};

/** Initialises srv (no services, no connections). pool/pool_size: the memory that value
 *  buffers are carved from (BLE_CFG_VALUE_DEFAULT bytes per value and descriptor by default);
 *  it must outlive srv. send: how PDUs go out; event: may be NULL. Context: any. */
void gatts_init(struct gatts *srv, uint8_t *pool, size_t pool_size, att_send_fn send,
                gatts_event_fn event, void *ctx);

/** Replaces the database with svcs[0..n): handles from 1 in definition order: per service its
 *  declaration, then per characteristic its declaration, its value, a CCCD if it has NOTIFY or
 *  INDICATE, then its descriptors. Writes to handles[] per characteristic its value handle
 *  then its descriptors' handles (CCCDs are not listed), in order, at most n_handles.
 *  Returns the number of handles written; -ENOMEM if the attributes, CCCDs, pool or handles[]
 *  run out; -EINVAL for a bad UUID. Connections' CCCDs and prepare queues are cleared. */
int gatts_register_services(struct gatts *srv, const struct gatts_svc_def *svcs, size_t n,
                            uint16_t *handles, size_t n_handles);

/** Resizes the value buffer of handle to len bytes (content cleared) and sets its append mode
 *  (remote writes append instead of replacing; gatts_read then empties it). Grows in place when
 *  it is the newest buffer, else takes new pool space (the old is not reused).
 *  Returns 0, -EINVAL (not a value/descriptor handle, len > 512), -ENOMEM (pool). */
int gatts_set_buffer(struct gatts *srv, uint16_t handle, uint16_t len, bool append);

/** The current value of handle (a value or descriptor): *data points into the database, valid
 *  until the next write. In append mode the value is emptied after this call. Returns the
 *  length or -EINVAL. */
int gatts_read(struct gatts *srv, uint16_t handle, const uint8_t **data);

/** Sets the local value of handle (truncated to its buffer: returns the bytes kept, or -EINVAL).
 *  send_update: also notify (or indicate) every connected peer whose CCCD asks for it; a
 *  connection whose indication is still outstanding is skipped. */
int gatts_write(struct gatts *srv, uint16_t handle, const uint8_t *data, uint16_t len,
                bool send_update);

/** Sends a Handle Value Notification of handle to conn: data (or the local value when NULL),
 *  truncated to ATT_MTU - 3, whatever the CCCD says. Returns 0, -ENOTCONN, -EINVAL (handle),
 *  -EPIPE (the bearer timed out), -EBUSY (called from a *_REQUEST event), or the send
 *  function's error. */
int gatts_notify(struct gatts *srv, uint16_t conn, uint16_t handle, const uint8_t *data,
                 uint16_t len);

/** Sends a Handle Value Indication (as gatts_notify). One per connection at a time: -EBUSY
 *  while one awaits its confirmation. Its end is reported by GATTS_EV_INDICATE_DONE. */
int gatts_indicate(struct gatts *srv, uint16_t conn, uint16_t handle, const uint8_t *data,
                   uint16_t len);

/** A connection starts (ATT_MTU 23, security sec, CCCDs clear). Returns 0, -ENOMEM (all
 *  BLE_CFG_MAX_CONN in use), -EEXIST. */
int gatts_conn_add(struct gatts *srv, uint16_t conn, uint8_t sec);
/** A connection ends: its indication, prepare queue and CCCDs are dropped (no event).
 *  Returns 0 or -ENOTCONN. */
int gatts_conn_remove(struct gatts *srv, uint16_t conn);
/** The link's security changed (encryption started or a pairing completed). 0 or -ENOTCONN. */
int gatts_conn_set_security(struct gatts *srv, uint16_t conn, uint8_t sec);
/** The bearer's ATT_MTU was set by this device's own client (gattc): keep both sides equal.
 *  mtu is clamped to 23..BLE_CFG_ATT_MTU_MAX. 0 or -ENOTCONN. */
int gatts_conn_set_mtu(struct gatts *srv, uint16_t conn, uint16_t mtu);
/** The connection's ATT_MTU, or 0 if unknown. */
uint16_t gatts_conn_mtu(const struct gatts *srv, uint16_t conn);

/** Restores (for a bonded peer) or reads the CCCD `cccd_handle` of conn. gatts_cccd_set
 *  returns 0 or -EINVAL/-ENOTCONN; gatts_cccd_get returns the ATT_CCCD_* bits or a negative
 *  errno. */
int gatts_cccd_set(struct gatts *srv, uint16_t conn, uint16_t cccd_handle, uint16_t value);
int gatts_cccd_get(const struct gatts *srv, uint16_t conn, uint16_t cccd_handle);

/** Handles one ATT PDU that arrived from conn's peer on channel 0x0004 (a request, a command
 *  or a Handle Value Confirmation: see att_op_for_server), sending the response or Error
 *  Response through send. Returns 0, or -ENOTCONN for an unknown connection (PDU dropped). */
int att_server_rx(struct gatts *srv, uint16_t conn, const uint8_t *pdu, size_t len);

/** Advances the server's clock to now_ms (any monotonic millisecond count; wraps) and ends
 *  indications unconfirmed for BLE_CFG_ATT_TIMEOUT_MS with GATTS_EV_INDICATE_DONE(-ETIMEDOUT).
 *  Call it at least every few seconds, and before gatts_indicate. */
void gatts_tick(struct gatts *srv, uint32_t now_ms);

#endif // BLE_GATT_SERVER_H
