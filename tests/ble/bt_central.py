# tests/ble/bt_central.py NAME [bonded]: scans for NAME (tests/ble/bt_peripheral.py), connects,
# exchanges the MTU, discovers the UART-style service, its characteristics and descriptors,
# reads, writes (with and without response), gets notifications and an indication, pairs with
# bonding, disconnects, reconnects encrypted with the bond, is disconnected by the peripheral,
# and ends with a connection attempt that times out. With "bonded" (a second run on the same flash) it only reconnects with the
# bond kept from the first run.
import sys
import time

import bluetooth
from micropython import const

_IRQ_SCAN_RESULT = const(5)
_IRQ_SCAN_DONE = const(6)
_IRQ_PERIPHERAL_CONNECT = const(7)
_IRQ_PERIPHERAL_DISCONNECT = const(8)
_IRQ_GATTC_SERVICE_RESULT = const(9)
_IRQ_GATTC_SERVICE_DONE = const(10)
_IRQ_GATTC_CHARACTERISTIC_RESULT = const(11)
_IRQ_GATTC_CHARACTERISTIC_DONE = const(12)
_IRQ_GATTC_DESCRIPTOR_RESULT = const(13)
_IRQ_GATTC_DESCRIPTOR_DONE = const(14)
_IRQ_GATTC_READ_RESULT = const(15)
_IRQ_GATTC_READ_DONE = const(16)
_IRQ_GATTC_WRITE_DONE = const(17)
_IRQ_GATTC_NOTIFY = const(18)
_IRQ_GATTC_INDICATE = const(19)
_IRQ_MTU_EXCHANGED = const(21)
_IRQ_ENCRYPTION_UPDATE = const(28)
_IRQ_GET_SECRET = const(29)
_IRQ_SET_SECRET = const(30)

_UART = bluetooth.UUID("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
_RX = bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E")
_TX = bluetooth.UUID("6E400003-B5A3-F393-E0A9-E50E24DCCA9E")

name = sys.argv[1].encode()
bonded_run = len(sys.argv) > 2 and sys.argv[2] == "bonded"
ble = bluetooth.BLE()
events = []
found = {}
chars = {}


def decode_name(payload):
    i = 0
    while i + 1 < len(payload):
        if payload[i + 1] == 0x09:
            return bytes(payload[i + 2:i + payload[i] + 1])
        i += 1 + payload[i]
    return None


def irq(event, data):
    if event == _IRQ_SCAN_RESULT:
        addr_type, addr, adv_type, rssi, adv_data = data
        if decode_name(adv_data) == name and "peer" not in found:
            found["peer"] = (addr_type, bytes(addr))
            print("found", name, "type", adv_type, "rssi", rssi, "addr_type", addr_type)
        return
    if event == _IRQ_GATTC_SERVICE_RESULT:
        conn, start, end, uuid = data
        print("service", start, end, uuid)
        if uuid == _UART:
            found["range"] = (start, end)
    elif event == _IRQ_GATTC_CHARACTERISTIC_RESULT:
        conn, end, value, props, uuid = data
        print("characteristic", end, value, props, uuid)
        chars[uuid] = value
    elif event == _IRQ_GATTC_DESCRIPTOR_RESULT:
        print("descriptor", data[1], data[2])
    elif event == _IRQ_GATTC_READ_RESULT:
        print("read", data[1], bytes(data[2]))
    elif event == _IRQ_GATTC_NOTIFY:
        print("notify", data[1], bytes(data[2]))
    elif event == _IRQ_GATTC_INDICATE:
        print("indicate", data[1], bytes(data[2]))
    elif event == _IRQ_SET_SECRET:
        print("set secret", data[0], len(data[1]), len(data[2]))
        return None  # the module keeps it (ble_bonds.bin)
    elif event == _IRQ_GET_SECRET:
        return None
    elif event == _IRQ_PERIPHERAL_CONNECT or event == _IRQ_PERIPHERAL_DISCONNECT:
        print("event", event, data[0], data[1], len(data[2]))
    elif event != _IRQ_SCAN_DONE:
        print("event", event, data)
    events.append((event, data))


def wait_for(event, ms=5000):
    t0 = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), t0) < ms:
        for i, (e, d) in enumerate(events):
            if e == event:
                del events[: i + 1]
                return d
        time.sleep_ms(10)
    print("timeout waiting for", event)
    return None


