# tests/ble/bt_multi.py NAME...: a central connected to several peripherals at once
# (tests/ble/bt_peripheral.py each): it finds them by name, connects to each in turn, writes to
# every one's RX characteristic and gets every echo as a notification on its own connection,
# then disconnects them all.
import sys
import time

import bluetooth
from micropython import const

_IRQ_SCAN_RESULT = const(5)
_IRQ_SCAN_DONE = const(6)
_IRQ_PERIPHERAL_CONNECT = const(7)
_IRQ_PERIPHERAL_DISCONNECT = const(8)
_IRQ_GATTC_CHARACTERISTIC_RESULT = const(11)
_IRQ_GATTC_CHARACTERISTIC_DONE = const(12)
_IRQ_GATTC_WRITE_DONE = const(17)
_IRQ_GATTC_NOTIFY = const(18)

_RX = bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E")
names = [n.encode() for n in sys.argv[1:]]
ble = bluetooth.BLE()
peers = {}  # name -> (addr_type, addr)
conns = {}  # conn -> name
rx = {}  # conn -> RX value handle
got = []


def adv_name(payload):
    i = 0
    while i + 1 < len(payload):
        if payload[i + 1] == 0x09:
            return bytes(payload[i + 2:i + payload[i] + 1])
        i += 1 + payload[i]
    return None


def irq(event, data):
    if event == _IRQ_SCAN_RESULT:
        n = adv_name(data[4])
        if n in names and n not in peers:
            peers[n] = (data[0], bytes(data[1]))
    elif event == _IRQ_GATTC_CHARACTERISTIC_RESULT:
        if data[4] == _RX:
            rx[data[0]] = data[2]
    elif event == _IRQ_GATTC_NOTIFY:
        print("notify on", conns[data[0]], bytes(data[2]))
    got.append((event, data))


def wait_for(event, ms=5000):
    t0 = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), t0) < ms:
        for i, (e, d) in enumerate(got):
            if e == event:
                del got[: i + 1]
                return d
        time.sleep_ms(10)
    print("timeout waiting for", event)
    return None


ble.irq(irq)
ble.active(True)
ble.gap_scan(0, 20000, 20000)
t0 = time.ticks_ms()
while len(peers) < len(names) and time.ticks_diff(time.ticks_ms(), t0) < 3000:
    time.sleep_ms(10)
ble.gap_scan(None)
wait_for(_IRQ_SCAN_DONE)
print("found", sorted(peers))
for n in names:
    ble.gap_connect(*peers[n])
    conn = wait_for(_IRQ_PERIPHERAL_CONNECT)[0]
    conns[conn] = n
    ble.gattc_discover_characteristics(conn, 1, 0xFFFF)
    wait_for(_IRQ_GATTC_CHARACTERISTIC_DONE)
    print("connected", n, "conn", conn, "rx", rx[conn])
for conn, n in sorted(conns.items()):
    ble.gattc_write(conn, rx[conn], b"to " + n, 1)
    wait_for(_IRQ_GATTC_WRITE_DONE)
    wait_for(_IRQ_GATTC_NOTIFY)
for conn in sorted(conns):
    print("gap_disconnect", conn, ble.gap_disconnect(conn))
    print("disconnected", wait_for(_IRQ_PERIPHERAL_DISCONNECT)[0])
print("done")
