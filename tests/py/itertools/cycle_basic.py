# itertools.cycle: repeats the items, reads its input only once, empty input stops.
from itertools import cycle, islice

print(list(islice(cycle("abc"), 8)))
print(list(islice(cycle([1]), 3)))
print(list(cycle([])))
print(list(cycle("")))

def gen():
    for i in range(3):
        print("gen", i)
        yield i

c = cycle(gen())
print([next(c) for _ in range(7)])
c = cycle(iter([]))
print(list(c), list(c))
try:
    cycle(5)
except TypeError:
    print("TypeError")
try:
    cycle()
except TypeError:
    print("TypeError: no args")
c = cycle([1, 2])
print(iter(c) is c)
