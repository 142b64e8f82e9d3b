# gamma and lgamma: exact factorials, poles (domain errors), overflow; other values rounded
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError) as e:
        print(f.__name__, a, type(e).__name__, e)
for n in range(1, 24):
    print(n, math.gamma(n))
for x in [0.5, 1.5, -0.5, -1.5, 2.5, 10.1, 100.5, 1e-5, -3.7]:
    print(x, '%.12g' % math.gamma(x), '%.12g' % math.lgamma(x))
print(math.lgamma(1), math.lgamma(2), math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf))
for x in [0, -0.0, -1, -2, -100, -math.inf]:
    t(math.gamma, x)
for x in [0, -1, -2.0, -1e10]:
    t(math.lgamma, x)
t(math.gamma, 172)
print('%.12g' % math.gamma(171.5))
t(math.lgamma, 1e308)
print('%.12g' % math.gamma(171))
print(math.isnan(math.gamma(math.nan)), math.isnan(math.lgamma(math.nan)))
