# ulab: the upcasting rules where ulab's differ from numpy's, so the expected output is
# upcast.py.exp (ulab's), not CPython's.
# - int8 with uint16 gives uint16 (numpy: int32), uint16 with int16 gives float (numpy: int32):
#   ulab has no 32-bit integer dtype.
# - a Python int takes the first of uint8, int8, uint16, int16 that holds it, else float,
#   whatever the array's dtype (numpy 1.24 picks the smallest dtype that keeps the array's
#   kind): so int8 + 2 is int16 (numpy: int8), int16 + 1000 float (numpy: int16),
#   uint16 + -1 uint16 (numpy: int32), uint8 + 70000 float (numpy: uint32).
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16

i8 = np.array([-2, 100], dtype=I8)
u16 = np.array([1, 65535], dtype=U16)
i16 = np.array([-1, 30000], dtype=I16)
u8 = np.array([250, 1], dtype=U8)

# int8 with uint16: uint16, wrapping negative results
show(i8 + u16, u16 + i8, i8 - u16, i8 * u16)
# uint16 with int16: float, no wrapping
show(u16 + i16, i16 + u16, u16 - i16, u16 * i16)

# Python ints: the dtype comes from the value alone
show(i8 + 2, i8 * 3, 5 - i8)
show(i16 + 1000, i16 - 40000, i16 * 300)
show(u16 + (-1), u16 - 2, u16 * (-2))
show(u8 + 70000, u8 - 100000)
