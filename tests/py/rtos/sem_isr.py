# Checks: Semaphore.release from a hard interrupt handler wakes a thread blocked in acquire
# at the edge's time: it reads the clock 1 us later (the kernel calls and bytecodes between
# its wake-up and the reading), at every edge.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

s = rtos.Semaphore(0)
seen = []


def waiter():
    for i in range(5):
        s.acquire()
        seen.append(time.ticks_us())


Pin(4, Pin.IN).irq(lambda p: s.release(), trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING, hard=True)
t = rtos.Thread(waiter, priority=15)
t.join()
print(seen)
print(s.value())
