# ulab: creating arrays (array, asarray, zeros, ones, full, empty, eye, arange, linspace,
# logspace, frombuffer, concatenate, diag) in each dtype, 1 to 4 dimensions, empty and one element
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B, DTYPES

# array from lists, tuples and ranges; integer arrays always name their dtype
show(np.array([1.5, -2.0, 3.25]))
show(np.array((1.0, 2.0)))
show(np.array(range(4), dtype=I16))
for t in DTYPES:
    show(np.array([0, 1, 2], dtype=t))
show(np.array([[1, 2, 3], [4, 5, 6]], dtype=U8))
show(np.array([[[1.0, 2.0]], [[3.0, 4.0]]]))
show(np.array([[[[1, 2]]]], dtype=I8))          # 4 dimensions
show(np.array([True, False, True]))            # bools give a bool array
show(np.array([7.0]))                          # one element
show(np.array([], dtype=F))                    # empty
# values outside the dtype's range wrap, as C's conversions
show(np.array([255, 256, -1], dtype=U8), np.array([70000, -2], dtype=U16))
# an array from an array: a copy, converted to the dtype asked
a = np.array([1, 2, 250], dtype=U8)
b = np.array(a, dtype=I16)
c = np.array(a)
c[0] = 99
show(a, b, c)
show(np.array([1.9, -1.9, 2.5], dtype=I16))   # float to int truncates toward zero

# asarray: the same array when nothing needs converting
d = np.asarray(a)
d[1] = 42
show(a, np.asarray([1.0, 2.0]), np.asarray(a, dtype=F))

# zeros, ones, full: an int or a tuple shape, float by default
show(np.zeros(3), np.zeros((2, 3), dtype=U8))
show(np.ones(2, dtype=I8), np.ones((2, 1, 2), dtype=U16))
show(np.full(3, 7.5), np.full((2, 2), 9, dtype=I16), np.full(2, True, dtype=B))
show(np.zeros(0), np.ones((0, 3)))

# empty: contents are undefined, only the shape and dtype are checked
e = np.empty((2, 3), dtype=I16)
print(str(e.dtype), e.shape, e.size)
print(np.empty(4).shape, str(np.empty(4).dtype))

# eye: square, rectangular, shifted diagonal, dtype
show(np.eye(3))
show(np.eye(2, 3, dtype=U8))
show(np.eye(3, k=1), np.eye(3, k=-2))
show(np.eye(1), np.eye(0))

# arange: int dtype given, float steps, negative steps, empty ranges
show(np.arange(5, dtype=I16), np.arange(2, 11, 3, dtype=U8))
show(np.arange(10, 0, -3, dtype=I8), np.arange(0.0, 1.0, 0.25))
show(np.arange(1.0, -1.0, -0.5), np.arange(3, 3, dtype=I16), np.arange(5, 0, dtype=I16))

# linspace and logspace: endpoint, num=1, num=0, base, decreasing
show(np.linspace(0, 1, 5), np.linspace(0, 1, 4, endpoint=False))
show(np.linspace(2, -2, 3), np.linspace(3, 9, 1), np.linspace(0, 1, 0))
show(np.linspace(0, 10, 6, dtype=I16))
show(np.logspace(0, 3, 4), np.logspace(0, 3, 4, base=2.0))
show(np.logspace(1, 2, 3, endpoint=False))

# frombuffer: little-endian bytes, count and offset
buf = bytes([1, 0, 2, 0, 255, 255, 0, 128])
show(np.frombuffer(buf, dtype=U8))
show(np.frombuffer(buf, dtype=I16), np.frombuffer(buf, dtype=U16))
show(np.frombuffer(buf, dtype=I8, count=3, offset=4))
show(np.frombuffer(bytearray(b"\x00\x00\x00\x00\x00\x00\xf0\x3f"), dtype=F))
show(np.frombuffer(b"", dtype=U8))

# concatenate: 1-D, 2-D along both axes, one part empty
show(np.concatenate((np.array([1.0, 2.0]), np.array([3.0]))))
m = np.array([[1, 2], [3, 4]], dtype=I16)
n = np.array([[5, 6]], dtype=I16)
show(np.concatenate((m, n)), np.concatenate((m, n), axis=0))
show(np.concatenate((m, m), axis=1))
show(np.concatenate((np.array([], dtype=F), np.array([1.0]))))

# diag: a 1-D array gives a matrix, a 2-D array its diagonal; k shifts both ways
v = np.array([1, 2, 3], dtype=I8)
show(np.diag(v), np.diag(v, k=1))
sq = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
show(np.diag(sq), np.diag(sq, k=1), np.diag(sq, k=-2))
show(np.diag(np.array([5.0])))

# concatenate with axis=None: every input flattened, then joined
show(np.concatenate((np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([5.0, 6.0])), axis=None))
