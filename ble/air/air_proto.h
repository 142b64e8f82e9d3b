// ble/air/air_proto.h: the messages between a device (ble/air_client.c) and the medium
// (rtpy-air, ble/air/air_medium.c) on a SOCK_SEQPACKET Unix socket: one message per packet,
// fixed-size structs in host byte order (both ends run on the same host), type first.
// All times on the wire are the medium's: a device adds its join offset before sending and
// subtracts it from what it receives. Protocol description and lock-step proof: docs/air.md.
#ifndef BLE_AIR_AIR_PROTO_H
#define BLE_AIR_AIR_PROTO_H

#include <stdint.h>

#include "ble/air.h"

#define AIR_PROTO_VERSION 1u
#define AIR_NAME_MAX 16u // device name bytes, NUL included

enum air_msg_type {
    AIR_MSG_HELLO = 1, // device -> medium, once: who and where I am
    AIR_MSG_WELCOME,   // medium -> device: id, time offset (or a refusal)
    AIR_MSG_PKT,       // device -> medium: a packet put on the air
    AIR_MSG_REPORT,    // device -> medium (virtual time): at the gate, wants to reach want_ns
    AIR_MSG_RX,        // medium -> device: a packet that reaches it
    AIR_MSG_GRANT,     // medium -> device (virtual time): the new gate; ends a barrier's RX batch
    AIR_MSG_DEADLOCK,  // medium -> device (virtual time): every device waits forever
};

struct air_msg_hello {
    uint32_t type, version;
    char name[AIR_NAME_MAX];
    double x_m, y_m;
    int8_t tx_dbm;
    uint8_t realtime; // the device's clock is the wall clock
};

struct air_msg_welcome {
    uint32_t type;
    int32_t status;  // 0, or a negative errno: the medium refuses (-EPROTO: mode/version)
    uint32_t id;     // the medium's number for the device (join order; logs only)
    uint64_t now_ns; // medium time now: the device subtracts its own now to get its offset
};

struct air_msg_pkt {
    uint32_t type;
    uint32_t seq;       // the sender's packet count: a deterministic tie-breaker
    struct air_pkt pkt; // t_start_ns in medium time
};

struct air_msg_report {
    uint32_t type;
    uint32_t pad;
    uint64_t want_ns; // medium time; UINT64_MAX: nothing until a packet arrives
};

struct air_msg_rx {
    uint32_t type;
    uint32_t sender; // the sender's medium id
    uint32_t seq;    // the sender's seq
    int8_t rssi_dbm;
    uint8_t crc_ok;
    char sender_name[AIR_NAME_MAX];
    uint64_t t_end_ns; // medium time
    struct air_pkt pkt;
};

struct air_msg_grant {
    uint32_t type;
    uint32_t pad;
    uint64_t gate_ns; // medium time
};

struct air_msg_deadlock {
    uint32_t type;
    uint32_t pad;
    uint64_t at_ns; // medium time
};

union air_msg {
    uint32_t type;
    struct air_msg_hello hello;
    struct air_msg_welcome welcome;
    struct air_msg_pkt pkt;
    struct air_msg_report report;
    struct air_msg_rx rx;
    struct air_msg_grant grant;
    struct air_msg_deadlock deadlock;
};

// The lookahead D: no packet is shorter on the air than an empty PDU, so a packet that starts
// at or after time t cannot end before t + AIR_LOOKAHEAD_NS (the lock-step proof's margin).
#define AIR_LOOKAHEAD_NS air_time_ns(0)

#endif // BLE_AIR_AIR_PROTO_H
