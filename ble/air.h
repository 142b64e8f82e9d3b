// ble/air.h: the simulated radio medium's packet and the device side of it (docs/ble.md).
// A device's virtual controller (ble/ctrl) puts packets on the air with air_send() and gets
// every packet that reaches it through its receive callback, stamped with the time its last
// bit arrives; whether the controller was listening on that channel at that time is the
// controller's business (as for a real radio), so the medium needs no knowledge of BLE states.
// The medium itself is the rtpy-air program: several rtpy processes (or QEMU's controller
// helper) join it over a Unix socket. In virtual time it keeps them in lock-step, so a
// multi-device run is reproducible; in real time it forwards packets as they come.
#ifndef BLE_AIR_H
#define BLE_AIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AIR_PDU_MAX 257u // LE 1M: 2-byte header + up to 255 bytes of payload
#define AIR_CHANNELS 40u // BLE channel indices 0-36 data, 37-39 advertising

struct air_pkt {
    uint64_t t_start_ns;     // the first bit (the preamble) on the air, in the sender's time
    uint32_t access_address; // 0x8E89BED6 for advertising channels
    uint32_t crc_init;       // 0x555555 on advertising channels; the connection's otherwise
    uint8_t channel;         // 0-39
    uint8_t phy;             // 1: LE 1M (the only one simulated)
    uint16_t len;            // bytes of pdu: header + payload
    uint8_t pdu[AIR_PDU_MAX];
};

// Air time of a packet on LE 1M: preamble 1 + access address 4 + PDU + CRC 3 bytes, 8 us a byte.
static inline uint64_t air_time_ns(uint16_t pdu_len) {
    return (uint64_t)(1u + 4u + pdu_len + 3u) * 8000u;
}

// What arrives: the packet, when its last bit arrived (t_start_ns + air time), its signal
// strength, and whether it was damaged (a collision or a bit error: a CRC failure to the
// receiver, which still sees that something was on the air).
struct air_rx {
    const struct air_pkt *pkt;
    uint64_t t_end_ns;
    int8_t rssi_dbm;
    bool crc_ok;
};

#endif // BLE_AIR_H
