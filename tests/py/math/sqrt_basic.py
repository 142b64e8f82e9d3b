# math.sqrt: exact squares, irrational roots, ints, bools, signed zero, inf and nan
import math
for x in [0, 1, 4, 9, 2, 3, 0.25, 1e-300, 1e300, 10**20, True, 2.0**-1074]:
    print(x, math.sqrt(x))
print(math.sqrt(-0.0), math.sqrt(0.0))
print(math.sqrt(math.inf))
print(math.sqrt(math.nan))
for bad in [-1, -1e-300, -math.inf]:
    try:
        math.sqrt(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    math.sqrt(10**400)
except OverflowError as e:
    print('OverflowError', e)
for bad in ['4', None, [4], b'4']:
    try:
        math.sqrt(bad)
    except TypeError:
        print('TypeError', type(bad).__name__)
