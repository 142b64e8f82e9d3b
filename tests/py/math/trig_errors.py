# domain errors of the trigonometric functions
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError) as e:
        print(f.__name__, a, type(e).__name__, e)
for f in [math.sin, math.cos, math.tan]:
    t(f, math.inf)
    t(f, -math.inf)
for f in [math.asin, math.acos]:
    t(f, 1.0000001)
    t(f, -2)
    t(f, math.inf)
    t(f, 1)
    t(f, -1)
try:
    math.atan2(1)
except TypeError:
    print('TypeError')
