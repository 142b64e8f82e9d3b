# tests/ble/scan.py [MS]: scans actively for MS ms (500); prints each advertiser's first report.
import sys
import time

import hci

hci.setup()
hci.command(0x200B, bytes([1, 0x10, 0, 0x10, 0, 0, 0]))  # active, 10 ms interval and window
print("scan on", hci.command(0x200C, b"\x01\x01")[-1])  # filter duplicates
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < (int(sys.argv[1]) if len(sys.argv) > 1 else 500):
    e = hci.event()
    if e and e[1] == 0x3E and e[3] == 0x02:
        n = e[13]
        addr = ":".join("%02x" % b for b in reversed(e[7:13]))
        print("report", time.ticks_diff(time.ticks_ms(), t0), "ms type", e[5], addr, "rssi",
              e[14 + n] - 256, bytes(e[14:14 + n]))
