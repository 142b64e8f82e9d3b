# Checks: _thread.stack_size() returns the previous setting (0 = the default), accepts 0 or
# sizes >= 4096, and a thread created with a small stack runs (and recurses a little).
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread
import time

print(_thread.stack_size())
print(_thread.stack_size(64 * 1024))
print(_thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)
out = []


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


_thread.start_new_thread(lambda: out.append(depth(20)), ())
time.sleep_ms(1)
print(out)
print(_thread.stack_size(0))
