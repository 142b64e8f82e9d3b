# Checks: priority inheritance. A low-priority thread holds the mutex when a high-priority
# one wants it; a medium-priority busy thread does not get in between: the holder runs at the
# waiter's priority until it releases (no unbounded priority inversion).
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
log = []


def low():
    with m:
        log.append("low has m")
        time.sleep_ms(2)  # hi and mid wake up meanwhile
        log.append("low busy at prio %d" % rtos.current().priority)
        n = 0
        while n < 3000:
            n += 1
        log.append("low releases")
    log.append("low back to %d" % rtos.current().priority)


def high():
    time.sleep_ms(1)
    log.append("high wants m")
    with m:
        log.append("high has m")


def mid():
    time.sleep_ms(1)
    log.append("mid runs")
    n = 0
    while n < 3000:
        n += 1
    log.append("mid done")


threads = [rtos.Thread(low, priority=5), rtos.Thread(high, priority=15), rtos.Thread(mid, priority=10)]
for t in threads:
    t.join()
for line in log:
    print(line)
