# Checks: rtos.Semaphore counting: initial value, acquire/release, value(), the limit
# (releasing past it raises ValueError), polling with timeout_ms=0, context manager use.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

s = rtos.Semaphore(2, limit=3)
print(s.value())
print(s.acquire(), s.acquire(), s.acquire(timeout_ms=0))
print(s.value())
s.release()
s.release()
s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError", e)
print(s.value())
with s:
    print("inside", s.value())
print(s.value())
for args in ((-1,), (4, 3), (0, 0)):
    try:
        rtos.Semaphore(*args)
    except ValueError as e:
        print("ValueError", e)
print(rtos.Semaphore().value())
