# Checks: Python threads of equal priority that never block take turns every 10 ms (the
# interpreter lock's time slice, and the kernel's); each records when it got the CPU.
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

log = []
owner = [None]


def busy(name):
    while time.ticks_ms() < 45:
        if owner[0] != name:
            owner[0] = name
            log.append((name, time.ticks_ms()))


a = rtos.Thread(busy, args=("A",), priority=5)
b = rtos.Thread(busy, args=("B",), priority=5)
a.join()
b.join()
print(log)
