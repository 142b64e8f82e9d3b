// ble/att.h: the Attribute Protocol's wire format (Core Spec v5.x Vol 3 Part F): opcodes,
// error codes, PDU layouts, UUIDs and little-endian field access. Shared by the GATT server
// (ble/gatt_server.h) and client (ble/gatt_client.h), which both run over the ATT fixed L2CAP
// channel 0x0004 and send through an att_send_fn. Header only, no state. Not covered: EATT,
// signed writes, Read Multiple Variable Length, Multiple Handle Value Notification.
#ifndef BLE_ATT_H
#define BLE_ATT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ble/ble_config.h"

#define ATT_CID 0x0004u     // L2CAP fixed channel
#define ATT_MTU_DEFAULT 23u // LE default ATT_MTU, also the minimum
#define ATT_VALUE_MAX 512u  // longest attribute value

// Opcodes (Part F 3.4.8). Bit 6 marks a command (no response, never an Error Response), bit 7
// an authentication signature.
enum {
    ATT_OP_ERROR_RSP = 0x01,
    ATT_OP_MTU_REQ = 0x02,
    ATT_OP_MTU_RSP = 0x03,
    ATT_OP_FIND_INFO_REQ = 0x04,
    ATT_OP_FIND_INFO_RSP = 0x05,
    ATT_OP_FIND_BY_TYPE_REQ = 0x06,
    ATT_OP_FIND_BY_TYPE_RSP = 0x07,
    ATT_OP_READ_BY_TYPE_REQ = 0x08,
    ATT_OP_READ_BY_TYPE_RSP = 0x09,
    ATT_OP_READ_REQ = 0x0A,
    ATT_OP_READ_RSP = 0x0B,
    ATT_OP_READ_BLOB_REQ = 0x0C,
    ATT_OP_READ_BLOB_RSP = 0x0D,
    ATT_OP_READ_MULT_REQ = 0x0E,
    ATT_OP_READ_MULT_RSP = 0x0F,
    ATT_OP_READ_BY_GROUP_REQ = 0x10,
    ATT_OP_READ_BY_GROUP_RSP = 0x11,
    ATT_OP_WRITE_REQ = 0x12,
    ATT_OP_WRITE_RSP = 0x13,
    ATT_OP_PREP_WRITE_REQ = 0x16,
    ATT_OP_PREP_WRITE_RSP = 0x17,
    ATT_OP_EXEC_WRITE_REQ = 0x18,
    ATT_OP_EXEC_WRITE_RSP = 0x19,
    ATT_OP_NOTIFY = 0x1B,
    ATT_OP_INDICATE = 0x1D,
    ATT_OP_CONFIRM = 0x1E,
    ATT_OP_READ_MULT_VAR_REQ = 0x20,
    ATT_OP_READ_MULT_VAR_RSP = 0x21,
    ATT_OP_MULT_NOTIFY = 0x23,
    ATT_OP_WRITE_CMD = 0x52,
    ATT_OP_SIGNED_WRITE_CMD = 0xD2,
};
#define ATT_OP_CMD_FLAG 0x40u

