# Checks: handlers registered with Pin.irq, hardware and software Timers stay alive while
# registered even when the program keeps no reference to them (the machine module's GC
# roots): after collections with lots of garbage around, each still runs: the 6 pin edges of
# the first 12 ms, and 6 expiries of each 2 ms timer.
try:
    from machine import Pin, Timer
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import gc
import time

hits = {"pin": 0, "hw": 0, "soft": 0}


def install():
    def make(key):
        def handler(obj):
            hits[key] += 1

        return handler

    Pin(4, Pin.IN).irq(make("pin"))
    Timer(1, period=2, callback=make("hw"))
    Timer(-1, period=2, callback=make("soft"))


install()
for i in range(5):
    junk = [[j] * 10 for j in range(500)]
    gc.collect()
    time.sleep_ms(2)
print(hits["pin"], hits["hw"], hits["soft"], time.ticks_ms())
