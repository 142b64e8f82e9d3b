# uniform with ints, floats, negative and reversed bounds; its TypeError
import random
random.seed(3)
for a, b in [(0, 1), (-1, 1), (1e6, 1e6 + 1), (5, -5), (0.5, 0.5), (True, 3)]:
    vals = [random.uniform(a, b) for _ in range(200)]
    lo, hi = min(a, b), max(a, b)
    print(a, b, all(lo <= v <= hi for v in vals), type(vals[0]).__name__)
try:
    random.uniform('a', 1)
except TypeError:
    print('TypeError')
try:
    random.uniform(1)
except TypeError:
    print('TypeError one arg')
print(sorted(n for n in ['seed', 'getrandbits', 'randrange', 'randint', 'random', 'uniform', 'choice', 'shuffle', 'sample'] if hasattr(random, n)))
