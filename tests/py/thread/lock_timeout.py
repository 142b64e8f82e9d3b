# Checks: lock.acquire(True, timeout) gives up after the timeout in seconds (ending at a
# tick: within 1 ms), a timeout with waitflag=0 is a ValueError, negative timeouts too.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import _thread
import time

lock = _thread.allocate_lock()
lock.acquire()
t0 = time.ticks_ms()
print(lock.acquire(True, 0.02), time.ticks_diff(time.ticks_ms(), t0))
print(lock.acquire(timeout=0.005), time.ticks_diff(time.ticks_ms(), t0))
for args in ((0, 1), (1, -2)):
    try:
        lock.acquire(*args)
    except ValueError as e:
        print("ValueError", e)
