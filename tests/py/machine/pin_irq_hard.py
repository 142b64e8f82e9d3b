# Checks: hard Pin interrupt handlers run in interrupt context at the exact time of each edge,
# even while the main thread runs bytecodes; they record into preallocated storage (no
# allocation: the heap is locked there).
try:
    from machine import Pin
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

times = [0] * 12
levels = [0] * 12
n = [0]


def handler(p):
    i = n[0]
    times[i] = time.ticks_us()
    levels[i] = p.value()
    n[0] = i + 1


Pin(5, Pin.IN).irq(handler, hard=True)
k = 0
while k < 20000:  # 18 ms of bytecodes: the edges come in the middle
    k += 1
print(n[0])
print(times[: n[0]])
print(levels[: n[0]])
