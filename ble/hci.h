// ble/hci.h: the Host Controller Interface as the host stack (ble/host) and the virtual
// controller (ble/ctrl) both speak it: H4 packet types, the commands and events used, error
// codes (Bluetooth Core Specification Vol 4 Part A for H4, Vol 4 Part E for HCI).
// All multi-byte fields on the wire are little-endian.
#ifndef BLE_HCI_H
#define BLE_HCI_H

#include <stdint.h>

// ---- H4: one byte of packet type before each packet -------------------------------------------
#define HCI_H4_CMD 0x01u
#define HCI_H4_ACL 0x02u
#define HCI_H4_EVT 0x04u

#define HCI_CMD_HDR 3u // opcode (2), parameter length (1)
#define HCI_ACL_HDR 4u // handle + PB/BC flags (2), data length (2)
#define HCI_EVT_HDR 2u // event code (1), parameter length (1)

// ACL handle field: 12 bits of connection handle, 2 of packet boundary, 2 of broadcast
#define HCI_ACL_HANDLE(h) ((uint16_t)((h) & 0x0FFFu))
#define HCI_ACL_PB(h) (((h) >> 12) & 3u)
#define HCI_ACL_PB_FIRST_NONFLUSH 0u // host to controller: the start of an L2CAP PDU
#define HCI_ACL_PB_CONT 1u           // a continuation fragment
#define HCI_ACL_PB_FIRST_FLUSH 2u    // controller to host: the start of an L2CAP PDU

// ---- commands: opcode = OGF << 10 | OCF --------------------------------------------------------
#define HCI_OP(ogf, ocf) ((uint16_t)(((ogf) << 10) | (ocf)))
#define HCI_OGF_LINK_CTL 0x01u
#define HCI_OGF_CTL_BB 0x03u
#define HCI_OGF_INFO 0x04u
#define HCI_OGF_STATUS 0x05u
#define HCI_OGF_LE 0x08u

#define HCI_DISCONNECT HCI_OP(0x01, 0x0006)
#define HCI_READ_REMOTE_VERSION HCI_OP(0x01, 0x001D)
#define HCI_SET_EVENT_MASK HCI_OP(0x03, 0x0001)
#define HCI_RESET HCI_OP(0x03, 0x0003)
#define HCI_READ_LOCAL_VERSION HCI_OP(0x04, 0x0001)
#define HCI_READ_LOCAL_COMMANDS HCI_OP(0x04, 0x0002)
#define HCI_READ_LOCAL_FEATURES HCI_OP(0x04, 0x0003)
#define HCI_READ_BD_ADDR HCI_OP(0x04, 0x0009)
#define HCI_READ_RSSI HCI_OP(0x05, 0x0005)
#define HCI_LE_SET_EVENT_MASK HCI_OP(0x08, 0x0001)
#define HCI_LE_READ_BUFFER_SIZE HCI_OP(0x08, 0x0002)
#define HCI_LE_READ_LOCAL_FEATURES HCI_OP(0x08, 0x0003)
#define HCI_LE_SET_RANDOM_ADDRESS HCI_OP(0x08, 0x0005)
#define HCI_LE_SET_ADV_PARAMS HCI_OP(0x08, 0x0006)
#define HCI_LE_READ_ADV_TX_POWER HCI_OP(0x08, 0x0007)
#define HCI_LE_SET_ADV_DATA HCI_OP(0x08, 0x0008)
#define HCI_LE_SET_SCAN_RSP_DATA HCI_OP(0x08, 0x0009)
#define HCI_LE_SET_ADV_ENABLE HCI_OP(0x08, 0x000A)
#define HCI_LE_SET_SCAN_PARAMS HCI_OP(0x08, 0x000B)
#define HCI_LE_SET_SCAN_ENABLE HCI_OP(0x08, 0x000C)
#define HCI_LE_CREATE_CONN HCI_OP(0x08, 0x000D)
#define HCI_LE_CREATE_CONN_CANCEL HCI_OP(0x08, 0x000E)
#define HCI_LE_READ_ACCEPT_LIST_SIZE HCI_OP(0x08, 0x000F)
#define HCI_LE_CONN_UPDATE HCI_OP(0x08, 0x0013)
#define HCI_LE_READ_REMOTE_FEATURES HCI_OP(0x08, 0x0016)
#define HCI_LE_ENCRYPT HCI_OP(0x08, 0x0017)
#define HCI_LE_RAND HCI_OP(0x08, 0x0018)
#define HCI_LE_START_ENCRYPTION HCI_OP(0x08, 0x0019)
#define HCI_LE_LTK_REPLY HCI_OP(0x08, 0x001A)
#define HCI_LE_LTK_NEG_REPLY HCI_OP(0x08, 0x001B)
#define HCI_LE_READ_SUPPORTED_STATES HCI_OP(0x08, 0x001C)
#define HCI_LE_SET_DATA_LENGTH HCI_OP(0x08, 0x0022)
#define HCI_LE_READ_DEFAULT_DATA_LENGTH HCI_OP(0x08, 0x0023)
#define HCI_LE_WRITE_DEFAULT_DATA_LENGTH HCI_OP(0x08, 0x0024)
#define HCI_LE_READ_MAX_DATA_LENGTH HCI_OP(0x08, 0x002F)

