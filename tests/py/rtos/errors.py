# Checks: argument errors of the rtos API raise the documented exceptions.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit


def attempt(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: rtos.Thread(5))
attempt(lambda: rtos.Thread(print, priority=0))
attempt(lambda: rtos.Thread(print, stack_size=-1))
attempt(lambda: rtos.Thread(print, name=5))
attempt(lambda: rtos.Queue())
attempt(lambda: rtos.Queue(2).get(timeout_ms="x"))
attempt(lambda: rtos.Mutex(1))
attempt(lambda: rtos.EventFlags(1))
attempt(lambda: rtos.Timer(10))
attempt(lambda: rtos.Semaphore(1).acquire(1, 2))
