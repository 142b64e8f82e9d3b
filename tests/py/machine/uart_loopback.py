# Checks: UART 2 is a loopback: what it sends comes back on its receive side at the line rate
# (10 bits a byte: 115200 baud = 86.8 us a byte, 1200 baud = 8.33 ms), so reads that wait
# see the bytes arrive over time; readinto fills a buffer; init() changes the baud rate.
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

u = UART(2, 115200, timeout=10)
t0 = time.ticks_us()
u.write(b"0123456789")
print(u.any())
print(u.read(10), time.ticks_diff(time.ticks_us(), t0))
u.init(1200, timeout=100)
t0 = time.ticks_us()
u.write("abc")
buf = bytearray(5)
print(u.readinto(buf, 3), buf, time.ticks_diff(time.ticks_us(), t0) // 1000)
u.write(b"xyz")
time.sleep_ms(10)
print(u.any(), u.read(1), u.any())
