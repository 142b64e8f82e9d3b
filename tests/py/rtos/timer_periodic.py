# Checks: rtos.Timer periodic callbacks (run as soft handlers on the dispatch thread, with the
# Timer as argument) at exact multiples of the period; stop() ends them; running().
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

hits = []


def cb(t):
    hits.append(time.ticks_ms())
    if len(hits) == 4:
        t.stop()


tm = rtos.Timer(25, cb)
print(tm.running())
tm.start()
print(tm.running())
time.sleep_ms(200)
print(hits, tm.running())
