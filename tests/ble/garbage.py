# tests/ble/garbage.py SEED: random bytes at the board's BLE controller (UART 3): half of them
# framed as commands or ACL data, the rest noise that breaks the H4 framing (the controller
# reports a Hardware Error and starts over). Afterwards it still answers a Reset.
import machine
import random
import sys
import time

import hci

u = hci.uart
random.seed(int(sys.argv[1]))
for i in range(2000):
    b = bytes(random.getrandbits(8) for _ in range(random.randint(1, 40)))
    r = random.random()
    u.write((b"\x01" + b) if r < 0.5 else (b"\x02" + b) if r < 0.75 else b)
    if i % 50 == 0:
        time.sleep_ms(2)
        u.read()
time.sleep_ms(50)
u.read()
print(hci.command(0x0C03))
