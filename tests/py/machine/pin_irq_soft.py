# Checks: soft Pin interrupt handlers: each edge of the scenario queues the handler for the
# dispatch thread, which runs it at once (the main thread sleeps): it sees the Pin and the
# edge (irq().flags()), may allocate, and reads the clock 2 us after each edge (the wake-up
# of the dispatch thread, and the handler's bytecodes before the reading).
try:
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

log = []


def handler(p):
    log.append("%s %s %d" % (p, "rise" if p.irq().flags() == Pin.IRQ_RISING else "fall", time.ticks_us()))


irq = Pin(4, Pin.IN).irq(handler)
print(irq.trigger() == Pin.IRQ_RISING | Pin.IRQ_FALLING)
time.sleep_ms(8)
for line in log:
    print(line)
