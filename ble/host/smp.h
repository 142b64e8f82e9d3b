// ble/host/smp.h: the Security Manager (Vol 3 Part H) on the host core (host.h): pairing with
// LE Secure Connections "Just Works" (P-256 ECDH, f4/f5/f6 from ble/smp_crypto.h), as
// initiator (central) or responder (peripheral), bonding (the LTK kept by the port, e.g. on the
// file system), and encryption with a bonded key on reconnection. Legacy pairing is refused
// ("Secure Connections only"): Pairing Failed, Authentication Requirements. No keys are
// distributed in phase 3 (identity and signing keys are not used: no privacy).
// Wiring: the port passes SMP's L2CAP messages (ble_smp_rx) and the host's LTK_REQUEST and
// ENCRYPTED events (ble_smp_host_event) and gets results through cfg.done.
#ifndef BLE_HOST_SMP_H
#define BLE_HOST_SMP_H

#include "ble/host/host.h"

// Pairing Failed reasons (also in cfg.done's status, as 0x100 | reason when the peer failed it)
#define SMP_ERR_PASSKEY_ENTRY 0x01u
#define SMP_ERR_OOB 0x02u
#define SMP_ERR_AUTH_REQ 0x03u
#define SMP_ERR_CONFIRM 0x04u
#define SMP_ERR_NOT_SUPPORTED 0x05u
#define SMP_ERR_KEY_SIZE 0x06u
#define SMP_ERR_CMD_NOT_SUPPORTED 0x07u
#define SMP_ERR_UNSPECIFIED 0x08u
#define SMP_ERR_INVALID_PARAMS 0x0Au
#define SMP_ERR_DHKEY_CHECK 0x0Bu

struct ble_smp_bond {
    uint8_t peer_type, peer_addr[6];
    uint8_t ltk[16];
};

struct ble_smp_cfg {
    void (*rand)(void *arg, uint8_t *buf, size_t n); // random bytes (nonces, the ECDH key)
    // bonds kept by the port: load returns false if there is none for the peer
    bool (*bond_load)(void *arg, uint8_t peer_type, const uint8_t peer[6], struct ble_smp_bond *out);
    void (*bond_store)(void *arg, const struct ble_smp_bond *b);
    // pairing or encryption is over: status 0 (encrypted; bonded if a bond was stored), an
    // SMP_ERR_* we sent, 0x100 | the peer's reason, or 0x200 | an HCI status (encryption failed)
    void (*done)(void *arg, uint16_t conn, unsigned status, bool encrypted, bool bonded);
    bool bonding; // ask for (and accept) bonding
    void *arg;
};

enum ble_smp_state {
    SMP_IDLE, SMP_WAIT_RSP, SMP_WAIT_PUBKEY, SMP_WAIT_CONFIRM, SMP_WAIT_RANDOM, SMP_WAIT_DHCHECK,
    SMP_WAIT_LTK_REQ, SMP_WAIT_ENC,
};

struct ble_smp_conn {
    uint16_t conn;
    uint8_t state; // enum ble_smp_state
    bool initiator, bond, encrypted;
    uint8_t preq[7], pres[7]; // the Pairing Request and Response as sent (opcode first)
    uint8_t priv[32], pub[64], peer_pub[64], dhkey[32];
    uint8_t na[16], nb[16], confirm[16], mackey[16], ltk[16];
};

struct ble_smp {
    struct ble_smp_cfg cfg;
    struct ble_host *host;
    struct ble_smp_conn conns[BLE_HOST_MAX_CONN];
};

void ble_smp_init(struct ble_smp *s, struct ble_host *h, const struct ble_smp_cfg *cfg);

/** Central: pairs (or, with a bond for the peer, just encrypts); the result comes via
 *  cfg.done. Returns 0, -ENOTCONN, -EINVAL (not central), -EBUSY. */
int ble_smp_pair(struct ble_smp *s, uint16_t conn);

/** Peripheral: asks the central to pair (Security Request). Returns 0, -ENOTCONN, -EINVAL. */
int ble_smp_request(struct ble_smp *s, uint16_t conn);

/** An SMP message (L2CAP channel 0x0006) from the peer. */
void ble_smp_rx(struct ble_smp *s, uint16_t conn, const uint8_t *d, uint16_t n);

/** The host core's events that concern security (LTK_REQUEST, ENCRYPTED, DISCONNECTED);
 *  others are ignored. */
void ble_smp_host_event(struct ble_smp *s, const struct ble_host_event *ev);

#endif // BLE_HOST_SMP_H
