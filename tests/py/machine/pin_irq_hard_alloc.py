# Checks: an allocation in a hard interrupt handler raises MemoryError there (the heap is
# locked in interrupt context) instead of corrupting the heap; the handler can catch it; an
# uncaught one is reported on stderr and the program goes on. The soft form may allocate.
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

micropython.alloc_emergency_exception_buf(100)
outcome = [0, 0, 0]


def hard(p):
    try:
        outcome[1] = [1, 2, 3]  # a new list: MemoryError
        outcome[0] = 1
    except MemoryError:
        outcome[0] = 2
    outcome[2] += 1
    if outcome[2] == 2:
        x = {}  # uncaught: reported, the handler ends


Pin(4, Pin.IN).irq(hard, hard=True)
time.sleep_ms(3)
print(outcome, micropython.heap_locked())
soft = []
Pin(4).irq(lambda p: soft.append([p.value()] * 2))
time.sleep_ms(10)
print(soft)
