# math.pow: C99 special values, domain and range errors (unlike **, always float)
import math
def t(*a):
    try:
        print(a, repr(math.pow(*a)))
    except (ValueError, OverflowError) as e:
        print(a, type(e).__name__, e)
inf, nan = math.inf, math.nan
for x, y in [(2, 10), (2, -1), (2, 0.5), (-2, 3), (-2, -3), (-8, 1/3), (0, 0), (0, 5), (0.0, -1),
             (-0.0, -1), (-0.0, 3), (-0.0, 2), (1, nan), (nan, 0), (nan, 1), (1, inf), (-1, inf),
             (-1, -inf), (0.5, inf), (0.5, -inf), (2, inf), (2, -inf), (inf, 2), (inf, -2),
             (-inf, 3), (-inf, 2), (-inf, -3), (-inf, -2), (inf, 0), (10, 308), (10, 309),
             (2, 1024), (-2, 1025), (10, -400), (1e-300, 2), (-1, 0.5), (-0.5, 1.5), (3, 2)]:
    t(x, y)
print(type(math.pow(2, 2)).__name__)
