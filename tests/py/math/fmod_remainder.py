# fmod and remainder: signs, exactness, special values and errors
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError) as e:
        print(f.__name__, a, type(e).__name__, e)
for x, y in [(7, 3), (-7, 3), (7, -3), (-7, -3), (5.5, 2), (1e300, 3), (0.0, 1), (-0.0, 1),
             (1, math.inf), (-1, math.inf), (1, -math.inf), (10, 0.1), (2**60, 7)]:
    t(math.fmod, x, y)
    t(math.remainder, x, y)
t(math.fmod, 1, 0)
t(math.fmod, math.inf, 1)
t(math.fmod, -math.inf, 2)
t(math.remainder, 1, 0)
t(math.remainder, math.inf, 2)
t(math.remainder, 3, 2)
t(math.remainder, 5, 2)
t(math.remainder, -5, 2)
print(math.isnan(math.fmod(math.nan, 1)), math.isnan(math.fmod(1, math.nan)))
print(math.isnan(math.remainder(math.nan, 0)), math.isnan(math.remainder(math.inf, math.nan)))
