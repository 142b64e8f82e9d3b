# Checks: rtos.Mutex: recursive locking by its owner, locked(), release by a thread that does
# not own it (RuntimeError), release of an unlocked mutex, and the context manager.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

m = rtos.Mutex()
print(m.locked(), m.acquire(), m.acquire(), m.locked())
m.release()
print(m.locked())
m.release()
print(m.locked())
try:
    m.release()
except RuntimeError as e:
    print("RuntimeError", e)
with m:
    print("with", m.locked())
print(m.locked())

m.acquire()
err = []


def other():
    try:
        m.release()
    except RuntimeError as e:
        err.append(str(e))
    err.append(m.acquire(timeout_ms=0))


rtos.Thread(other, priority=12).join()
print(err)
m.release()