// Error codes (Part F 3.4.1.1), carried by the Error Response.
enum {
    ATT_ERR_INVALID_HANDLE = 0x01,
    ATT_ERR_READ_NOT_PERMITTED = 0x02,
    ATT_ERR_WRITE_NOT_PERMITTED = 0x03,
    ATT_ERR_INVALID_PDU = 0x04,
    ATT_ERR_INSUFFICIENT_AUTHEN = 0x05,
    ATT_ERR_REQ_NOT_SUPPORTED = 0x06,
    ATT_ERR_INVALID_OFFSET = 0x07,
    ATT_ERR_INSUFFICIENT_AUTHOR = 0x08,
    ATT_ERR_PREPARE_QUEUE_FULL = 0x09,
    ATT_ERR_ATTR_NOT_FOUND = 0x0A,
    ATT_ERR_ATTR_NOT_LONG = 0x0B,
    ATT_ERR_INSUFFICIENT_KEY_SIZE = 0x0C,
    ATT_ERR_INVALID_VALUE_LEN = 0x0D,
    ATT_ERR_UNLIKELY = 0x0E,
    ATT_ERR_INSUFFICIENT_ENC = 0x0F,
    ATT_ERR_UNSUPPORTED_GROUP = 0x10,
    ATT_ERR_INSUFFICIENT_RES = 0x11,
    ATT_ERR_DB_OUT_OF_SYNC = 0x12,
    ATT_ERR_VALUE_NOT_ALLOWED = 0x13,
    // 0x80-0x9F application errors; 0xE0-0xFF common profile errors (Supplement Part B)
    ATT_ERR_CCCD_IMPROPER = 0xFD,
    ATT_ERR_PROC_IN_PROGRESS = 0xFE,
    ATT_ERR_OUT_OF_RANGE = 0xFF,
};

// PDU layouts (all fields little-endian; the opcode is byte 0).
//
//   Error Response      01 | req opcode:1 | handle:2 | error:1                  (5 bytes)
//   Exchange MTU        02/03 | mtu:2                                          (3 bytes)
//   Find Information    04 | start:2 | end:2
//            response   05 | format:1 (1 = 16-bit, 2 = 128-bit) | {handle:2 uuid:2|16}...
//   Find By Type Value  06 | start:2 | end:2 | type:2 (16-bit UUID) | value...
//            response   07 | {found handle:2 | group end handle:2}...
//   Read By Type        08 | start:2 | end:2 | type:2|16
//            response   09 | length:1 | {handle:2 | value:length-2}...
//   Read / Read Blob    0A | handle:2          0C | handle:2 | offset:2
//            response   0B | value...          0D | value part...
//   Read Multiple       0E | handle:2 | handle:2 ...     response 0F | values...
//   Read By Group Type  10 | start:2 | end:2 | group type:2|16
//            response   11 | length:1 | {handle:2 | end group handle:2 | value:length-4}...
//   Write Req / Cmd     12/52 | handle:2 | value...      response 13 (1 byte)
//   Prepare Write       16/17 | handle:2 | offset:2 | value part...
//   Execute Write       18 | flags:1 (0 cancel, 1 write)  response 19 (1 byte)
//   Notify / Indicate   1B/1D | handle:2 | value...      Confirmation 1E (1 byte)
#define ATT_ERROR_RSP_LEN 5u
#define ATT_MTU_PDU_LEN 3u
#define ATT_FIND_INFO_FMT_16 0x01u
#define ATT_FIND_INFO_FMT_128 0x02u
#define ATT_EXEC_WRITE_CANCEL 0x00u
#define ATT_EXEC_WRITE_COMMIT 0x01u

// GATT attribute types (Assigned Numbers) used by the server and the client.
#define ATT_UUID_PRIMARY_SERVICE 0x2800u
#define ATT_UUID_SECONDARY_SERVICE 0x2801u
#define ATT_UUID_INCLUDE 0x2802u
#define ATT_UUID_CHARACTERISTIC 0x2803u
#define ATT_UUID_CCCD 0x2902u
#define ATT_CCCD_NOTIFY 0x0001u
#define ATT_CCCD_INDICATE 0x0002u

static inline uint16_t att_get16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline void att_put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

// A UUID as it travels in ATT: 2 or 16 bytes, little-endian (16-byte UUIDs are stored in
// reverse of their textual order). A 16-bit UUID is shorthand for the Bluetooth base UUID
// 0000xxxx-0000-1000-8000-00805F9B34FB; att_uuid_eq treats the two forms of one UUID as equal.
struct att_uuid {
    uint8_t len;   // 2 or 16
    uint8_t b[16]; // the first len bytes are used
};

