# Checks: _thread.exit() and SystemExit end a thread silently (no traceback, the program
# goes on); the thread's finally blocks run.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread
import time

log = []


def via_exit():
    try:
        log.append("a")
        _thread.exit()
        log.append("not reached")
    finally:
        log.append("a finally")


def via_systemexit():
    log.append("b")
    raise SystemExit(3)


_thread.start_new_thread(via_exit, ())
_thread.start_new_thread(via_systemexit, ())
time.sleep_ms(1)
print(log)
