# Checks: rtos.Queue's non-blocking API: FIFO order, qsize/empty/full/maxsize, put_nowait
# raising Full and get_nowait raising Empty, any object as an item, bad sizes.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

q = rtos.Queue(3)
print(q.maxsize(), q.qsize(), q.empty(), q.full())
q.put_nowait(1)
q.put_nowait("two")
q.put_nowait([3])
print(q.qsize(), q.empty(), q.full())
try:
    q.put_nowait(4)
except rtos.Full:
    print("Full")
print(q.get_nowait(), q.get_nowait(), q.get_nowait())
try:
    q.get_nowait()
except rtos.Empty:
    print("Empty")
q.put(None, timeout_ms=0)
print(q.get(0))
try:
    q.get(timeout_ms=0)
except rtos.Timeout as e:
    print(type(e).__name__)
for n in (0, -1, 65537):
    try:
        rtos.Queue(n)
    except ValueError as e:
        print("ValueError", e)
