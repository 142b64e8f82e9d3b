# copysign, fabs, isfinite, isinf, isnan on numbers of several kinds
import math
for x, y in [(1, -0.0), (-1, 0.0), (3, -2), (-3, 2), (0.0, -1), (math.inf, -1), (5, math.inf), (2, -math.inf)]:
    print(x, y, math.copysign(x, y))
print(math.copysign(1, math.copysign(math.nan, -1)))
for x in [1, -1, -2.5, 0, -0.0, math.inf, -math.inf, 10**20, -(10**20), True, False]:
    print(x, math.fabs(x), math.isfinite(x), math.isinf(x), math.isnan(x))
print(math.isnan(math.nan), math.isfinite(math.nan), math.isinf(math.nan))
print(math.isnan(math.fabs(math.nan)))
for f in [math.isfinite, math.isinf, math.isnan, math.fabs]:
    try:
        f('x')
    except TypeError:
        print(f.__name__, 'TypeError')
try:
    math.isnan(10**400)
except OverflowError as e:
    print('OverflowError', e)
