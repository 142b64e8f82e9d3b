# Checks: a new thread of higher priority runs before Thread() returns (it is started at
# once and preempts its creator at the next bytecode); an equal or lower one waits until
# the creator blocks (here: joins them).
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
log = []
rtos.Thread(lambda: log.append("high"), priority=11)
log.append("main after high")
e = rtos.Thread(lambda: log.append("equal"), priority=10)
w = rtos.Thread(lambda: log.append("low"), priority=9)
log.append("main after equal and low")
e.join()
w.join()
log.append("main after join")
print(log)
