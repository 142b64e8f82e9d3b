# itertools.count: start, step (ints, floats, negative), keywords and repr.
from itertools import count, islice

print(list(islice(count(), 5)))
print(list(islice(count(10), 3)))
print(list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)))
print(list(islice(count(start=3, step=3), 3)))
print(list(islice(count(step=10), 3)))
print(list(islice(count(1, 0), 3)))
print(list(islice(count(True), 2)))
c = count(7)
print(next(c), next(c), repr(c))
print(repr(count()), repr(count(3)), repr(count(3, 2)), repr(count(-1, -1)))
print(repr(count(1.5)), repr(count(0, 0.5)))
c = count(2, 3)
next(c)
print(repr(c))
print(iter(c) is c)
for i in count(100):
    if i > 102:
        break
    print(i, end=" ")
print()
