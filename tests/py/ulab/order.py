# ulab: sort, argsort, flip, roll, where, clip, diff: 1-D and 2-D, each axis, negative
# shifts, empty and one-element arrays
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

x = np.array([3.0, -1.0, 2.5, 10.0, -7.0])
show(np.sort(x), x)                       # a sorted copy: x is unchanged
show(np.argsort(x), dtype=False)          # index dtypes differ (ulab: uint16, numpy: int64)
m = np.array([[5, 1, 4], [2, 8, 0]], dtype=I16)
show(np.sort(m), np.sort(m, axis=0), np.sort(m, axis=-1), np.sort(m, axis=None))
show(np.argsort(m, axis=0), np.argsort(m, axis=1), dtype=False)
show(np.sort(np.array([200, 3, 255, 0], dtype=U8)), np.sort(x[::-2]))
show(np.sort(np.array([], dtype=F)), np.sort(np.array([1.0])), np.sort(np.array([-0.5, -0.5])))
show(np.argsort(np.array([1.0])), np.argsort(np.array([], dtype=F)), dtype=False)

# flip: all axes, one axis
show(np.flip(x), np.flip(m), np.flip(m, axis=0), np.flip(m, axis=1))
show(np.flip(np.array([1], dtype=U8)), np.flip(np.array([], dtype=F)))

# roll: positive and negative shifts, shifts longer than the array, along an axis
show(np.roll(x, 2), np.roll(x, -1), np.roll(x, 7), np.roll(x, 0))
show(np.roll(m, 1, axis=0), np.roll(m, -1, axis=1), np.roll(m, 4, axis=1))

# where: pick from two arrays or numbers, broadcasting
c = x > 0
show(np.where(c, x, 0.0), np.where(c, 1.0, -1.0), np.where(x < 0, -x, x))
show(np.where(m > 2, m, np.array([-1, -2, -3], dtype=I16)))
show(np.where(np.array([True, False]), np.array([1, 2], dtype=U8), np.array([9, 9], dtype=U8)))

# clip: numbers or arrays as bounds; integer dtypes kept
show(np.clip(x, -2.0, 3.0), np.clip(x, 0.0, 100.0))
show(np.clip(np.array([0, 100, 255], dtype=U8), 10, 200), np.clip(m, 1, 4))
show(np.clip(x, np.array([0.0, 0.0, 3.0, 0.0, -10.0]), 5.0))

# diff: first and higher orders, along each axis, integer dtypes wrap
show(np.diff(x), np.diff(x, n=2), np.diff(x, n=4))
show(np.diff(m), np.diff(m, axis=0), np.diff(m, n=2, axis=1))
show(np.diff(np.array([1, 10, 3], dtype=U8)), np.diff(np.array([100, -100], dtype=I8)))
show(np.diff(np.array([5.0])), np.diff(np.array([1.0, 4.0])))
