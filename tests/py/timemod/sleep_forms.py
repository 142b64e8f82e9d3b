# Checks: sleep accepts floats and ints, sleep(0) and sleep_ms(0) return at once, negative
# sleep() is a ValueError while negative sleep_ms/sleep_us do nothing (as MicroPython).
try:
    import time
    time.sleep_ms
except AttributeError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit

t0 = time.ticks_us()
time.sleep(0)
time.sleep_ms(0)
time.sleep_us(0)
time.sleep_ms(-5)
time.sleep_us(-5)
print(time.ticks_diff(time.ticks_us(), t0) < 10)
t0 = time.ticks_us()
time.sleep(0.0015)
print(time.ticks_diff(time.ticks_us(), t0) // 100)
t0 = time.ticks_us()
time.sleep(1)
print(time.ticks_diff(time.ticks_us(), t0) // 1000)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
