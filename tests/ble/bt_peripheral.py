# tests/ble/bt_peripheral.py NAME CONNECTIONS [secrets]: a peripheral with the UART-style service (a 128-bit
# service, TX: read + notify, RX: write + write without response) and an indicating
# characteristic, advertising NAME until CONNECTIONS connections have come and gone. It echoes
# each write as a notification; b"indicate" makes it indicate, b"raise" makes its handler raise,
# b"update" makes it update TX for its subscribers, b"bye" makes it disconnect. Reads of TX get
# a value its read-request handler writes; reads of the indicating one are refused; the Device
# Name's is refused too late (after 1.5 s): the read goes through.
# With "secrets" its handler keeps the bonds (_IRQ_SET_SECRET/_IRQ_GET_SECRET, in secrets.json,
# as aioble does) instead of the module's ble_bonds.bin.
# The bluetooth module's test (tests/host/test_ble_py.py) runs it against bt_central.py.
import binascii
import errno
import json
import os
import sys
import time

import bluetooth
from micropython import const

_IRQ_CENTRAL_CONNECT = const(1)
_IRQ_CENTRAL_DISCONNECT = const(2)
_IRQ_GATTS_WRITE = const(3)
_IRQ_GATTS_READ_REQUEST = const(4)
_IRQ_GATTS_INDICATE_DONE = const(20)
_IRQ_MTU_EXCHANGED = const(21)
_IRQ_CONNECTION_UPDATE = const(27)
_IRQ_ENCRYPTION_UPDATE = const(28)
_IRQ_GET_SECRET = const(29)
_IRQ_SET_SECRET = const(30)

_UART = bluetooth.UUID("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
_TX = (bluetooth.UUID("6E400003-B5A3-F393-E0A9-E50E24DCCA9E"), bluetooth.FLAG_READ | bluetooth.FLAG_NOTIFY)
_RX = (bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E"),
       bluetooth.FLAG_WRITE | bluetooth.FLAG_WRITE_NO_RESPONSE)
_IND = (bluetooth.UUID(0x2A05), bluetooth.FLAG_READ | bluetooth.FLAG_INDICATE)
_SERVICE = (_UART, (_TX, _RX, _IND))

name = sys.argv[1]
want = int(sys.argv[2])
use_secrets = len(sys.argv) > 3 and sys.argv[3] == "secrets"
secrets = {}
if use_secrets:
    try:
        with open("secrets.json") as f:
            for t, k, v in json.load(f):
                secrets[(t, binascii.unhexlify(k))] = binascii.unhexlify(v)
    except OSError:
        pass
    print("secrets loaded", len(secrets))


def save_secrets():
    with open("secrets.json", "w") as f:
        json.dump([[t, binascii.hexlify(k).decode(), binascii.hexlify(v).decode()]
                   for (t, k), v in secrets.items()], f)


def get_secret(sec_type, index, key):
    if key is not None:
        return secrets.get((sec_type, bytes(key)), None)
    i = 0
    for (t, k), v in secrets.items():
        if t == sec_type:
            if i == index:
                return v
            i += 1
    return None


ble = bluetooth.BLE()
ble.irq(lambda e, d: get_secret(*d) if e == _IRQ_GET_SECRET and use_secrets else None)
ble.active(True)
ble.config(gap_name=name)
((tx, rx, ind),) = ble.gatts_register_services((_SERVICE,))
print("handles", tx, rx, ind)
ble.gatts_write(tx, b"tx-value")
ble.gatts_set_buffer(rx, 100)
conns = set()
ended = 0


def adv_payload(name, uuid):
    p = bytes([2, 0x01, 0x06, len(name) + 1, 0x09]) + name.encode()
    return p + bytes([17, 0x07]) + bytes(uuid)


def advertise():
    ble.gap_advertise(50000, adv_payload(name, _UART))


def irq(event, data):
    global ended
    if event == _IRQ_CENTRAL_CONNECT:
        conn, addr_type, addr = data
        conns.add(conn)
        print("central connect", conn, addr_type, len(addr))
    elif event == _IRQ_CENTRAL_DISCONNECT:
        conn, addr_type, addr = data
        conns.discard(conn)
        ended += 1
        print("central disconnect", conn)
        if ended < want:
            advertise()
    elif event == _IRQ_GATTS_WRITE:
        conn, handle = data
        value = ble.gatts_read(handle)
        print("write", handle == rx, value)
        if value == b"raise":
            raise ValueError("handler failed on purpose")
        if value == b"update":
            ble.gatts_write(tx, b"updated", True)  # to every subscriber (the CCCD)
        elif value == b"bye":
            print("gap_disconnect", ble.gap_disconnect(conn))
        elif value == b"indicate":
            ble.gatts_indicate(conn, ind, b"ind!")
        else:
            ble.gatts_notify(conn, tx, b"echo:" + value)
    elif event == _IRQ_GATTS_READ_REQUEST:
        conn, handle = data
        print("read request", handle == tx, handle == ind)
        if handle == ind:
            return 0x02  # Read Not Permitted: the reader gets it
        if handle == 3:  # the Device Name: too slow an answer (over 1 s) is not waited for
            time.sleep_ms(1500)
            return 0x02
        if handle == tx:
            ble.gatts_write(tx, b"tx-fresh")  # the value read is this one
            try:
                ble.gap_scan(100)  # the controller cannot answer during a read request
            except OSError as e:
                print("gap_scan in a read request: OSError", e.args[0] == errno.EBUSY)
    elif event == _IRQ_GATTS_INDICATE_DONE:
        print("indicate done", data[1] == ind, data[2])
    elif event == _IRQ_MTU_EXCHANGED:
        print("mtu", data[1])
    elif event == _IRQ_CONNECTION_UPDATE:
        print("connection update", data[1:])
    elif event == _IRQ_ENCRYPTION_UPDATE:
        print("encryption", data[1:])
    elif event == _IRQ_SET_SECRET:
        sec_type, key, value = data
        print("set secret", sec_type, len(key), len(value))
        if use_secrets:
            secrets[(sec_type, bytes(key))] = bytes(value)
            save_secrets()
            return True
    elif event == _IRQ_GET_SECRET:
        return get_secret(*data) if use_secrets else None
    else:
        print("event", event, data)


ble.irq(irq)
advertise()
print("advertising", name)
t0 = time.ticks_ms()
while ended < want and time.ticks_diff(time.ticks_ms(), t0) < 20000:
    time.sleep_ms(50)
ble.gap_advertise(None)
print("bonds file", "ble_bonds.bin" in os.listdir())
print("done", ended)
