// ble/host/host_priv.h: what host.c and l2cap.c share (private to ble/host).
#ifndef BLE_HOST_HOST_PRIV_H
#define BLE_HOST_HOST_PRIV_H

#include "ble/host/host.h"

// l2cap.c
void ble_l2cap_rx_acl(struct ble_host *h, uint16_t handle, uint8_t pb, const uint8_t *d, uint16_t n);
void ble_l2cap_pump(struct ble_host *h);          // send what the controller has room for
void ble_l2cap_conn_gone(struct ble_host *h, struct ble_conn *c); // drop its queued messages

#endif // BLE_HOST_HOST_PRIV_H
