# domain and range errors of exp/log: messages are CPython's
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(f.__name__, a, type(e).__name__, e)
t(math.exp, 710)
t(math.exp, 1e308)
t(math.exp2, 1025)
t(math.expm1, 710)
t(math.log, 0)
t(math.log, 0.0)
t(math.log, -1)
t(math.log, -math.inf)
t(math.log2, 0)
t(math.log10, -5)
t(math.log1p, -1)
t(math.log1p, -2)
t(math.log, 10, 1)
t(math.log, 10, 0)
t(math.log, 10, -2)
t(math.log, 0, 10)
t(math.log, 1.0, 1.0)
t(math.log, -(10**400))
t(math.log, 0, 0)
