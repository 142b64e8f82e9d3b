# Checks: rtos.yield_() lets another ready thread of the same priority run; with a lower
# priority thread ready, yield_ returns to the caller at once.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

log = []


def worker(name, n):
    for i in range(n):
        log.append(name + str(i))
        rtos.yield_()


a = rtos.Thread(worker, args=("a", 3), priority=6)
b = rtos.Thread(worker, args=("b", 3), priority=6)
c = rtos.Thread(worker, args=("c", 2), priority=5)
for t in (a, b, c):
    t.join()
print(log)
