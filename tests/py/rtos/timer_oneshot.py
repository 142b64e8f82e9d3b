# Checks: a one-shot rtos.Timer fires once; start() again re-arms it from now; a callback
# that raises is reported (stderr) without stopping the program or other handlers.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: its traceback goes to stderr, which shares the board's console")
    raise SystemExit
import time

hits = []
tm = rtos.Timer(10, lambda t: hits.append(time.ticks_ms()), periodic=False)
tm.start()
time.sleep_ms(35)
print(hits, tm.running())
tm.start()
time.sleep_ms(35)
print(hits)


def bad(t):
    raise ValueError("in timer")


rtos.Timer(5, bad, periodic=False).start()
rtos.Timer(6, lambda t: hits.append("after"), periodic=False).start()
time.sleep_ms(10)
print(hits)
for args in ((0, bad), (10, 5)):
    try:
        rtos.Timer(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
