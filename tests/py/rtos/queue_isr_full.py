# Checks: in a hard interrupt handler a full queue raises rtos.Full (the handler catches it
# without allocating: the exception is the preallocated kind), and get_nowait works there.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

q = rtos.Queue(2)
dropped = [0]
taken = [0]


def edge(p):
    try:
        q.put_nowait(1)
    except rtos.Full:
        dropped[0] += 1
        taken[0] += q.get_nowait()


Pin(4, Pin.IN).irq(edge, hard=True)
time.sleep_ms(30)
print(q.qsize(), dropped[0], taken[0])
