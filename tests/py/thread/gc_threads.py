# Checks: the garbage collector with several Python threads: objects only referenced from a
# blocked thread's frames and C stack survive collections run by other threads.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread
import gc
import time

results = []
lock = _thread.allocate_lock()


def builder(k):
    data = [str(k) * (i % 7) for i in range(200)]
    table = {i: [i] * 3 for i in range(50)}
    for r in range(5):
        time.sleep_ms(1)  # blocked: only this thread's stack keeps data alive
        junk = [[j] for j in range(300)]
    ok = all(data[i] == str(k) * (i % 7) for i in range(200)) and all(table[i] == [i] * 3 for i in range(50))
    with lock:
        results.append((k, ok))


for k in range(5):
    _thread.start_new_thread(builder, (k,))
for r in range(20):
    gc.collect()
    time.sleep_us(300)
time.sleep_ms(10)
print(sorted(results))
