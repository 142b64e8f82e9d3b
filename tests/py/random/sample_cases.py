# sample: distinct picks, sizes, sequences of many kinds, errors
import random
random.seed(77)
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= x < 100 for x in s), type(s).__name__)
s = random.sample('abcdef', 6)
print(sorted(s))
print(random.sample([1, 2, 3], 0), random.sample((), 0))
s = random.sample(range(10**9), 5)
print(len(set(s)), all(0 <= x < 10**9 for x in s))
s = random.sample([[1], [2], [3]], 3)
print(sorted(s))
pop = [1, 1, 2]
print(sorted(random.sample(pop, 3)), pop)
seen = set()
for _ in range(500):
    seen.update(random.sample(range(8), 2))
print(sorted(seen))
s = random.sample(population=range(5), k=5)
print(sorted(s))
for args in [([1, 2], 3), ([1, 2], -1)]:
    try:
        random.sample(*args)
    except ValueError as e:
        print('ValueError', e)
for bad in [{1, 2}, {1: 2}, frozenset([1])]:
    try:
        random.sample(bad, 1)
    except TypeError as e:
        print('TypeError', e)
try:
    random.sample([1, 2])
except TypeError:
    print('TypeError missing k')
