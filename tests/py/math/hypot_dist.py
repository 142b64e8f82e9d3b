# hypot with any number of coordinates, dist between points
import math
print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12))
print(math.hypot(1, 1), math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300), math.hypot(5e-324, 5e-324))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, -math.inf), math.isnan(math.hypot(math.nan, 1)))
print(math.hypot(*range(10)), math.hypot(*[0.1] * 100), math.hypot(10**20, 1))
print(math.hypot(1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5))
print(math.hypot(True, False), math.hypot(-0.0, 0.0))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((), ()))
print(math.dist((1.5,), (-2.5,)), math.dist((1e300, 1e300), (-1e300, -1e300)))
print(math.dist(range(5), [0, 0, 0, 0, 0]))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print('ValueError', e)
for bad in [('a', 1), (1, 2, 'x')]:
    try:
        math.hypot(*bad)
    except TypeError:
        print('TypeError')
