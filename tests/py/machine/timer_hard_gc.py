# Checks: gc.collect() in a hard interrupt handler raises RuntimeError (preallocated, so the
# handler can catch it and read its message) instead of collecting from interrupt context,
# where the interrupted thread's stack is not scanned; micropython.heap_unlock() there cannot
# drop the handler's own heap lock; gc.mem_free()/mem_alloc() may be read. A collection
# scheduled from the handler (the documented way) runs; the program goes on with its objects
# intact. An .exp file: machine is not in CPython.
try:
    from machine import Timer
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit
import gc

seen = []  # preallocated results: a hard handler cannot append
for i in range(6):
    seen.append(None)
n = [0]


def hard(t):
    n[0] += 1
    if n[0] == 1:
        try:
            gc.collect()
            seen[0] = "collected"
        except RuntimeError as e:
            seen[0] = e  # the exception itself: str() would allocate
        try:
            gc.collect()  # twice: the preallocated exception is reusable
        except Exception as e:
            seen[1] = e
        seen[2] = micropython.heap_unlock()  # stays locked: the handler's own lock
        seen[3] = micropython.heap_locked()
        seen[4] = gc.mem_free() > 0 and gc.mem_alloc() > 0
    elif n[0] == 2:
        micropython.schedule(collect_later, None)  # the way to collect: in a soft handler
        t.deinit()


def collect_later(_):
    gc.collect()
    seen[5] = "collected later"


live = [[i] * 4 for i in range(200)]  # objects only the main thread refers to
t = Timer(1, mode=Timer.PERIODIC, period=1, callback=hard, hard=True)
k = 0
while n[0] < 2 and k < 1000000:  # bytecodes making garbage while the handler runs
    junk = [k, [k]]
    k += 1
t.deinit()
e = seen[0]
print(type(e).__name__, e)
print(seen[1] is e, seen[2], seen[3], seen[4], micropython.heap_locked())
print(n[0], seen[5], all(x == [i] * 4 for i, x in enumerate(live)), len(live))
gc.collect()
print(all(x == [i] * 4 for i, x in enumerate(live)))
