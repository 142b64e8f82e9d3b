# functools.reduce errors: empty sequence, non-iterable, bad function, argument count.
from functools import reduce

cases = [lambda: reduce(max, []), lambda: reduce(max, 5), lambda: reduce(1, [1, 2]),
         lambda: reduce(max), lambda: reduce(max, [], 1, 2), lambda: reduce(max, [1, "a"])]
for c in cases:
    try:
        print(c())
    except TypeError:
        print("TypeError")
print(reduce(1, [5]), reduce(1, [], 6))
try:
    reduce(lambda a, b: a / b, [1, 0])
except ZeroDivisionError:
    print("ZeroDivisionError")
