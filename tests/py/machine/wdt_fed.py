# Checks: a WDT fed in time never resets the board; feeding restarts its timeout.
try:
    from machine import WDT
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

wdt = WDT(timeout=100)
for i in range(10):
    time.sleep_ms(90)
    wdt.feed()
print("alive at", time.ticks_ms())
try:
    WDT(1)
except ValueError as e:
    print("ValueError", e)
try:
    WDT(timeout=0)
except ValueError as e:
    print("ValueError", e)
