# Checks: the program ends when the main thread ends (as in MicroPython): a thread still
# printing is stopped, and the exit status is the main thread's (here 0).
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import _thread
import time


def chatter():
    n = 0
    while True:
        print("chatter", n)
        n += 1
        time.sleep_ms(10)


_thread.start_new_thread(chatter, ())
time.sleep_ms(25)
print("main done")
