# Checks: in virtual time the clock starts at 0 and sleeps are exact: each interval below is
# the sleep plus 2-3 us for the bytecodes (100 ns each) and kernel calls (200 ns each)
# between the two clock readings (a sleep never ends early: it rounds up to the next us).
try:
    import time
    time.ticks_ms
except AttributeError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit

print(time.ticks_ms())
t0 = time.ticks_us()
time.sleep_ms(250)
t1 = time.ticks_us()
time.sleep(0.5)
t2 = time.ticks_us()
time.sleep_us(1234)
t3 = time.ticks_us()
print(time.ticks_diff(t1, t0), time.ticks_diff(t2, t1), time.ticks_diff(t3, t2))
print(time.ticks_ms())
