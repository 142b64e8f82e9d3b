# Checks: UART 1 receives what the scenario's peer sends, one byte per character time at the
# configured baud rate (9600: 1.0417 ms a byte): any(), readline() (waiting, with timeout),
# read(n), read() of what is left (it ends timeout_char = 5 ms after the last byte, on a
# kernel tick) and None when nothing comes before the timeout (also ending on a tick).
try:
    from machine import UART
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

u = UART(1, 9600, timeout=50)
print(u)
print(u.any())
print(u.readline(), time.ticks_us())  # 6 bytes from 10 ms: the last at 16.25 ms
time.sleep_ms(5)
print(u.any(), time.ticks_ms())  # 21 ms: 1 byte of "world\r\n" has arrived
print(u.readline(), time.ticks_us())
print(u.read(2), time.ticks_us())
print(u.read(), time.ticks_us())
print(u.read(), time.ticks_ms())  # nothing more: None after the 50 ms timeout
