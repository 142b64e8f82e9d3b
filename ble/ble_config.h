// ble/ble_config.h: the compile-time limits of the BLE host stack (ATT/GATT for now). Each is
// a count, not a 0/1 option; a port may define any of them before this header is read (on the
// compiler command line or in its port header). RAM costs are for Cortex-M3 (docs/ble-att.md).
// Nothing in ble/ allocates: every table below is a fixed array inside a caller-owned struct.
#ifndef BLE_BLE_CONFIG_H
#define BLE_BLE_CONFIG_H

// Simultaneous connections served (struct gatts) and as client (struct gattc).
// RAM: one struct gatts_conn (~ 80 + BLE_CFG_PREP_BYTES + BLE_CFG_MAX_CCCDS bytes) and one
// struct gattc_conn (~ 60 + BLE_CFG_GATTC_BUF bytes) each.
#ifndef BLE_CFG_MAX_CONN
#define BLE_CFG_MAX_CONN 4
#endif

// The largest ATT_MTU this device accepts and offers in Exchange MTU (23..517). The server and
// the client each keep one transmit buffer of this size.
#ifndef BLE_CFG_ATT_MTU_MAX
#define BLE_CFG_ATT_MTU_MAX 247
#endif

// Attributes in the server's database (declarations, values, CCCDs and descriptors all count).
// RAM: 28 bytes each (struct gatts_attr).
#ifndef BLE_CFG_MAX_ATTRS
#define BLE_CFG_MAX_ATTRS 64
#endif

// Client Characteristic Configuration descriptors in the database (one per characteristic
// with NOTIFY or INDICATE). RAM: one byte per connection each.
#ifndef BLE_CFG_MAX_CCCDS
#define BLE_CFG_MAX_CCCDS 16
#endif

// Prepare Write queue, per connection: entries (a run of contiguous prepares to one attribute
// is one entry) and bytes of queued data. Past either: Prepare Queue Full.
#ifndef BLE_CFG_PREP_ENTRIES
#define BLE_CFG_PREP_ENTRIES 4
#endif
#ifndef BLE_CFG_PREP_BYTES
#define BLE_CFG_PREP_BYTES 512
#endif

// Default value buffer of a characteristic or descriptor (MicroPython's 20 bytes).
#ifndef BLE_CFG_VALUE_DEFAULT
#define BLE_CFG_VALUE_DEFAULT 20
#endif

// The client's per-connection buffer: the value of a long read is gathered in it, and the data
// of a long write is copied to it. ATT values are at most 512 bytes.
#ifndef BLE_CFG_GATTC_BUF
#define BLE_CFG_GATTC_BUF 512
#endif

// ATT transaction timeout (Core Vol 3 Part F 3.3.3): 30 s.
#ifndef BLE_CFG_ATT_TIMEOUT_MS
#define BLE_CFG_ATT_TIMEOUT_MS 30000u
#endif

#if BLE_CFG_ATT_MTU_MAX < 23 || BLE_CFG_ATT_MTU_MAX > 517
#error "BLE_CFG_ATT_MTU_MAX must be 23..517"
#endif
#if BLE_CFG_MAX_ATTRS < 1 || BLE_CFG_MAX_ATTRS > 0xFFFE
#error "BLE_CFG_MAX_ATTRS must be 1..65534"
#endif
#if BLE_CFG_MAX_CCCDS > 255 || BLE_CFG_PREP_ENTRIES > 255 || BLE_CFG_PREP_BYTES > 65535
#error "BLE_CFG_MAX_CCCDS and BLE_CFG_PREP_ENTRIES fit a byte, BLE_CFG_PREP_BYTES 16 bits"
#endif
#if BLE_CFG_GATTC_BUF < 23 || BLE_CFG_GATTC_BUF > 65535
#error "BLE_CFG_GATTC_BUF must be 23..65535"
#endif

#endif // BLE_BLE_CONFIG_H
