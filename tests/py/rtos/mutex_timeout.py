# Checks: Mutex.acquire(timeout_ms) from another thread gives up after the timeout (False),
# acquire(0) polls, and the waiter gets the mutex when the owner releases it.
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

m = rtos.Mutex()
m.acquire()
res = []


def contender():
    t0 = time.ticks_ms()
    res.append((m.acquire(timeout_ms=0), time.ticks_diff(time.ticks_ms(), t0)))
    res.append((m.acquire(timeout_ms=12), time.ticks_diff(time.ticks_ms(), t0)))
    res.append((m.acquire(), time.ticks_diff(time.ticks_ms(), t0)))
    m.release()


t = rtos.Thread(contender, priority=12)
time.sleep_ms(20)
m.release()
t.join()
print(res)
