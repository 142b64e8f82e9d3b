# frexp, ldexp and modf, including huge exponents and special values
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, a, type(e).__name__, e)
for x in [0.0, -0.0, 1.0, 0.5, 3.0, -10.0, 1e300, 5e-324, 2**52 + 1, 7, math.inf, -math.inf]:
    t(math.frexp, x)
    t(math.modf, x)
m, e = math.frexp(math.nan)
print(math.isnan(m), e)
a, b = math.modf(math.nan)
print(math.isnan(a), math.isnan(b))
for x, i in [(1, 10), (0.5, 1), (1, -1074), (1, -1075), (1, 1023), (1, 1024), (-1, 1024),
             (3, 10**100), (-3, 10**100), (3, -10**100), (-3, -10**100), (0.0, 10**100),
             (math.inf, -5), (1.5, True), (1e-300, 2000), (0.75, -2000)]:
    t(math.ldexp, x, i)
t(math.ldexp, 1, 2.0)
t(math.ldexp, 1, '2')
print(math.isnan(math.ldexp(math.nan, 10)))
