# float arrays: rounding to float32, special values, int items, errors
import array
import math
a = array.array('f', [0.1, 1 / 3, 1e-40, 3.4028235e38, 1e39, -1e300, math.inf, 2**24 + 1])
print(a)
d = array.array('d', [0.1, 1 / 3, 5e-324, math.inf, -math.inf, 2**53 + 1, True])
print(d)
n = array.array('d', [math.nan])
print(math.isnan(n[0]), n == n, n[0] == n[0])
a[0] = 7
a[1] = True
print(a[0], a[1], type(a[0]).__name__)
for bad in ['1', None, [1.0], 10**400]:
    try:
        array.array('d', [bad])
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 4
print(array.array('d', [F(), I()]), array.array('f', [F()]))
