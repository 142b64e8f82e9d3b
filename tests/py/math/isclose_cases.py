# math.isclose: default and explicit tolerances, infinities, nan, errors
import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.inf, 1e308))
print(math.isclose(math.nan, math.nan), math.isclose(math.nan, 1.0))
print(math.isclose(1, 1), math.isclose(-1e-300, 1e-300), math.isclose(-1e-300, 1e-300, abs_tol=1e-299))
print(math.isclose(a=1, b=1.0000000001), math.isclose(1e200, 1.0000000001e200))
print(math.isclose(5, 5.000000001, rel_tol=0), math.isclose(5, 5, rel_tol=0, abs_tol=0))
for kw in [{'rel_tol': -1}, {'abs_tol': -0.1}]:
    try:
        math.isclose(1, 2, **kw)
    except ValueError as e:
        print('ValueError', e)
for args in [(1,), (1, 2, 3), ('a', 1)]:
    try:
        math.isclose(*args)
    except TypeError:
        print('TypeError', len(args))
try:
    math.isclose(1, 2, tol=1)
except TypeError:
    print('TypeError kw')
