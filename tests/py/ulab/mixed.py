# ulab: operators on mixed dtypes where ulab's upcasting agrees with numpy's (the cases where
# they differ are in upcast.py): the result's dtype and its values, arrays and Python numbers
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

def arr(t):
    return np.array([200, 3], dtype=t) if t in (U8, U16) else np.array([-100, 3], dtype=t)

# array with array: each pair whose result numpy and ulab agree on
pairs = ((U8, U8), (U8, I8), (U8, U16), (U8, I16), (I8, I8), (I8, I16), (U16, U16),
         (I16, I16), (U8, F), (I8, F), (U16, F), (I16, F), (F, F), (B, U8), (B, F))
for l, r in pairs:
    a, b = arr(l), arr(r)
    show(a + b, b + a, a - b, a * b)
    show(a / b, a == b, a < b)

# wrap-around happens in the result's dtype
show(np.array([255], dtype=U8) + np.array([65535], dtype=U16))
show(np.array([200], dtype=U8) * np.array([-100], dtype=I8))
show(np.array([-128], dtype=I8) - np.array([32767], dtype=I16))

# Python numbers: an int takes the smallest dtype that holds it, a float gives float
u8 = np.array([250, 1], dtype=U8)
i8 = np.array([-120, 1], dtype=I8)
u16 = np.array([65000, 1], dtype=U16)
i16 = np.array([-32000, 1], dtype=I16)
show(u8 + 10, u8 + 300, 300 + u8, u8 - 1, u8 + (-1), u8 * 2)
show(u8 + 1.5, u8 * 0.5, 2.0 - u8, u8 / 2)
show(i8 + (-100), i8 - 200, i8 + 200, i8 * 0.5)
show(u16 + 40000, u16 + 1000, u16 * 2)
show(i16 + 2, i16 - 100, i16 + (-200), i16 * 0.5)
show(u8 > 100, i8 < -100, u16 >= 65000, i16 == 1)
