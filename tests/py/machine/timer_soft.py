# Checks: Timer(-1) is a software timer on a kernel timer (1 ms tick): periodic and one-shot
# callbacks run as soft handlers at the kernel's ticks; hard=True is refused for it; a
# one-shot timer can be dropped after it has fired; bad arguments.
try:
    from machine import Timer
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time
import gc

hits = []
t = Timer(-1)
t.init(period=10, callback=lambda tm: hits.append(time.ticks_ms()))
Timer(-1, mode=Timer.ONE_SHOT, period=15, callback=lambda tm: hits.append("once"))
time.sleep_ms(42)
t.deinit()
gc.collect()
time.sleep_ms(30)
print(hits)
for kw in ({"period": 5, "hard": True}, {"period": -1}, {"freq": 0}, {"period": 10, "mode": 7},
           {"period": 10, "callback": 3}):
    try:
        Timer(-1).init(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Timer(4)
except ValueError as e:
    print("ValueError", e)
