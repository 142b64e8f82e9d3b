// ble/btsnoop.h: a btsnoop capture of the HCI traffic (`--btsnoop=FILE`), in the format that
// Wireshark, tshark and btmon read: the header "btsnoop\0", version 1, datalink 1002 (HCI
// UART H4, so each record's data is the H4 packet with its type byte), then one record per
// packet: original and included length, flags (bit 0: received by the host; bit 1: a command
// or an event), cumulative drops, and a 64-bit timestamp in microseconds since midnight
// 1 January of year 0 (big-endian, all of it). Host only (stdio).
#ifndef BLE_BTSNOOP_H
#define BLE_BTSNOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** Microseconds from year 0 to the Unix epoch, as btsnoop counts them. */
#define BTSNOOP_EPOCH_US 0x00dcddb30f2f8000ull

/** Opens (truncates) `path` and writes the header; NULL on failure (errno set). */
FILE *btsnoop_open(const char *path);

/**
 * Appends one H4 packet (type byte first, n bytes) that the host sent (received = false) or
 * received, at `unix_us` microseconds since the Unix epoch. Returns 0, -1 on a write error.
 */
int btsnoop_write(FILE *f, bool received, const uint8_t *pkt, size_t n, uint64_t unix_us);

#endif // BLE_BTSNOOP_H
