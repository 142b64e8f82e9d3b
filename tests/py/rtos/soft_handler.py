# Checks: soft handlers (micropython.schedule, rtos.Timer callbacks) run on the dispatch
# thread, a Python thread above every application priority: they may allocate and use any
# rtos object, including blocking calls with a timeout (lower threads run meanwhile).
try:
    import rtos
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import time

q = rtos.Queue(4)
log = []


def handler(arg):
    log.append(("handler", arg, rtos.current().priority, rtos.current().name))
    q.put([arg] * 2, timeout_ms=5)
    try:
        q.get(timeout_ms=3) and q.get(timeout_ms=3)  # second get: empty
    except rtos.Timeout:
        log.append(("timeout", time.ticks_ms()))
    q.put("from handler")


micropython.schedule(handler, 7)
log.append("main runs while the handler waits")
time.sleep_ms(10)
print(log)
print(q.get(timeout_ms=0))
