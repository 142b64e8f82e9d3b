# the math module's names (functions and constants CPython and MicroPython share, and more)
import math
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos',
         'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor',
         'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan',
         'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter',
         'perm', 'pi', 'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau',
         'trunc', 'ulp']
print([n for n in names if not hasattr(math, n)])
print(all(callable(getattr(math, n)) for n in names if n not in ('e', 'pi', 'tau', 'inf', 'nan')))
print(math.sqrt.__name__, type(math.sqrt).__name__)
from math import sqrt, pi as PI
print(sqrt(PI * PI))
try:
    math.nonexistent
except AttributeError:
    print('AttributeError')
