# ulab: universal functions (sqrt exp log log2 log10 sin cos tan asin acos atan arctan2 sinh
# cosh tanh floor ceil around degrees radians), isfinite, isinf, maximum, minimum and the
# constants; values to 6 significant digits (libm's last bits differ between C libraries)
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, asin, acos, atan, U8, I8, U16, I16, F, B

print("%.6f %.6f" % (np.pi, np.e), np.inf > 1e308, -np.inf < -1e308, np.nan != np.nan)

x = np.array([0.25, 1.0, 2.0, 10.0])
show(np.sqrt(x), np.exp(x), np.log(x))
show(np.log2(x), np.log10(x))
t = np.array([-1.0, -0.5, 0.0, 0.5, 1.0])
show(np.sin(t), np.cos(t), np.tan(t))
show(asin(t), acos(t), atan(t))
show(np.sinh(t), np.cosh(t), np.tanh(t))
show(np.degrees(np.array([np.pi, -np.pi / 2, 0.0])), np.radians(np.array([180.0, 90.0, -45.0])))

# arctan2: each quadrant, the axes, broadcasting
y = np.array([1.0, 1.0, -1.0, -1.0, 0.0, 2.0])
xx = np.array([1.0, -1.0, -1.0, 1.0, -1.0, 0.0])
show(np.arctan2(y, xx), np.arctan2(y, 1.0), np.arctan2(np.array([[1.0], [-1.0]]), np.array([1.0, -1.0])))

# rounding: floor and ceil of negative numbers, around with decimals (halves to even, as
# Python's round())
r = np.array([-2.5, -1.5, -0.4, 0.5, 1.5, 2.375, 3.14159])
show(np.floor(r), np.ceil(r), np.around(r))
show(np.around(r, decimals=2), np.around(np.array([1234.5, -55.5]), decimals=-1))

# 2-D arrays give arrays of the same shape (integer arrays: differ.py)
show(np.sin(np.array([[0.0, 1.0], [2.0, 3.0]])), np.sqrt(np.array([], dtype=F)))
# views: strided and reversed inputs
show(np.sqrt(np.array([1.0, 4.0, 9.0, 16.0, 25.0])[::-2]))
# lists and ranges are accepted too, and give arrays
show(np.sqrt([1.0, 4.0]), np.exp(range(3)))

# out of the domain: nan and inf, as IEEE 754 says
show(np.sqrt(np.array([-1.0])), np.log(np.array([0.0, -1.0])), asin(np.array([2.0])))
show(np.exp(np.array([1000.0, -1000.0])), np.tan(np.array([np.pi / 2])) > 1e15)

# isfinite, isinf
v = np.array([1.0, np.inf, -np.inf, np.nan, 0.0])
show(np.isfinite(v), np.isinf(v), np.isinf(np.array([1, 2], dtype=I16)), np.isfinite(np.array([7], dtype=U8)))

# maximum, minimum: element by element, broadcasting, mixed dtypes upcast
a = np.array([1.0, 5.0, -3.0])
b = np.array([2.0, 4.0, -3.5])
show(np.maximum(a, b), np.minimum(a, b), np.maximum(a, 0.0), np.minimum(2.0, a))
show(np.maximum(np.array([1, 200], dtype=U8), np.array([3, 100], dtype=U8)))
show(np.minimum(np.array([[1.0], [5.0]]), np.array([2.0, 3.0, 4.0])))
