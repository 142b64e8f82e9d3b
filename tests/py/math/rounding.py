# ceil, floor, trunc: int results, big floats, ints unchanged, special values
import math
for x in [0.5, -0.5, 1.0, -1.0, 2.7, -2.7, 1e16 + 0.5, 1e20, -1e20, 2.0**70, 0.0, -0.0, 1e-300]:
    print(x, math.ceil(x), math.floor(x), math.trunc(x))
for x in [0, 5, -5, 10**30, -10**30, True]:
    print(x, math.ceil(x), math.floor(x), math.trunc(x), type(math.ceil(x)).__name__)
print(type(math.floor(2.5)).__name__, type(math.trunc(2.5)).__name__)
for f in [math.ceil, math.floor, math.trunc]:
    for bad in [math.inf, -math.inf, math.nan]:
        try:
            f(bad)
        except (ValueError, OverflowError) as e:
            print(f.__name__, bad, type(e).__name__, e)
    try:
        f('1')
    except TypeError:
        print(f.__name__, 'TypeError')
