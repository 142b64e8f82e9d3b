# ints too big for a float: OverflowError in float functions, fine in log and integer ones
import math
big = 10**400
for name in ['sqrt', 'exp', 'sin', 'fabs', 'isnan', 'floor' if False else 'degrees', 'erf']:
    try:
        getattr(math, name)(big)
    except OverflowError as e:
        print(name, 'OverflowError', e)
print(math.floor(big) == big, math.ceil(-big) == -big, math.trunc(big) == big)
print(math.log(big), math.log10(big), math.log2(big), math.log1p(10**300))
print(math.gcd(big, 10**399), math.isqrt(big) == 10**200, math.factorial(5) * big == 120 * big)
try:
    math.pow(big, 1)
except OverflowError as e:
    print('pow OverflowError', e)
try:
    math.hypot(big, 1)
except OverflowError as e:
    print('hypot OverflowError', e)
try:
    math.fsum([big])
except OverflowError as e:
    print('fsum OverflowError', e)
try:
    math.isclose(big, big)
except OverflowError as e:
    print('isclose OverflowError', e)
print(math.prod([big, big]) == 10**800)