// The base UUID, little-endian; bytes 12-13 take a 16-bit UUID.
#define ATT_BASE_UUID_LE                                                                           \
    {                                                                                              \
        0xFB, 0x34, 0x9B, 0x5F, 0x80, 0x00, 0x00, 0x80, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00,  \
            0x00                                                                                   \
    }

static inline struct att_uuid att_uuid16(uint16_t v) {
    struct att_uuid u = {2, {(uint8_t)v, (uint8_t)(v >> 8)}};
    return u;
}
// From 16 bytes in little-endian (wire) order.
static inline struct att_uuid att_uuid128(const uint8_t le[16]) {
    struct att_uuid u = {16, {0}};
    memcpy(u.b, le, 16);
    return u;
}
// From the wire: len must be 2 or 16; returns false otherwise.
static inline bool att_uuid_from_wire(struct att_uuid *u, const uint8_t *p, unsigned len) {
    if (len != 2 && len != 16) {
        return false;
    }
    u->len = (uint8_t)len;
    memset(u->b, 0, sizeof u->b);
    memcpy(u->b, p, len);
    return true;
}
// The 128-bit form of u, little-endian.
static inline void att_uuid_to128(const struct att_uuid *u, uint8_t out[16]) {
    static const uint8_t base[16] = ATT_BASE_UUID_LE;
    if (u->len == 2) {
        memcpy(out, base, 16);
        out[12] = u->b[0];
        out[13] = u->b[1];
    } else {
        memcpy(out, u->b, 16);
    }
}
// u in its shortest form: a 128-bit UUID on the base UUID becomes 16-bit (so it is sent in 2
// bytes, as Part B 2.5.1 wants for assigned numbers).
static inline struct att_uuid att_uuid_short(const struct att_uuid *u) {
    static const uint8_t base[16] = ATT_BASE_UUID_LE;
    if (u->len == 16 && u->b[14] == 0 && u->b[15] == 0 && memcmp(u->b, base, 12) == 0) {
        return att_uuid16(att_get16(u->b + 12));
    }
    return *u;
}
static inline bool att_uuid_eq(const struct att_uuid *a, const struct att_uuid *b) {
    uint8_t x[16], y[16];
    att_uuid_to128(a, x);
    att_uuid_to128(b, y);
    return memcmp(x, y, 16) == 0;
}
static inline bool att_uuid_is16(const struct att_uuid *u, uint16_t v) {
    struct att_uuid w = att_uuid16(v);
    return att_uuid_eq(u, &w);
}

// How the stack hands a PDU to L2CAP for the ATT channel of connection conn. Returns 0, or a
// negative errno (-EAGAIN: no buffer now; the PDU is dropped). Called from att_server_rx,
// gattc_rx and the send/tick functions, in their context; must not call back into the stack.
typedef int (*att_send_fn)(void *ctx, uint16_t conn, const uint8_t *pdu, uint16_t len);

// Which side of a device handles an incoming PDU with this opcode: requests, commands and the
// Handle Value Confirmation go to the server (att_server_rx); responses, the Error Response,
// notifications and indications to the client (gattc_rx).
static inline bool att_op_for_server(uint8_t op) {
    switch (op) {
    case ATT_OP_ERROR_RSP:
    case ATT_OP_MTU_RSP:
    case ATT_OP_FIND_INFO_RSP:
    case ATT_OP_FIND_BY_TYPE_RSP:
    case ATT_OP_READ_BY_TYPE_RSP:
    case ATT_OP_READ_RSP:
    case ATT_OP_READ_BLOB_RSP:
    case ATT_OP_READ_MULT_RSP:
    case ATT_OP_READ_BY_GROUP_RSP:
    case ATT_OP_WRITE_RSP:
    case ATT_OP_PREP_WRITE_RSP:
    case ATT_OP_EXEC_WRITE_RSP:
    case ATT_OP_NOTIFY:
    case ATT_OP_INDICATE:
    case ATT_OP_READ_MULT_VAR_RSP:
    case ATT_OP_MULT_NOTIFY: return false;
    default: return true;
    }
}

#endif // BLE_ATT_H
