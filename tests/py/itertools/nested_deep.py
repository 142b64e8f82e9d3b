# Iterators nested a few hundred levels deep still work.
from itertools import chain, islice, count

it = iter(range(5))
for _ in range(300):
    it = chain(it, [])
print(list(it))
it = count()
for _ in range(300):
    it = islice(it, 1000)
print(list(islice(it, 3)))
it = iter([])
for i in range(200):
    it = chain([i], it)
print(sum(it))
