# itertools.repeat: forever or a number of times; zero/negative times; repr.
from itertools import repeat, islice

print(list(repeat("x", 3)))
print(list(repeat("x", 0)), list(repeat("x", -5)))
print(list(islice(repeat(7), 4)))
print(list(repeat(None, times=2)))
print(list(repeat(object=1, times=2)))
r = repeat([1], 2)
a = next(r)
b = next(r)
print(a is b, list(r))
print(repr(repeat(5)), repr(repeat("a", 3)), repr(repeat("a", -3)))
r = repeat(1, 3)
next(r)
print(repr(r))
print(list(map(pow, range(5), repeat(2))))
print(list(zip("abc", repeat(0))))
for bad in ["a", 1.5]:
    try:
        repeat(1, bad)
    except TypeError:
        print("TypeError")
try:
    repeat()
except TypeError:
    print("TypeError: no args")
