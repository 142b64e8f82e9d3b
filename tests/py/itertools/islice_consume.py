# itertools.islice consumes exactly what CPython does from the underlying iterator.
from itertools import islice

it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 0)), next(it))
it = iter(range(10))
print(list(islice(it, 4, 4)), next(it))
it = iter(range(10))
s = islice(it, 1, 8, 3)
print(next(s), next(it))
print(next(s), next(it))

def noisy():
    for i in range(6):
        print("read", i)
        yield i

print(list(islice(noisy(), 1, 5, 2)))
