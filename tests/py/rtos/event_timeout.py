# Checks: EventFlags.wait with a timeout returns 0 when it runs out (ending at the Nth tick),
# and the matching bits when another thread sets them in time.
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

e = rtos.EventFlags()
t0 = time.ticks_ms()
print(e.wait(1, timeout_ms=10), time.ticks_diff(time.ticks_ms(), t0))


def setter():
    time.sleep_ms(4)
    e.set(6)


rtos.Thread(setter, priority=2)
t0 = time.ticks_ms()
print(e.wait(2, timeout_ms=50), time.ticks_diff(time.ticks_ms(), t0), e.get())
