# Checks: sleeping releases the interpreter lock: two threads sleeping in turn interleave
# exactly by their wake-up times, and a busy thread of lower priority runs while they sleep.
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
busy_count = [0]


def sleeper(name, period, n):
    for i in range(n):
        time.sleep_ms(period)
        log.append((name, time.ticks_ms()))


def busy():
    while len(log) < 7:
        busy_count[0] += 1


rtos.Thread(busy, priority=2)
a = rtos.Thread(sleeper, args=("a", 3, 4), priority=9)
b = rtos.Thread(sleeper, args=("b", 5, 3), priority=9)
a.join()
b.join()
print(log)
print(busy_count[0] > 1000)
