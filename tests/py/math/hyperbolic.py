# sinh cosh tanh asinh acosh atanh, with their overflow and domain errors
import math
def t(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except (ValueError, OverflowError) as e:
        print(f.__name__, a, type(e).__name__, e)
for x in [0, 0.5, 1, -1, 2, 20, -0.0, 1e-10]:
    print(x, math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
for x in [1, 2, 10, 1e10, 1e300]:
    print('acosh', x, math.acosh(x))
for x in [0, 0.5, -0.5, 0.99, -0.0]:
    print('atanh', x, math.atanh(x))
t(math.sinh, 711)
t(math.sinh, -711)
t(math.cosh, 711)
t(math.cosh, -1000)
t(math.tanh, 1000)
t(math.acosh, 0.5)
t(math.acosh, -1)
t(math.atanh, 1)
t(math.atanh, -1)
t(math.atanh, 2)
t(math.sinh, math.inf)
t(math.cosh, -math.inf)
t(math.tanh, -math.inf)
t(math.asinh, -math.inf)
t(math.acosh, math.inf)
