# Checks: a Mutex cannot be used in a hard interrupt handler (the RuntimeError becomes a
# MemoryError there, since the heap is locked: the handler catches either), while the
# non-blocking calls of the other objects work.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

m = rtos.Mutex()
s = rtos.Semaphore()
ev = rtos.EventFlags()
errors = [0]


def edge(p):
    try:
        m.acquire()
    except Exception:  # a tuple here would allocate
        errors[0] += 1
    s.release()
    ev.set(4)


Pin(4, Pin.IN).irq(edge, trigger=Pin.IRQ_RISING, hard=True)
time.sleep_ms(30)
print(errors[0], s.value(), ev.get(), m.locked())
