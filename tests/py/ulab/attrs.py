# ulab: ndarray attributes and methods (shape, size, ndim, dtype, itemsize, T, transpose,
# reshape, flatten, copy, tolist, tobytes, sort), len and iteration
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, num, scalar, U8, I8, U16, I16, F, B, DTYPES

a = np.array([[1, 2, 3], [4, 5, 6]], dtype=I16)
print(a.shape, a.size, a.ndim, len(a), str(a.dtype))
print(a.dtype == np.int16, a.dtype == np.uint8)
for t in DTYPES:
    x = np.zeros(2, dtype=t)
    print(str(x.dtype), x.itemsize, x.dtype == t)
e = np.array([], dtype=F)
print(e.shape, e.size, len(e))

# T and transpose: a new shape over the same values
show(a.T, a.transpose())
show(np.array([1.0, 2.0]).T)
show(np.zeros((2, 1, 3)).transpose())

# reshape: a tuple, the same size; -1 stands for the rest
show(a.reshape((3, 2)), a.reshape((6,)), a.reshape((1, 6)))
show(a.reshape((2, -1)), np.arange(8, dtype=U8).reshape((2, 2, 2)))
show(np.arange(4.0).reshape((1, 1, 2, 2)))

# flatten and copy: new arrays, independent of the original
f = a.flatten()
c = a.copy()
f[0] = 100
c[1, 1] = -5
show(a, f, c)
show(a.T.flatten())

# tolist: Python values, nested by dimension
print(a.tolist(), np.array([True, False]).tolist(), np.array([0.5]).tolist())
print(np.zeros((2, 0)).tolist(), np.array([], dtype=U8).tolist())

# tobytes: the raw little-endian data, C order (a transposed copy reorders it)
print(np.array([1, 258, 65535], dtype=U16).tobytes())
print(np.array([-1, 127, -128], dtype=I8).tobytes())
print(np.array([1.0, -2.0]).tobytes())
print(np.array([True, False]).tobytes(), np.array([], dtype=I16).tobytes())
print(a.T.copy().tobytes())

# sort method: in place, along the last axis or along axis 0
s = np.array([3.0, -1.0, 2.0, 0.0])
print(s.sort())
show(s)
m = np.array([[3, 1, 2], [9, 7, 8]], dtype=I8)
m.sort()
show(m)
m = np.array([[3, 1, 2], [0, 7, 1]], dtype=U16)
m.sort(axis=0)
show(m)
one = np.array([4.0])
one.sort()
show(one)

# len and iteration: a 1-D array yields numbers, a 2-D array its rows
print(len(np.zeros((4, 2))), len(np.zeros(7, dtype=U8)))
for row in a:
    show(row)
print([num(scalar(v)) for v in np.array([2.5, -1.0])], [v for v in np.array([], dtype=F)])
total = 0
for v in np.array([250, 10], dtype=U8):
    total += v
print(total)
