# ulab: arithmetic operators (+ - * / ** %, in place), comparisons, abs, unary minus, bitwise
# operators on integer arrays, broadcasting, and wrap-around in integer dtypes (same dtypes on
# both sides here; mixed dtypes are in mixed.py and upcast.py)
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

x = np.array([1.0, -2.5, 4.0, 0.5])
y = np.array([2.0, 2.0, -8.0, 0.25])
show(x + y, x - y, x * y, x / y)
show(x ** 2, y ** x, x ** 0.5)
show(x % y, np.array([7.0, -7.0, 7.0, -7.0]) % np.array([3.0, 3.0, -3.0, -3.0]))
show(x + 1, 1 - x, 2 * x, x / 4, 1 / y, 2 ** y, x % 3)
show(x == y, x != 0.5, x < y, x <= 1, x > y, x >= 4.0)
show(-x, abs(x), +x)
e = np.array([], dtype=F)
show(e + e, e * 2, -e, e < 1)

# division by zero in floats gives inf and nan, as IEEE 754 says
show(np.array([1.0, -1.0, 0.0]) / np.array([0.0, 0.0, 0.0]))

# integer arrays: same-dtype results; / always gives floats
i = np.array([7, -7, 100, 0], dtype=I16)
j = np.array([2, 2, -3, 5], dtype=I16)
show(i + j, i - j, i * j, i / j)
show(i ** 2, j ** 3, i % j, np.array([7, 9, 200], dtype=U8) % np.array([4, 5, 7], dtype=U8))
show(i == j, i > 0, -i, abs(i))

# integer overflow wraps around (C arithmetic, two's complement)
show(np.array([250, 5], dtype=U8) + np.array([10, 3], dtype=U8))
show(np.array([3], dtype=U8) - np.array([5], dtype=U8))
show(np.array([16, 20], dtype=U8) * np.array([16, 13], dtype=U8))
show(np.array([127, -128], dtype=I8) + np.array([1, -1], dtype=I8))
show(np.array([32767], dtype=I16) + np.array([1], dtype=I16))
show(np.array([300, 256], dtype=I16) * np.array([300, 256], dtype=I16))
show(np.array([65535], dtype=U16) + np.array([2], dtype=U16))
show(-np.array([1, 0, 255], dtype=U8), -np.array([-128, 5], dtype=I8), abs(np.array([-128], dtype=I8)))
show(np.array([2], dtype=U8) ** np.array([9], dtype=U8))

# in-place operators write into the array and keep its dtype
a = np.array([1.0, 2.0, 3.0])
b = a
a += 1
a *= np.array([2.0, 0.5, -1.0])
a -= 0.5
a /= 2
a **= 2
show(a, b)          # b is the same array
c = np.array([200, 100], dtype=U8)
c += np.array([100, 100], dtype=U8)
show(c)
c -= np.array([255, 0], dtype=U8)
show(c)
d = np.array([[1, 2], [3, 4]], dtype=I16)
d *= np.array([10, -10], dtype=I16)     # broadcast on the right side
show(d)
v = d[0]
v += np.array([1, 1], dtype=I16)        # through a view
show(d)

# broadcasting: a row against a matrix, a column against a row, size-1 axes
m = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
show(m + np.array([10.0, 20.0, 30.0]), m * np.array([[2.0], [-1.0]]))
show(np.array([[1.0], [2.0], [3.0]]) - np.array([1.0, 10.0]))
show(m > np.array([2.0, 5.0, 3.0]), m[:, 1:] / m[:, :2])
show(np.array([[1, 2]], dtype=U8) + np.array([[10], [20]], dtype=U8))
show(m * np.array([2.0]), np.zeros((2, 0)) + np.array([1.0]))
show(np.ones((2, 1, 3)) + np.array([[1.0], [2.0]]))

# bitwise operators on integer arrays (and with Python ints)
p = np.array([12, 10, 255, 0], dtype=U8)
q = np.array([10, 6, 15, 1], dtype=U8)
show(p & q, p | q, p ^ q, p & 6, p | 1, p ^ 255)
show(p << np.array([1, 2, 1, 7], dtype=U8), p >> np.array([1, 3, 4, 0], dtype=U8), p << 1, p >> 2)
s = np.array([-1, 5, -128, 64], dtype=I8)
show(s & np.array([15, 4, -1, 64], dtype=I8), s | np.array([2], dtype=I8), s >> np.array([1], dtype=I8), ~s, ~p)
show(np.array([-2, 1000], dtype=I16) & np.array([255, 255], dtype=I16), np.array([4096], dtype=U16) << 4)
