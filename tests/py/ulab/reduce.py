# ulab: reductions (sum, mean, std, min, max, argmin, argmax, median, all, any): the whole
# array gives a Python number, axis= gives an array; one element, empty arrays, int dtypes
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

x = np.array([3.0, -1.5, 7.25, 0.0, 2.0])
show(np.sum(x), np.mean(x), np.std(x), np.min(x), np.max(x))
show(np.argmin(x), np.argmax(x), np.median(x))
show(np.median(np.array([4.0, 1.0, 3.0, 2.0])), np.std(x, ddof=1))

# integer arrays: whole-array sums do not wrap; min and max keep integer values
u = np.array([200, 100, 255, 7], dtype=U8)
show(np.sum(u), np.mean(u), np.min(u), np.max(u), np.argmax(u))
i = np.array([-30000, 30000, 30000, -5], dtype=I16)
show(np.sum(i), np.min(i), np.max(i), np.argmin(i), np.argmax(i))   # ties: the first
show(np.max(np.array([-3, -1, -2], dtype=I8)), np.min(np.array([9, 65535], dtype=U16)))

# one element
one = np.array([2.5])
show(np.sum(one), np.mean(one), np.std(one), np.min(one), np.argmax(one), np.median(one))

# empty: the sum is 0.0
show(np.sum(np.array([], dtype=F)))

# 2-D: the whole matrix, and each axis (axis=-1 is the last)
m = np.array([[1.0, 5.0, 2.0], [4.0, -3.0, 6.0]])
show(np.sum(m), np.mean(m), np.max(m), np.argmax(m), np.median(m))
show(np.sum(m, axis=0), np.sum(m, axis=1), np.sum(m, axis=-1))
show(np.mean(m, axis=0), np.mean(m, axis=1), np.std(m, axis=0), np.std(m, axis=1))
show(np.min(m, axis=0), np.max(m, axis=1), np.median(m, axis=0), np.median(m, axis=1))
show(np.argmin(m, axis=0), np.argmax(m, axis=1), dtype=False)  # index dtypes differ
k = np.array([[1, 9], [7, 3], [5, 5]], dtype=I8)
show(np.min(k, axis=0), np.max(k, axis=1), np.argmax(k, axis=0), dtype=False)
show(np.min(k, axis=0), np.max(k, axis=1))

# all and any: whole array, axis; an empty array is all-true and not any
b = np.array([[True, False, True], [True, True, True]])
show(np.all(b), np.any(b), np.all(b, axis=0), np.any(b, axis=1))
show(np.all(np.array([1.0, 2.0])), np.any(np.array([0.0, 0.0])), np.all(np.array([0, 3], dtype=U8)))
show(np.all(np.array([], dtype=F)), np.any(np.array([], dtype=F)))
show(np.all(m > -5, axis=1), np.any(m > 5, axis=0))
