# Checks: Queue.get and Queue.put with a timeout block (the lock released), then raise
# rtos.Timeout when it runs out; the wait ends at a tick, within 1 ms of the timeout (the
# kernel's rule: a timeout of N ticks ends at the Nth tick). A wait of -1 ends with an item.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import time

q = rtos.Queue(1)
time.sleep_ms(3)
t0 = time.ticks_ms()
try:
    q.get(timeout_ms=20)
except rtos.Timeout as e:
    print("get:", type(e).__name__, time.ticks_diff(time.ticks_ms(), t0))
q.put(1)
t0 = time.ticks_ms()
try:
    q.put(2, timeout_ms=15)
except rtos.Timeout as e:
    print("put:", type(e).__name__, time.ticks_diff(time.ticks_ms(), t0))


def later():
    time.sleep_ms(30)
    print("consumer takes", q.get(), "at", time.ticks_ms())


rtos.Thread(later, priority=11)
q.put(3)  # blocks until the consumer makes room
print("put done at", time.ticks_ms(), "queue", q.qsize())
print(q.get(timeout_ms=-1))
