# Checks: _thread.start_new_thread(func, args[, kwargs]) starts a kernel thread at the
# creator's priority (it runs when the creator blocks), returns its ident; get_ident differs
# per thread; argument errors.
try:
    import rtos  # rtpy only: the timing below is the kernel's
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread
import time

out = []


def work(a, b=0):
    out.append((a + b, _thread.get_ident()))


i1 = _thread.start_new_thread(work, (1,))
i2 = _thread.start_new_thread(work, (2,), {"b": 3})
print(out)
time.sleep_ms(1)
print([v for v, _ in out], [ident for _, ident in out] == [i1, i2])
print(_thread.get_ident() not in (i1, i2), i1 != i2)
for args in ((5, ()), (work, [1]), (work, (), [])):
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
