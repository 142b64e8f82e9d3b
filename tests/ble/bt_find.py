# tests/ble/bt_find.py [NAME]: scans (active) until an advertiser named NAME (default rtpy-P)
# shows up, at most 20 s; prints "found NAME" and how many reports it took, or "not found".
import sys
import time

import bluetooth

_IRQ_SCAN_RESULT = 5
_IRQ_SCAN_DONE = 6

want = (sys.argv[1] if len(sys.argv) > 1 else "rtpy-P").encode()
state = {"found": None, "reports": 0, "done": False}


def adv_name(adv):
    i = 0
    while i + 1 < len(adv):
        n = adv[i]
        if adv[i + 1] == 0x09:  # Complete Local Name
            return bytes(adv[i + 2:i + 1 + n])
        i += 1 + n
    return None


def irq(event, data):
    if event == _IRQ_SCAN_RESULT:
        state["reports"] += 1
        if adv_name(data[4]) == want and not state["found"]:
            state["found"] = want
            ble.gap_scan(None)
    elif event == _IRQ_SCAN_DONE:
        state["done"] = True


ble = bluetooth.BLE()
ble.irq(irq)
ble.active(True)
print("active", ble.active())
ble.gap_scan(20000, 30000, 30000, True)
while not state["done"]:
    time.sleep_ms(20)
print("found %s" % state["found"].decode() if state["found"] else "not found", state["reports"] > 0)
ble.active(False)
