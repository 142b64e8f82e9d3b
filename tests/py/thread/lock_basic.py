# Checks: _thread locks: acquire/release/locked, non-blocking acquire(0), acquire_lock and
# release_lock aliases, the context manager, releasing an unlocked lock (RuntimeError).
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(0), lock.acquire(False))
lock.release()
print(lock.locked())
print(lock.acquire_lock(), lock.locked())
lock.release_lock()
with lock as got:
    print("with", got, lock.locked())
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
print(_thread.error is RuntimeError)
