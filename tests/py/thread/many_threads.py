# Checks: 20 threads started back to back all run to their end; they take turns at the
# same priority in creation order when each sleeps once.
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

order = []
lock = _thread.allocate_lock()


def worker(k):
    time.sleep_ms(1 + k % 3)
    with lock:
        order.append(k)


for k in range(20):
    _thread.start_new_thread(worker, (k,))
time.sleep_ms(10)
print(len(order), sorted(order) == list(range(20)))
print(order)
