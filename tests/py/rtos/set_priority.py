# Checks: Thread.priority can be changed while it runs: raising a ready thread above the
# running one makes it run at once; out-of-range priorities raise ValueError.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import time

log = []


def worker():
    log.append("worker " + str(rtos.current().priority))


t = rtos.Thread(worker, priority=3)
log.append("main")
t.priority = 20
log.append("main again")
print(log, t.is_alive())
me = rtos.current()
me.priority = 15
print(me.priority)
me.priority = rtos.PRIORITY_DEFAULT
for p in (0, 28, -1):
    try:
        rtos.Thread(worker, priority=p)
    except ValueError as e:
        print("ValueError", e)
try:
    me.priority = 99
except ValueError as e:
    print("ValueError", e)
