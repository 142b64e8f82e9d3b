# tests/ble/bt_qemu_central.py: the QEMU board as a central (test_ble_qemu.py): finds
# "rtpy-P" (tests/ble/bt_peripheral.py on a host board), connects, reads the peripheral's
# Device Name, finds the UART service's characteristics, subscribes to TX, writes RX and gets
# the echo notified, then disconnects.
import time

import bluetooth

UART = bluetooth.UUID("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
TX = bluetooth.UUID("6E400003-B5A3-F393-E0A9-E50E24DCCA9E")
RX = bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E")
ble = bluetooth.BLE()
s = {"addr": None, "conn": None, "n": 0, "read": None, "tx": None, "rx": None, "note": None}


def irq(event, data):
    if event == 5 and not s["addr"] and b"\x09rtpy-P" in bytes(data[4]):
        s["addr"] = (data[0], bytes(data[1]))
        ble.gap_scan(None)
    elif event == 7:
        s["conn"] = data[0]
    elif event == 8:
        s["conn"] = None
    elif event == 11:
        if data[4] == TX:
            s["tx"] = data[2]
        elif data[4] == RX:
            s["rx"] = data[2]
    elif event == 15:
        s["read"] = bytes(data[2])
    elif event == 18:
        s["note"] = bytes(data[2])
    if event in (6, 12, 16, 17):  # scan, characteristics, read, write done
        s["n"] += 1


def wait(cond, ms=10000):
    t0 = time.ticks_ms()
    while not cond():
        if time.ticks_diff(time.ticks_ms(), t0) > ms:
            raise OSError("timed out")
        time.sleep_ms(10)


ble.irq(irq)
ble.active(True)
ble.gap_scan(10000, 30000, 30000, True)
wait(lambda: s["n"] == 1, 11000)
ble.gap_connect(*s["addr"])
wait(lambda: s["conn"] is not None)
print("connected")
ble.gattc_read(s["conn"], 3)  # the GAP service's Device Name
wait(lambda: s["n"] == 2)
print("name", s["read"])
ble.gattc_discover_characteristics(s["conn"], 1, 0xFFFF)
wait(lambda: s["n"] == 3)
ble.gattc_write(s["conn"], s["tx"] + 1, b"\x01\x00", 1)  # TX's CCCD
wait(lambda: s["n"] == 4)
ble.gattc_write(s["conn"], s["rx"], b"from qemu", 1)
wait(lambda: s["note"] is not None)
print("notified", s["note"])
ble.gap_disconnect(s["conn"])
wait(lambda: s["conn"] is None)
print("disconnected")
