# itertools.islice argument checks: negatives, zero step, floats, ints past sys.maxsize.
import sys
from itertools import islice

cases = [(-1,), (0, -1), (-1, 5), (0, 5, 0), (0, 5, -1), (1.5,), ("a",), (0, 5, 1.0),
         (10**30,), (0, 10**30), (0, 5, 10**30), (-10**30,), (sys.maxsize + 1,)]
for args in cases:
    try:
        islice("abc", *args)
        print(args, "ok")
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
print(list(islice("abc", sys.maxsize)))
print(list(islice("abc", 1, sys.maxsize, sys.maxsize)))
print(list(islice("abcdef", 2**40)))
print(list(islice("abcdef", 2**62 + 1)))
for args in [(), ("abc",), ("abc", 1, 2, 3, 4)]:
    try:
        islice(*args)
    except TypeError:
        print("TypeError: arg count")
try:
    islice(5, 2)
except TypeError:
    print("TypeError: not iterable")
try:
    islice("abc", stop=2)
except TypeError:
    print("TypeError: keyword")
