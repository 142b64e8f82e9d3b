// ble/btsnoop.c: the btsnoop writer (btsnoop.h).
#include "ble/btsnoop.h"

#include "ble/hci.h"

static void be32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (24 - 8 * i));
    }
}

FILE *btsnoop_open(const char *path) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        return NULL;
    }
    uint8_t h[16] = {'b', 't', 's', 'n', 'o', 'o', 'p', 0};
    be32(h + 8, 1);     // version
    be32(h + 12, 1002); // datalink: HCI UART (H4)
    if (fwrite(h, 1, sizeof h, f) != sizeof h || fflush(f) != 0) {
        fclose(f);
        return NULL;
    }
    return f;
}

int btsnoop_write(FILE *f, bool received, const uint8_t *pkt, size_t n, uint64_t unix_us) {
    uint8_t r[24];
    uint32_t flags = received ? 1u : 0u;
    if (n && (pkt[0] == HCI_H4_CMD || pkt[0] == HCI_H4_EVT)) {
        flags |= 2u;
    }
    uint64_t ts = unix_us + BTSNOOP_EPOCH_US;
    be32(r, (uint32_t)n);
    be32(r + 4, (uint32_t)n);
    be32(r + 8, flags);
    be32(r + 12, 0); // drops
    be32(r + 16, (uint32_t)(ts >> 32));
    be32(r + 20, (uint32_t)ts);
    if (fwrite(r, 1, sizeof r, f) != sizeof r || fwrite(pkt, 1, n, f) != n) {
        return -1;
    }
    return fflush(f) == 0 ? 0 : -1; // a capture is read while the program runs, or after a kill
}
