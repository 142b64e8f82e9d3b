// ble/ctrl/ctrl.h: the virtual BLE controller (docs/ble.md). It speaks HCI to a host stack
// (whole H4 packets both ways) and puts link-layer packets on a simulated radio (ble/air.h):
// legacy advertising (connectable, scannable, non-connectable) with scan responses, passive and
// active scanning, initiating, and connections as central or peripheral with connection
// events, channel hopping (channel selection algorithm #1), acknowledgement and retransmission
// (SN/NESN), fragmentation of ACL data, data length extension, connection parameter update,
// supervision timeout and termination. Times follow the link layer's rules (T_IFS 150 us,
// advertising events every interval + 0-10 ms, connection events every connInterval) in the
// kernel's simulated time: the controller runs in a process with the host simulation.
// Non-goals: the radio is ideal within itself (one instance can advertise, scan and hold
// connections at overlapping times), no extended advertising, no privacy, no coded PHY.
#ifndef BLE_CTRL_CTRL_H
#define BLE_CTRL_CTRL_H

#include <rtos/sim.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ble/air.h"
#include "ble/h4.h"

#define CTRL_MAX_CONN 4u
#define CTRL_ACL_LEN 251u   // LE ACL data packet length (LE Read Buffer Size)
#define CTRL_ACL_BUFS 8u    // LE ACL data packets the controller holds (all connections)

struct ctrl_cfg {
    uint8_t addr[6]; // the public device address, least significant byte first (as in HCI)
    uint32_t seed;   // advertising delays, access addresses, hop increments
    void (*to_host)(void *arg, const uint8_t *pkt, size_t n); // an H4 packet for the host
    void (*radio_tx)(void *arg, const struct air_pkt *p);     // a packet onto the air
    void *arg;
};

struct ctrl_acl { // an ACL data packet from the host, until its fragments are acknowledged
    uint8_t data[CTRL_ACL_LEN];
    uint16_t len;
    uint16_t sent; // bytes acknowledged
    uint8_t pb;    // HCI packet boundary flag
    struct ctrl_acl *next;
};

struct ctrl_pdu { // a link-layer data PDU
    uint8_t hdr0, len;
    uint8_t data[251];
};

struct ctrl_conn {
    bool used, central, established;
    uint16_t handle;
    uint8_t peer_addr[6], peer_type;
    uint32_t aa, crc_init;
    uint16_t interval, latency, timeout; // 1.25 ms, events, 10 ms units
    uint8_t hop, unmapped;               // channel selection #1
    uint8_t chan;                        // this event's channel
    uint16_t event_counter;
    uint64_t anchor_ns;      // this event's anchor
    uint64_t last_rx_ns;     // the last valid packet received (supervision)
    uint64_t expect_ns;      // when the next packet from the peer starts (T_IFS after ours)
    bool in_event;           // the event is on: packets may still come
    uint8_t sn, nesn;        // transmit sequence number, next expected
    bool tx_unacked;         // cur is on the air and not yet acknowledged
    struct ctrl_pdu cur;     // the PDU being sent (or re-sent)
    struct ctrl_acl *cur_acl; // the ACL packet cur's data is from (NULL: control or empty)
    uint16_t cur_len_data;
    struct ctrl_pdu ctl[4];  // control PDUs waiting to be sent
    uint8_t ctl_n;
    uint16_t max_tx, max_rx; // data length: octets per PDU
    // connection update in progress
    bool upd_pending;
    uint16_t upd_instant, upd_interval, upd_latency, upd_timeout;
    // termination
    bool terminating;
    uint8_t term_local_reason;   // reported to the local host
    uint64_t term_deadline_ns;
    bool features_asked;
    bool closing;                // the peer's LL_TERMINATE_IND: close once it is acknowledged
    uint8_t close_reason;
    bool version_sent, version_asked;
    int8_t rssi;                 // of the last packet received
    uint8_t win_size;            // the first transmit window (1.25 ms units)
    uint64_t start_ns;           // the CONNECT_IND's end
    uint64_t ev_anchor_ns;       // this event's anchor (anchor_ns is the next one)
    struct ctrl_acl *acl_head, *acl_tail; // the host's data, in order
    // encryption (AES-CCM with the session key, as the link layer does)
    uint8_t enc_state;           // ENC_* in ctrl_conn.c
    bool enc_tx, enc_rx;
    uint8_t ltk[16], skd[16], iv[8], sk[16]; // sk: the AES key, most significant byte first
    uint64_t tx_ctr, rx_ctr;     // packet counters, each direction
    bool cur_enc;                // cur goes out encrypted, with counter cur_ctr
    uint64_t cur_ctr;
    struct k_sim_irq timer;
    struct ctrl *ctrl;
};

