# math.factorial: small and big values, bools, __index__, errors
import math
for n in [0, 1, 2, 5, 10, 20, 21, 25, 50, True, False]:
    print(n, math.factorial(n))
f = math.factorial(1000)
print(len(str(f)), f % (10**9 + 7), str(f)[:30])
print(math.factorial(3000) == math.prod(range(1, 3001)))
class I:
    def __index__(self):
        return 6
print(math.factorial(I()))
for bad in [-1, -10**30]:
    try:
        math.factorial(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    math.factorial(10**30)
except OverflowError as e:
    print('OverflowError', e)
for bad in [5.0, 5.5, '5', None]:
    try:
        math.factorial(bad)
    except TypeError:
        print('TypeError', type(bad).__name__)
