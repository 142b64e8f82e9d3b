# itertools.tee: n must be a non-negative int; the input must be iterable.
from itertools import tee

for n in (-1, "2", 1.5):
    try:
        tee("ab", n)
        print("ok")
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
try:
    tee(5)
except TypeError:
    print("TypeError: not iterable")
try:
    tee()
except TypeError:
    print("TypeError: no args")
a, b = tee(iter([1, 2, 0, 3]))
it = (10 // x for x in a)
print(next(it), next(it))
try:
    next(it)
except ZeroDivisionError:
    print("ZeroDivisionError")
print(list(b))