struct ctrl {
    struct ctrl_cfg cfg;
    uint32_t rng;
    uint8_t random_addr[6];
    bool random_addr_set;
    uint8_t event_mask[8], le_event_mask[8];
    // advertising
    bool adv_on;
    uint16_t adv_interval; // 0.625 ms units: the Set Advertising Parameters' minimum
    uint8_t adv_type, adv_own_type, adv_chan_map;
    uint8_t adv_peer_type, adv_peer[6];
    uint8_t adv_data[31], adv_len, scan_rsp[31], scan_rsp_len;
    uint8_t adv_chan;        // the channel of the PDU on the air (0 between events)
    uint64_t adv_end_ns;     // when that PDU's last bit left
    uint64_t adv_event_ns;   // when the event began
    struct k_sim_irq adv_timer;
    // scanning and initiating
    bool scan_on, scan_active, scan_filter_dup, init_on;
    uint16_t scan_int, scan_win; // 0.625 ms units
    uint8_t scan_own_type;
    uint8_t scan_chan;
    uint64_t scan_win_start_ns, scan_win_end_ns;
    uint8_t scan_req_chan;       // a SCAN_REQ is out on this channel (0: none)
    uint8_t scan_req_addr[6];
    uint64_t scan_rsp_expect_ns;
    uint8_t seen[16][7];         // duplicate filter: address and type
    uint8_t seen_n;
    struct k_sim_irq scan_timer;
    // initiating
    uint8_t init_peer_type, init_peer[6], init_own_type;
    uint16_t init_int, init_latency, init_timeout;
    // connections and buffers
    struct ctrl_conn conns[CTRL_MAX_CONN];
    uint16_t next_handle;
    struct ctrl_acl acl[CTRL_ACL_BUFS];
    struct ctrl_acl *acl_free;
    uint16_t def_tx_octets;
};

/** Resets the controller to power-on state with its configuration. Context: start-up or thread. */
void ctrl_init(struct ctrl *c, const struct ctrl_cfg *cfg);

/**
 * A complete H4 packet from the host (a command or ACL data). A malformed one is answered as
 * the specification says (an unknown opcode: Command Complete with status 0x01; bad lengths:
 * 0x12) or, for ACL data, dropped. Context: a simulated interrupt or thread.
 */
void ctrl_from_host(struct ctrl *c, const uint8_t *pkt, size_t n);

/**
 * Bytes from the host's end of the H4 line, through the reader r (commands and ACL data):
 * each whole packet goes to tap (if not NULL: a capture) and to ctrl_from_host. Lost framing
 * is reported as a real controller does, with a Hardware Error event, and the reader starts
 * over with the next bytes. Context: a simulated interrupt.
 */
void ctrl_h4_input(struct ctrl *c, struct h4_reader *r, const uint8_t *p, size_t n,
                   void (*tap)(const uint8_t *pkt, size_t n));

/** A static random address (C2:00 and four bytes of an FNV-1a hash of the name), so that each
 *  board named on the air has its own. */
void ctrl_addr_from_name(const char *name, uint8_t addr[6]);

/** A packet that reached this device's antenna (at rx->t_end_ns). Context: a simulated interrupt. */
void ctrl_radio_rx(struct ctrl *c, const struct air_rx *rx);

#endif // BLE_CTRL_CTRL_H
