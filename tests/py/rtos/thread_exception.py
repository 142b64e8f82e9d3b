# Checks: an uncaught exception in a thread prints its traceback (on stderr, not compared)
# and ends only that thread: the others and the main thread go on, and the exit code is 0.
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


def failing():
    time.sleep_ms(5)
    raise KeyError("lost")


def steady():
    for i in range(3):
        time.sleep_ms(4)
        print("steady", i, time.ticks_ms())


f = rtos.Thread(failing, priority=12)
s = rtos.Thread(steady, priority=11)
f.join()
print("failing ended", f.is_alive(), time.ticks_ms())
s.join()
print("main ends")
