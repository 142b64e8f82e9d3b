// ble/h4.c: the H4 reader (h4.h).
#include "ble/h4.h"

#include "ble/hci.h"

void h4_reader_init(struct h4_reader *r, uint8_t *buf, uint16_t cap, bool cmd, bool acl, bool evt) {
    r->buf = buf;
    r->cap = cap;
    r->accept_cmd = cmd;
    r->accept_acl = acl;
    r->accept_evt = evt;
    h4_reader_reset(r);
}

void h4_reader_reset(struct h4_reader *r) {
    r->len = 0;
    r->need = 0;
    r->err = 0;
}

// The header size after the type byte, 0 for a type this reader does not take.
static uint16_t header_len(const struct h4_reader *r, uint8_t type) {
    switch (type) {
    case HCI_H4_CMD: return r->accept_cmd ? HCI_CMD_HDR : 0;
    case HCI_H4_ACL: return r->accept_acl ? HCI_ACL_HDR : 0;
    case HCI_H4_EVT: return r->accept_evt ? HCI_EVT_HDR : 0;
    default: return 0;
    }
}

static uint16_t payload_len(const uint8_t *b) {
    switch (b[0]) {
    case HCI_H4_CMD: return b[3];
    case HCI_H4_ACL: return hci_get16(b + 3);
    default: return b[2]; // event
    }
}

enum h4_status h4_feed(struct h4_reader *r, const uint8_t *p, size_t n, size_t *used) {
    size_t i = 0;
    enum h4_status st = H4_MORE;
    if (r->err) {
        *used = 0;
        return (enum h4_status)r->err;
    }
    while (i < n) {
        if (r->len == 0) {
            uint8_t t = p[i];
            if (!header_len(r, t)) {
                st = H4_BAD_TYPE;
                break;
            }
        }
        r->buf[r->len++] = p[i++];
        uint16_t hl = (uint16_t)(1u + header_len(r, r->buf[0]));
        if (r->len == hl) {
            uint32_t total = (uint32_t)hl + payload_len(r->buf);
            if (total > r->cap) {
                st = H4_TOO_LONG;
                break;
            }
            r->need = (uint16_t)total;
        }
        if (r->need && r->len == r->need) {
            st = H4_PACKET;
            break;
        }
        if (r->need && n - i > 0) { // copy the payload in one go
            size_t k = r->need - r->len;
            if (k > n - i) {
                k = n - i;
            }
            for (size_t j = 0; j < k; j++) {
                r->buf[r->len++] = p[i++];
            }
            if (r->len == r->need) {
                st = H4_PACKET;
                break;
            }
        }
    }
    if (st < 0) { // sticky until reset
        r->err = (int8_t)st;
    }
    *used = i;
    return st;
}

const uint8_t *h4_packet(struct h4_reader *r, uint16_t *len) {
    *len = r->need;
    r->len = 0; // the bytes stay in buf until the next feed overwrites them
    r->need = 0;
    return r->buf;
}
