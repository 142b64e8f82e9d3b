# Checks: four threads incrementing a shared counter under a lock, each sleeping while it
# holds it (so the others block on it): no update is lost, and a done-lock signals the end.
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

lock = _thread.allocate_lock()
done = _thread.allocate_lock()
count = [0, 0]  # counter, threads finished
N = 4


def worker(k):
    for i in range(5):
        with lock:
            v = count[0]
            time.sleep_us(100)
            count[0] = v + 1
    with lock:
        count[1] += 1
        if count[1] == N:
            done.release()


done.acquire()
for k in range(N):
    _thread.start_new_thread(worker, (k,))
done.acquire()
print(count, time.ticks_ms())
