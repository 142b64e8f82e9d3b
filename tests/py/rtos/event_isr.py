# Checks: EventFlags.set from a hard interrupt handler (rising edges set bit 0, falling edges
# bit 1); a worker waits for either bit, another for both (all=True); clear=False keeps them.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

ev = rtos.EventFlags()
log = []


def edge(p):
    ev.set(1 if p.value() else 2)


def any_bit():
    for i in range(3):
        got = ev.wait(3)
        log.append(("any", got, time.ticks_ms()))


def both():
    got = ev.wait(3, all=True, clear=False)
    log.append(("all", got, time.ticks_ms()))


Pin(4, Pin.IN).irq(edge, hard=True)
a = rtos.Thread(any_bit, priority=12)
a.join()
b = rtos.Thread(both, priority=12)
b.join()
print(log)
print(ev.get())
