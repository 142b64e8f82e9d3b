# Checks: Queue.put_nowait from a hard interrupt handler (pin edges scheduled by the board
# scenario): the handler runs at the exact virtual time of each edge, and a thread blocked in
# Queue.get receives each item.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

q = rtos.Queue(8)


def edge(p):
    q.put_nowait(time.ticks_us())
    q.put_nowait(p.value())


Pin(4, Pin.IN).irq(edge, hard=True)
for i in range(5):
    t = q.get()
    v = q.get()
    print(t, v)
print(q.empty())
