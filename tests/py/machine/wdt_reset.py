# Checks: a WDT that is not fed resets the board when its timeout runs out: the host program
# ends with status 5 (docs/board-sim.md), the trace (on stdout here) ends with "wdt reset"
# at exactly the last feed (40.0048 ms) + the timeout, and nothing after it runs.
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

wdt = WDT(timeout=50)
time.sleep_ms(40)
wdt.feed()
print("fed at", time.ticks_ms())
while True:  # stuck: no more feeding
    pass
