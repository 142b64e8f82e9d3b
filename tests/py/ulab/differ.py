# ulab: deliberate differences from numpy, so the expected output is differ.py.exp (ulab's):
# - np.array of Python ints is a float array (numpy: int64): ulab's default dtype is float.
# - universal functions give float (64-bit) arrays for integer inputs (numpy: float16 for
#   8-bit, float32 for 16-bit inputs).
# - an element of a 1-D array, and a whole-array reduction, is a Python int, float or bool
#   (numpy: its own scalar types).
# - fft needs a power-of-two length (numpy takes any): ValueError.
# - cross needs 3-vectors (numpy also takes 2-vectors): ValueError.
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, err, fft, U8, I8, U16, I16, F, B

show(np.array([1, 2, 3]), np.array([[1, 2], [3, 4]]), np.array(range(3)))
show(np.sqrt(np.array([0, 4, 9, 255], dtype=U8)), np.exp(np.array([-1, 0, 1], dtype=I8)))
show(np.log(np.array([1, 100], dtype=U16)), np.cos(np.array([-32768, 32767], dtype=I16)))
u = np.array([7, 8], dtype=U8)
f = np.array([1.5])
print(type(u[0]).__name__, type(f[0]).__name__, type(np.array([True])[0]).__name__)
print(type(np.sum(u)).__name__, type(np.max(u)).__name__, type(np.mean(u)).__name__)
err(fft, np.array([1.0, 2.0, 3.0]))
err(fft, np.zeros(6))
err(lambda: np.cross(np.array([1.0, 2.0]), np.array([3.0, 4.0])))
# convolve of integer arrays gives floats (ulab computes in the port's float; numpy keeps ints)
show(np.convolve(np.array([1, 2], dtype=I16), np.array([3, -1], dtype=I16)))
