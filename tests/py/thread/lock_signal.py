# Checks: unlike a mutex, a _thread lock may be released by another thread: a lock used as
# a one-shot signal between threads.
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

ready = _thread.allocate_lock()
ready.acquire()
result = []


def producer():
    time.sleep_ms(15)
    result.append("data")
    ready.release()


_thread.start_new_thread(producer, ())
ready.acquire()  # blocks until the producer releases
print(result, time.ticks_ms(), ready.locked())