ble.irq(irq)
ble.active(True)
ble.gap_scan(10000, 30000, 30000, True)  # long enough for a peripheral slow to start (QEMU)
t0 = time.ticks_ms()
while "peer" not in found and time.ticks_diff(time.ticks_ms(), t0) < 10000:
    time.sleep_ms(10)
ble.gap_scan(None)
wait_for(_IRQ_SCAN_DONE)
addr_type, addr = found["peer"]


def connect():
    ble.gap_connect(addr_type, addr)
    return wait_for(_IRQ_PERIPHERAL_CONNECT)[0]


def disconnect(conn):
    print("gap_disconnect", ble.gap_disconnect(conn))
    wait_for(_IRQ_PERIPHERAL_DISCONNECT)
    print("gap_disconnect again", ble.gap_disconnect(conn))


def pair(conn):
    ble.gap_pair(conn)
    print("encryption", wait_for(_IRQ_ENCRYPTION_UPDATE)[1:])


if bonded_run:
    conn = connect()
    pair(conn)
    disconnect(conn)
    print("done")
    sys.exit(0)

conn = connect()
ble.gattc_exchange_mtu(conn)
print("mtu", wait_for(_IRQ_MTU_EXCHANGED)[1])
ble.gattc_discover_services(conn)
print("services done", wait_for(_IRQ_GATTC_SERVICE_DONE)[1])
start, end = found["range"]
ble.gattc_discover_characteristics(conn, start, end)
print("characteristics done", wait_for(_IRQ_GATTC_CHARACTERISTIC_DONE)[1])
tx, rx = chars[_TX], chars[_RX]
ind = chars[bluetooth.UUID(0x2A05)]
ble.gattc_discover_descriptors(conn, tx + 1, rx - 2)
print("descriptors done", wait_for(_IRQ_GATTC_DESCRIPTOR_DONE)[1])
ble.gattc_read(conn, tx)
print("read done", wait_for(_IRQ_GATTC_READ_DONE)[1:])
ble.gattc_read(conn, 3)  # the GAP service's Device Name
print("read done", wait_for(_IRQ_GATTC_READ_DONE)[1:])
ble.gattc_write(conn, tx + 1, b"\x01\x00", 1)  # CCCD: notifications on
print("cccd written", wait_for(_IRQ_GATTC_WRITE_DONE)[1:])
ble.gattc_write(conn, rx, b"hello", 1)
print("write done", wait_for(_IRQ_GATTC_WRITE_DONE)[1:])
wait_for(_IRQ_GATTC_NOTIFY)
ble.gattc_write(conn, rx, b"update", 1)  # gatts_write(send_update=True) there
print("write done", wait_for(_IRQ_GATTC_WRITE_DONE)[1:])
wait_for(_IRQ_GATTC_NOTIFY)
ble.gattc_discover_services(conn, _UART)  # by UUID
print("services by uuid done", wait_for(_IRQ_GATTC_SERVICE_DONE)[1])
ble.gattc_discover_characteristics(conn, start, end, _RX)
print("characteristics by uuid done", wait_for(_IRQ_GATTC_CHARACTERISTIC_DONE)[1])
ble.gattc_write(conn, rx, b"raise")  # mode 0: without response
time.sleep_ms(200)
ble.gattc_write(conn, rx, b"x" * 100, 1)  # longer than the default MTU: needs the 247
print("long write done", wait_for(_IRQ_GATTC_WRITE_DONE)[1:])
ble.gattc_write(conn, rx, b"indicate", 1)
wait_for(_IRQ_GATTC_INDICATE)
ble.gattc_read(conn, ind)  # refused by the peripheral's read-request handler
print("refused read done", wait_for(_IRQ_GATTC_READ_DONE)[1:])
ble.gattc_read(conn, 0x7F)
print("bad read done", wait_for(_IRQ_GATTC_READ_DONE)[1:])
pair(conn)
disconnect(conn)
conn = connect()
pair(conn)  # with the bond: no pairing, no new secret
ble.gattc_write(conn, rx, b"bye", 1)  # the peripheral disconnects
print("disconnected by the peripheral", wait_for(_IRQ_PERIPHERAL_DISCONNECT)[0] == conn)
ble.gap_connect(0, b"\x11\x22\x33\x44\x55\x66", 500)
print("connect to nobody", wait_for(_IRQ_PERIPHERAL_DISCONNECT))
print("done")
