# Checks: Semaphore.acquire(timeout_ms=N) blocks with the lock released and returns False when
# no release comes in time (ending at the Nth tick), True when another thread releases first.
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

s = rtos.Semaphore()
t0 = time.ticks_ms()
print(s.acquire(timeout_ms=25), time.ticks_diff(time.ticks_ms(), t0))


def releaser():
    time.sleep_ms(7)
    s.release()


rtos.Thread(releaser, priority=3)
t0 = time.ticks_ms()
print(s.acquire(timeout_ms=100), time.ticks_diff(time.ticks_ms(), t0))
print(s.acquire(timeout_ms=-1) if s.release() is None else None)
