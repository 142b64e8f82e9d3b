# Checks: micropython.schedule(f, arg) queues f(arg) for the dispatch thread (priority 28),
# which runs it before the scheduling thread's next bytecode; several in FIFO order;
# an exception in one is reported (stderr) and the next still runs.
try:
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: its traceback goes to stderr, which shares the board's console")
    raise SystemExit

log = []


def cb(arg):
    log.append(arg)


def bad(arg):
    raise RuntimeError(arg)


micropython.schedule(cb, 1)
log.append("after first")
micropython.schedule(bad, "x")
micropython.schedule(cb, 2)
log.append("after more")
print(log)
try:
    micropython.schedule(5, 1)
except TypeError as e:
    print("TypeError", e)
