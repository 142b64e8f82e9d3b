// ble/h4.h: the H4 (UART) framing of HCI packets: a packet-type byte, then the packet, whose
// header says its length. The reader takes bytes as they come and hands out whole packets; it
// never trusts a length beyond its buffer: a packet too long for it, or an unknown type byte,
// is an error, after which the link must be reset (H4 cannot resynchronise by itself).
#ifndef BLE_H4_H
#define BLE_H4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum h4_status {
    H4_MORE = 0,     // keep feeding
    H4_PACKET = 1,   // a whole packet is in the reader: h4_packet()
    H4_BAD_TYPE = -1, // a byte that is no packet type (0x01 command, 0x02 ACL, 0x04 event)
    H4_TOO_LONG = -2, // the header announces more than the reader can hold
};

struct h4_reader {
    uint8_t *buf; // type byte, header, payload
    uint16_t cap;
    uint16_t len;  // bytes in buf
    uint16_t need; // bytes the packet has in all (0: not known yet)
    int8_t err;    // the error that stopped it (enum h4_status), 0 if none
    bool accept_cmd, accept_acl, accept_evt; // which types this side receives
};

/** A reader with buf[cap] for its packets (cap >= 3 + 255 for commands or events; ACL needs
 *  5 + the largest data length), receiving the given packet types. */
void h4_reader_init(struct h4_reader *r, uint8_t *buf, uint16_t cap, bool cmd, bool acl, bool evt);

/**
 * Feeds up to n bytes; returns the status and stores in *used how many bytes it took (it stops
 * after a complete packet, so the rest is fed again after the packet is taken). After an error
 * every call returns the error until h4_reader_reset.
 */
enum h4_status h4_feed(struct h4_reader *r, const uint8_t *p, size_t n, size_t *used);

/** The complete packet (type byte first) and its length. It stays valid until the next
 *  h4_feed, which starts the next packet. */
const uint8_t *h4_packet(struct h4_reader *r, uint16_t *len);

void h4_reader_reset(struct h4_reader *r);

#endif // BLE_H4_H
