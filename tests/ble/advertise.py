# tests/ble/advertise.py NAME MS: advertises (ADV_IND every 100 ms) the name for MS ms.
import sys
import time

import hci

hci.setup()
hci.command(0x2006, bytes([0xA0, 0, 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0]))
name = sys.argv[1].encode()
data = bytes([len(name) + 1, 0x09]) + name
print("adv data", hci.command(0x2008, bytes([len(data)]) + data + bytes(31 - len(data)))[-1])
print("adv on", hci.command(0x200A, b"\x01")[-1])
time.sleep_ms(int(sys.argv[2]))
