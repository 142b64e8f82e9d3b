// ble/ctrl/ctrl_priv.h: what ctrl.c and ctrl_conn.c share (private to ble/ctrl).
#ifndef BLE_CTRL_CTRL_PRIV_H
#define BLE_CTRL_CTRL_PRIV_H

#include "ble/ctrl/ctrl.h"

#define CTRL_ADV_AA 0x8E89BED6u
#define CTRL_ADV_CRC_INIT 0x555555u
#define CTRL_T_IFS_NS 150000u
#define CTRL_ADV_CHAN_SPACING_NS 1500000u // between an event's PDUs: room for request + response

// advertising channel PDU types
#define PDU_ADV_IND 0x0u
#define PDU_ADV_DIRECT_IND 0x1u
#define PDU_ADV_NONCONN_IND 0x2u
#define PDU_SCAN_REQ 0x3u
#define PDU_SCAN_RSP 0x4u
#define PDU_CONNECT_IND 0x5u
#define PDU_ADV_SCAN_IND 0x6u

// data channel PDU header, byte 0
#define LLID_CONT 1u // a continuation of an L2CAP message, or an empty PDU
#define LLID_START 2u
#define LLID_CTRL 3u
#define HDR_NESN 0x04u
#define HDR_SN 0x08u
#define HDR_MD 0x10u

// link-layer control opcodes
#define LL_CONNECTION_UPDATE_IND 0x00u
#define LL_TERMINATE_IND 0x02u
#define LL_ENC_REQ 0x03u
#define LL_ENC_RSP 0x04u
#define LL_START_ENC_REQ 0x05u
#define LL_START_ENC_RSP 0x06u
#define LL_REJECT_IND 0x0Du
#define LL_REJECT_EXT_IND 0x11u
#define LL_UNKNOWN_RSP 0x07u
#define LL_FEATURE_REQ 0x08u
#define LL_FEATURE_RSP 0x09u
#define LL_VERSION_IND 0x0Cu
#define LL_PERIPHERAL_FEATURE_REQ 0x0Eu
#define LL_LENGTH_REQ 0x14u
#define LL_LENGTH_RSP 0x15u

uint32_t ctrl_rand(struct ctrl *c);
const uint8_t *ctrl_own_addr(const struct ctrl *c, uint8_t type);
void ctrl_event(struct ctrl *c, uint8_t code, const uint8_t *params, uint8_t n);
void ctrl_cmd_status(struct ctrl *c, uint16_t op, uint8_t status);
void ctrl_cmd_complete(struct ctrl *c, uint16_t op, const uint8_t *ret, uint8_t n);

// ctrl_conn.c
struct ctrl_conn *ctrl_conn_alloc(struct ctrl *c);
bool ctrl_conn_room(const struct ctrl *c);
uint32_t ctrl_new_access_address(struct ctrl *c);
// Starts a connection from a CONNECT_IND's LLData (22 bytes) that ended at t_ci_end_ns.
void ctrl_conn_start(struct ctrl_conn *cn, bool central, uint8_t peer_type, const uint8_t *peer,
                     const uint8_t *lldata, uint64_t t_ci_end_ns);
// LE Connection Complete (cn NULL: a failure with `status`).
void ctrl_conn_complete_event(struct ctrl *c, uint8_t status, const struct ctrl_conn *cn);
void ctrl_conn_timer(void *arg);
void ctrl_conn_rx(struct ctrl *c, const struct air_rx *rx, uint64_t t_start);
// Connection commands (Disconnect, Connection Update, ...): true if handled.
bool ctrl_conn_command(struct ctrl *c, uint16_t op, const uint8_t *p, uint8_t n);
void ctrl_conn_acl_from_host(struct ctrl *c, uint16_t handle, uint8_t pb, const uint8_t *data, uint16_t n);

#endif // BLE_CTRL_CTRL_PRIV_H
