# Checks: a hardware Timer in PERIODIC mode calls back (as a soft handler, with the Timer) at
# exact multiples of its period from init() (at 3.006 ms; each callback reads the clock 2 us
# after its expiry), without drift; deinit() stops it; Timer(0) is the same object each time.
try:
    from machine import Timer
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

hits = []
t = Timer(0)
print(t is Timer(0))
time.sleep_ms(3)
t.init(period=20, mode=Timer.PERIODIC, callback=lambda tm: hits.append(time.ticks_us()))
time.sleep_ms(105)
t.deinit()
time.sleep_ms(50)
print(hits)
print(t)
