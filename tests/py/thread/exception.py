# Checks: an uncaught exception in a _thread thread prints a traceback on stderr (not
# compared here) and ends only that thread; the program goes on and exits with status 0.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: its traceback goes to stderr, which shares the board's console")
    raise SystemExit
import _thread
import time

state = []


def fails():
    state.append("started")
    1 / 0
    state.append("not reached")


def survives():
    time.sleep_ms(2)
    state.append("survivor runs")


_thread.start_new_thread(fails, ())
_thread.start_new_thread(survives, ())
time.sleep_ms(5)
print(state)
