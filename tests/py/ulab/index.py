# ulab: indexing and slicing: scalars from 1-D arrays, rows and views of 2-D ones, negative
# and stepped slices, writes through views, boolean masks (read and assign)
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, num, scalar, U8, I8, U16, I16, F, B

a = np.array([10, 20, 30, 40, 50], dtype=I16)
# an element of a 1-D array is a number
print(scalar(a[0]), scalar(a[-1]), scalar(a[2]) + 1)
print(num(scalar(np.array([1.5, 2.5])[1])), scalar(np.array([True, False])[1]))
print(scalar(np.array([200], dtype=U8)[0]) + 100)   # a Python int: no uint8 wrap-around

# slices: steps, negative steps, empty and out-of-range bounds
show(a[1:4], a[::2], a[::-1], a[-2:])
show(a[4:0:-2], a[3::-1], a[-1:-4:-1], a[::-3])
show(a[3:1], a[10:], a[-100:2], a[::7])
show(a[:], a[0:1])

# 2-D: an element, a row (a view), columns, sub-matrices
m = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
print(num(scalar(m[1, 2])), num(scalar(m[-1, -1])), num(scalar(m[0][1])))
show(m[1], m[-1], m[:, 0], m[:, -1])
show(m[::2, ::2], m[::-1, 1:], m[1:, ::-1])
show(m[:0], m[0:1, :])

# writes through a view reach the base array
v = a[1:4]
v[0] = -1
show(a)
r = a[::-2]
r[0] = 99            # the last element of a
show(a, r)
row = m[1]
row[0] = 40.0
col = m[:, 2]
col[2] = 90.0
show(m)
w = m[::2, ::2]
w[1, 1] = -9.0
show(m)

# assigning into slices: a number, an array, with conversion to the dtype
b = np.zeros(6, dtype=U8)
b[::2] = 7
b[1:3] = np.array([1.9, 255.0])   # floats to uint8 truncate (in range: out of it C is undefined)
show(b)
b[:] = 0
b[-1:-3:-1] = np.array([5, 6], dtype=U8)
show(b)
z = np.zeros((2, 3), dtype=I8)
z[1] = np.array([1, 2, 3], dtype=I8)
z[0, 1] = -128
z[:, 0] = 9
show(z)
z[0, 2] = 129        # wraps to int8
show(z)

# boolean masks: reading gives a new 1-D array, assigning writes the base
c = np.array([3.0, -1.0, 4.0, -1.5, 5.0])
mask = c > 0
show(mask, c[mask], c[c < 0], c[c > 100])
c[c < 0] = 0.0
show(c)
c[c > 3.5] = np.array([40.0, 50.0])
show(c)
d = np.array([1, 2, 3, 4], dtype=U16)
show(d[np.array([True, False, False, True])])
d[d % 2 == 0] = 0
show(d)
g = np.array([[1, -2], [-3, 4]], dtype=I16)
show(g[g > 0])
g[g < 0] = -g[g < 0]
show(g)

# the index's own bounds: -len is the first element, len is one past the end
print(scalar(a[-5]), len(a[5:]), len(a[-5:]))
