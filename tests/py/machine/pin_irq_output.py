# Checks: the edge interrupt watches the pin's level whatever drives it: writing an output
# pin that has a handler raises its interrupt at once: a hard handler runs inside the write,
# a soft one before the writer's next bytecode (the dispatch thread is more urgent).
try:
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit

log = []
p = Pin(12, Pin.OUT, value=0)
p.irq(lambda pin: log.append(("soft", pin.value())))
p.on()
log.append("after on")
p.off()
log.append("after off")
levels = [9, 9]


def hard(pin):
    v = pin.value()
    levels[v] = v


p.irq(hard, hard=True)
p.on()
p.off()
log.append(levels)
p.irq(None)
p.on()
print(log)
