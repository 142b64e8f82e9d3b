# Every ulab function and operator called with random, mostly wrong, arguments (None, strings,
# huge ints, NaN, empty, ragged and 4-D arrays, bad shapes and axes): each call returns or
# raises, nothing crashes (run under ASan/UBSan too by make test SANITIZE=1). ulab only: .exp.
from ulab import numpy as np
import random
random.seed(7)
names = [n for n in dir(np) if not n.startswith("_") and callable(getattr(np, n))]
subs = [np.linalg.inv, np.linalg.det, np.linalg.norm, np.fft.fft, np.fft.ifft]
def vals():
    return [None, "x", b"\x01\x02", 0, -1, 2**40, 1.5, float("nan"), float("inf"), True,
            [], [[]], [1, [2]], [[1, 2], [3, 4]], (1, 2, 3), range(5),
            np.array([]), np.array([1.0]), np.array([[1, 2], [3, 4]], dtype=np.int8),
            np.zeros((2, 3, 4)), np.array([1, 2, 3], dtype=np.uint16)[::-1],
            np.array([True, False]), np.zeros((1, 1, 1, 1)), -2**31, 70000, (2, -3), (0,), (3, 0)]
V = vals()
n = crashes = 0
fns = [getattr(np, k) for k in names] + subs
for it in range(4000):
    f = random.choice(fns)
    args = [random.choice(V) for _ in range(random.randint(0, 3))]
    kw = {}
    if random.random() < 0.3:
        kw[random.choice(["axis", "dtype", "n", "k", "decimals", "ddof", "endpoint", "num"])] = random.choice(V)
    try:
        r = f(*args, **kw)
        n += 1
        if hasattr(r, "tolist"):
            r.tolist()
            str(r)
    except MemoryError:
        pass
    except Exception:
        pass
# operators
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
       lambda a, b: a // b, lambda a, b: a % b, lambda a, b: a ** b, lambda a, b: a < b,
       lambda a, b: a & b, lambda a, b: a << b, lambda a, b: a[b], lambda a, b: a.reshape(b),
       lambda a, b: a.__setitem__(b, a)]
for it in range(4000):
    a, b = random.choice(V), random.choice(V)
    try:
        r = random.choice(ops)(a, b)
        if hasattr(r, "tolist"):
            r.tolist()
    except Exception:
        pass
print("every call returned or raised")
