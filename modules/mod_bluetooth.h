// modules/mod_bluetooth.h: what the bluetooth module's files share. mod_bluetooth_stack.c is the
// BLE service: the host stack (ble/host, SMP, the GATT server and client) in static memory, fed
// by the board's BLE UART through a kernel thread "ble", with one mutex around every call into
// the stack; the stack's callbacks turn into MicroPython events queued in a byte ring, which a
// soft handler (mod_bluetooth.c) drains into the user's irq handler. mod_bluetooth.c is the
// Python API (bluetooth.BLE), mod_bluetooth_uuid.c bluetooth.UUID. docs/ble.md "The bluetooth
// module" has the design, the differences from MicroPython and the limits.
#ifndef MODULES_MOD_BLUETOOTH_H
#define MODULES_MOD_BLUETOOTH_H

#include <rtos/kernel.h>
#include <stdbool.h>
#include <stdint.h>

#include "ble/gatt_client.h"
#include "ble/gatt_server.h"
#include "ble/host/host.h"
#include "ble/host/smp.h"
#include "py/obj.h"

// Limits (RAM on the board; docs/ble.md).
#define MOD_BLUETOOTH_EV_RING 4096u // bytes of queued events for Python
#define MOD_BLUETOOTH_RX_RING 4096u // bytes of HCI packets from the UART for the ble thread
#define MOD_BLUETOOTH_POOL 4096u    // GATT server value buffers
#define MOD_BLUETOOTH_BONDS 8u      // bonds kept (RAM table, file, secrets)
#define MOD_BLUETOOTH_NAME_MAX 32u  // gap_name bytes
#define MOD_BLUETOOTH_BONDS_FILE "ble_bonds.bin"
#define MOD_BLUETOOTH_SEC_TYPE 2u   // the sec_type of our _IRQ_GET/SET_SECRET entries (LTKs)
#define MOD_BLUETOOTH_SYNC_MS 1000u // how long a read request waits for the handler's answer
#define MOD_BLUETOOTH_EV_SYNC 0x80u // event flag: the handler's result is awaited (field 3: seq)

// MicroPython's event numbers (bluetooth.BLE.irq).
enum {
    MOD_BT_IRQ_CENTRAL_CONNECT = 1,
    MOD_BT_IRQ_CENTRAL_DISCONNECT = 2,
    MOD_BT_IRQ_GATTS_WRITE = 3,
    MOD_BT_IRQ_GATTS_READ_REQUEST = 4,
    MOD_BT_IRQ_SCAN_RESULT = 5,
    MOD_BT_IRQ_SCAN_DONE = 6,
    MOD_BT_IRQ_PERIPHERAL_CONNECT = 7,
    MOD_BT_IRQ_PERIPHERAL_DISCONNECT = 8,
    MOD_BT_IRQ_GATTC_SERVICE_RESULT = 9,
    MOD_BT_IRQ_GATTC_SERVICE_DONE = 10,
    MOD_BT_IRQ_GATTC_CHARACTERISTIC_RESULT = 11,
    MOD_BT_IRQ_GATTC_CHARACTERISTIC_DONE = 12,
    MOD_BT_IRQ_GATTC_DESCRIPTOR_RESULT = 13,
    MOD_BT_IRQ_GATTC_DESCRIPTOR_DONE = 14,
    MOD_BT_IRQ_GATTC_READ_RESULT = 15,
    MOD_BT_IRQ_GATTC_READ_DONE = 16,
    MOD_BT_IRQ_GATTC_WRITE_DONE = 17,
    MOD_BT_IRQ_GATTC_NOTIFY = 18,
    MOD_BT_IRQ_GATTC_INDICATE = 19,
    MOD_BT_IRQ_GATTS_INDICATE_DONE = 20,
    MOD_BT_IRQ_MTU_EXCHANGED = 21,
    MOD_BT_IRQ_CONNECTION_UPDATE = 27,
    MOD_BT_IRQ_ENCRYPTION_UPDATE = 28,
    MOD_BT_IRQ_GET_SECRET = 29,
    MOD_BT_IRQ_SET_SECRET = 30,
};

// A connection as the module sees it (the host's record is gone when its disconnect event runs).
struct mod_bluetooth_conn {
    bool used, central; // central: we initiated it (MicroPython's "peripheral" events)
    uint16_t handle;
    uint8_t peer_type, peer_addr[6]; // HCI (little-endian) order
};

