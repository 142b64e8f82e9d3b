// ble/air_client.h: a device's connection to the simulated radio medium (rtpy-air, docs/air.md).
// One process = one device. In virtual time the client installs the kernel's time gate
// (k_sim_set_gate) so that every device advances in lock-step with the others; in real time
// a host reader thread posts arrivals as interrupts. Host builds only.
// Invariant: arrivals are delivered as one simulated interrupt each at rx->t_end_ns in the
// device's own time, in (t_end, sender name, sender seq) order. No allocation after air_join.
#ifndef BLE_AIR_CLIENT_H
#define BLE_AIR_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "ble/air.h"

/** Exit status of a device whose medium vanished (K_SIM_EXIT_DEADLOCK + 2). */
#define AIR_EXIT_MEDIUM_LOST 5
/** Arrivals held at once (scheduled, not yet delivered); beyond it they are counted and dropped. */
#define AIR_RX_POOL 64u

struct air_device_cfg {
    double x_m, y_m;  // position in metres (used with rtpy-air --range)
    int8_t tx_dbm;    // transmit power
    const char *name; // for logs and tie-breaks (up to 15 bytes used; make it unique)
};

/**
 * Joins the medium listening on `socket_path`. Call after k_init, before k_start. In virtual
 * time installs the time gate; in real time starts a reader thread. The time mode must match
 * rtpy-air's --time. Returns 0; -EALREADY (joined), -EINVAL, -EPROTO (refused: mode or
 * version), or a connect/socket -errno (-ENOENT, -ECONNREFUSED). Context: startup. Blocks
 * (until rtpy-air answers); allocates nothing afterwards.
 */
int air_join(const char *socket_path, const struct air_device_cfg *cfg);

/**
 * Puts `p` on the air. p->t_start_ns is in this device's own time (k_sim_now_ns), >= now (an
 * earlier time is taken as now). Returns 0; -ENOTCONN (not joined), -EINVAL (channel, len).
 * If the medium has gone, prints a message and exits with AIR_EXIT_MEDIUM_LOST.
 * Context: any kernel context (thread or simulated ISR). Does not block (a socket write).
 */
int air_send(const struct air_pkt *p);

/**
 * Sets the function called for every packet reaching this device, as a simulated interrupt
 * (k_is_in_isr() true) at rx->t_end_ns. rx and rx->pkt are valid during the call only.
 * NULL: arrivals are dropped. Context: startup or thread.
 */
void air_set_receiver(void (*fn)(const struct air_rx *rx, void *arg), void *arg);

/** A device's place on the air as command lines give it: "SOCKET[,name=NAME][,x=M][,y=M]". */
struct air_spec {
    char path[108]; // the medium's socket
    char name[64];  // kept as the caller set it unless the spec names the device
    double x_m, y_m;
};

/** Parses spec into *out (whose name the caller presets to a default). Returns NULL, or a
 *  message saying what is wrong. Context: any. */
const char *air_spec_parse(const char *spec, struct air_spec *out);

/** True after a successful air_join. Any context. */
bool air_joined(void);

/** This device's join offset: the medium's time at its time 0 (0 if not joined). Any context. */
uint64_t air_offset_ns(void);

/** The local time up to which the medium granted this device last (virtual time; 0 before the
 *  first grant and in real time): every device of the medium may have run up to it, none past
 *  it, so what this device sends starting there is on time for all. Any context. */
uint64_t air_gate_ns(void);

/** Arrivals dropped because AIR_RX_POOL were already pending. Any context. */
uint32_t air_rx_overflows(void);

#endif // BLE_AIR_CLIENT_H