// ---- events ------------------------------------------------------------------------------------
#define HCI_EV_DISCONN_COMPLETE 0x05u
#define HCI_EV_ENCRYPT_CHANGE 0x08u
#define HCI_EV_REMOTE_VERSION 0x0Cu
#define HCI_EV_CMD_COMPLETE 0x0Eu
#define HCI_EV_CMD_STATUS 0x0Fu
#define HCI_EV_HW_ERROR 0x10u
#define HCI_EV_NUM_COMPLETED 0x13u
#define HCI_EV_DATA_BUF_OVERFLOW 0x1Au
#define HCI_EV_ENCRYPT_KEY_REFRESH 0x30u
#define HCI_EV_LE_META 0x3Eu

// LE meta subevents
#define HCI_LE_EV_CONN_COMPLETE 0x01u
#define HCI_LE_EV_ADV_REPORT 0x02u
#define HCI_LE_EV_CONN_UPDATE_COMPLETE 0x03u
#define HCI_LE_EV_REMOTE_FEATURES 0x04u
#define HCI_LE_EV_LTK_REQUEST 0x05u
#define HCI_LE_EV_DATA_LEN_CHANGE 0x07u

// Advertising report event types (legacy)
#define HCI_ADV_IND 0x00u
#define HCI_ADV_DIRECT_IND 0x01u
#define HCI_ADV_SCAN_IND 0x02u
#define HCI_ADV_NONCONN_IND 0x03u
#define HCI_ADV_SCAN_RSP 0x04u

// Address types
#define HCI_ADDR_PUBLIC 0x00u
#define HCI_ADDR_RANDOM 0x01u

// ---- error codes (Vol 1 Part F) ------------------------------------------------------------------
#define HCI_SUCCESS 0x00u
#define HCI_ERR_UNKNOWN_CMD 0x01u
#define HCI_ERR_UNKNOWN_CONN 0x02u
#define HCI_ERR_HW_FAILURE 0x03u
#define HCI_ERR_AUTH_FAILURE 0x05u
#define HCI_ERR_PIN_OR_KEY_MISSING 0x06u
#define HCI_ERR_MEM_EXCEEDED 0x07u
#define HCI_ERR_CONN_TIMEOUT 0x08u
#define HCI_ERR_CONN_LIMIT 0x09u
#define HCI_ERR_CMD_DISALLOWED 0x0Cu
#define HCI_ERR_UNSUPPORTED 0x11u
#define HCI_ERR_INVALID_PARAMS 0x12u
#define HCI_ERR_REMOTE_USER_TERM 0x13u
#define HCI_ERR_REMOTE_LOW_RESOURCES 0x14u
#define HCI_ERR_REMOTE_POWER_OFF 0x15u
#define HCI_ERR_LOCAL_HOST_TERM 0x16u
#define HCI_ERR_UNSUPPORTED_REMOTE 0x1Au
#define HCI_ERR_UNSPECIFIED 0x1Fu
#define HCI_ERR_LL_RESPONSE_TIMEOUT 0x22u
#define HCI_ERR_INVALID_LL_PARAMS 0x1Eu
#define HCI_ERR_INSTANT_PASSED 0x28u
#define HCI_ERR_UNACCEPTABLE_CONN_PARAMS 0x3Bu
#define HCI_ERR_ADV_TIMEOUT 0x3Cu
#define HCI_ERR_MIC_FAILURE 0x3Du
#define HCI_ERR_CONN_FAILED_TO_ESTABLISH 0x3Eu
#define HCI_ERR_UNKNOWN_ADV_ID 0x42u

static inline uint16_t hci_get16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}
static inline void hci_put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline uint32_t hci_get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void hci_put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

#endif // BLE_HCI_H