// The service. One instance; every field below `lock` is guarded by it unless noted.
struct mod_bluetooth_svc {
    bool started;            // thread and transport set up (once per process)
    bool active;             // active(True) and the bring-up succeeded
    int uart;                // the board's BLE UART
    struct k_mutex lock;     // around every call into the stack
    struct k_mutex cmd_lock; // one Python caller waiting for the controller at a time
    struct k_sem rx_sem;     // given by the UART interrupt when a packet is complete
    struct k_sem cmd_sem;    // given when the commands waited for are done
    uint32_t cmd_gen;        // completions of older (timed-out) waits are ignored
    unsigned cmd_left;
    uint8_t cmd_status; // the first non-zero status among them
    struct ble_host host;
    struct ble_smp smp;
    struct gatts gatts;
    struct gattc gattc;
    struct mod_bluetooth_conn conns[BLE_HOST_MAX_CONN];
    // scanning and connecting (deadlines in k_uptime_ms; 0 = none)
    bool scanning;
    int64_t scan_end_ms;
    bool connecting;
    int64_t connect_end_ms;
    uint8_t connect_type, connect_addr[6];
    // GAP and configuration
    uint8_t name[MOD_BLUETOOTH_NAME_MAX];
    uint8_t name_len;
    uint16_t name_handle; // the Device Name characteristic's value handle
    uint16_t mtu;         // the preferred ATT_MTU (config 'mtu')
    bool bond;            // config 'bond'
    // bonds (the SMP's store): a RAM table, loaded at active(True)
    struct ble_smp_bond bonds[MOD_BLUETOOTH_BONDS];
    uint8_t n_bonds;
    bool bonds_from_file; // no secrets handler: the table lives in MOD_BLUETOOTH_BONDS_FILE
    uint32_t rng;
    // _IRQ_GATTS_READ_REQUEST answered by Python: the ble thread waits (holding `lock`) while
    // the dispatcher runs the handler; meanwhile the dispatcher's stack calls use the lock on
    // the ble thread's behalf ("lent"), one at a time under sync_lock
    bool has_handler;            // the user's handler is set (written by Python)
    struct k_thread *dispatcher; // the thread running the dispatcher (set by it)
    struct k_mutex sync_lock;
    struct k_sem sync_sem;
    volatile bool lent;
    volatile uint8_t dispatch_blocked; // the dispatcher waits for the stack or the controller
    uint32_t sync_seq;
    int sync_result;
    // statistics
    uint32_t ev_dropped, rx_dropped;
};
extern struct mod_bluetooth_svc mod_bluetooth_svc;

/** Sets up the transport and the ble thread (once), resets the stack and runs the controller's
 *  bring-up, waiting for it with the interpreter lock released. Returns 0, -ENODEV (the board
 *  has no BLE UART), -ETIMEDOUT, or an HCI status (> 0). Python thread. */
int mod_bluetooth_start(void);
/** Stops: advertising, scanning and connections end (HCI Reset). Python thread. */
void mod_bluetooth_stop(void);

/** Takes/releases the stack mutex (waiting with the interpreter lock released). Python thread. */
void mod_bluetooth_lock(void);
void mod_bluetooth_unlock(void);

struct mod_bluetooth_cmd {
    uint16_t op;
    uint8_t n;
    const void *params;
};
/** Sends n commands in order and waits for all of them (interpreter lock released). Returns 0,
 *  the first non-zero HCI status (> 0), -ETIMEDOUT or -ENOMEM. Python thread, lock not held. */
int mod_bluetooth_cmds(const struct mod_bluetooth_cmd *cmds, unsigned n);

/**
 * Queues an event for Python: ev, then fields described by fmt, one character each:
 *   'H' unsigned (uint16 range), 'i' int, 'b' bool, 'a' an address (const uint8_t[6], HCI order:
 *   becomes bytes in MicroPython's order), 'y' bytes (const uint8_t *, unsigned len), 'u' a UUID
 *   (const struct att_uuid *), 'n' None.
 * Returns false (and counts it) if the ring is full. With the stack mutex held (any thread).
 */
bool mod_bluetooth_ev_push(uint8_t ev, const char *fmt, ...);
/** Takes the oldest event into buf (cap bytes); returns its length (0: none; a record longer
 *  than cap is dropped and 0 returned). Dispatch side. */
size_t mod_bluetooth_ev_pop(uint8_t *buf, size_t cap);
/** Forgets every queued event (a new interpreter after a soft reset). */
void mod_bluetooth_ev_flush(void);

/** The bonds: the file (read into the table; written from it). Python thread (VFS). */
void mod_bluetooth_bonds_load_file(void);
void mod_bluetooth_bonds_save_file(void);
/** Adds or replaces a bond in the table (stack mutex held). */
void mod_bluetooth_bond_put(const struct ble_smp_bond *b);

/** The dispatcher's answer to the read request numbered seq: 0 allows, else the ATT error. */
void mod_bluetooth_sync_answer(uint32_t seq, int result);

/** Asks for the dispatcher to run (any thread; implemented in mod_bluetooth.c). */
void mod_bluetooth_schedule(void);

// bluetooth.UUID (mod_bluetooth_uuid.c).
extern const py_type mod_bluetooth_uuid_type;
typedef struct mod_bluetooth_uuid {
    py_obj base;
    struct att_uuid u; // wire (little-endian) order
} mod_bluetooth_uuid;
py_val mod_bluetooth_uuid_new(const struct att_uuid *u);
/** The UUID in v: a bluetooth.UUID, or what UUID() accepts (int, str, bytes). Raises. */
void mod_bluetooth_uuid_get(py_val v, struct att_uuid *out);

// bluetooth.BLE and the module (mod_bluetooth.c).
extern const py_type mod_bluetooth_ble_type;
extern const py_module mod_bluetooth_module;

#endif // MODULES_MOD_BLUETOOTH_H
