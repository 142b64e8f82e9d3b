# tests/ble/bt_vanish.py peripheral|central: the link's supervision timeout through the
# bluetooth module. The peripheral advertises "vanish-p" and, once connected, loses power
# (machine.reset: the process ends, its radio leaves the air without a word). The central
# connects, then waits for the disconnect its controller reports when nothing more comes:
# after the supervision timeout (5 s), the event _IRQ_PERIPHERAL_DISCONNECT.
import sys
import time

import bluetooth
import machine

ble = bluetooth.BLE()
s = {"addr": None, "conn": None, "gone": None}


def irq(event, data):
    if event == 1:  # _IRQ_CENTRAL_CONNECT (we are the peripheral)
        s["conn"] = data[0]
    elif event == 5 and not s["addr"] and b"\x09vanish-p" in bytes(data[4]):
        s["addr"] = (data[0], bytes(data[1]))
        ble.gap_scan(None)
    elif event == 7:  # _IRQ_PERIPHERAL_CONNECT
        s["conn"] = data[0]
    elif event == 8:  # _IRQ_PERIPHERAL_DISCONNECT
        s["gone"] = time.ticks_ms()


ble.irq(irq)
ble.active(True)
if sys.argv[1] == "peripheral":
    ble.gap_advertise(50000, b"\x02\x01\x06\x09\x09vanish-p")
    while s["conn"] is None:
        time.sleep_ms(10)
    print("connected; power off")
    time.sleep_ms(200)
    machine.reset()
ble.gap_scan(3000, 30000, 30000)
while not s["addr"]:
    time.sleep_ms(10)
ble.gap_connect(*s["addr"])
while s["conn"] is None:
    time.sleep_ms(10)
t0 = time.ticks_ms()
print("connected")
while s["gone"] is None and time.ticks_diff(time.ticks_ms(), t0) < 20000:
    time.sleep_ms(10)
after = time.ticks_diff(s["gone"], t0) if s["gone"] is not None else None
print("disconnected after", after // 1000 if after is not None else None, "s")
