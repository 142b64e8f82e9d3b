# itertools.accumulate errors: mixed types fail at the step that adds them.
from itertools import accumulate

a = accumulate([1, 2, "x", 4])
print(next(a), next(a))
try:
    next(a)
except TypeError:
    print("TypeError")
try:
    accumulate(5)
except TypeError:
    print("TypeError: not iterable")
a = accumulate([1, 2], 5)
print(next(a))
try:
    next(a)
except TypeError:
    print("TypeError: func not callable")
try:
    accumulate([1], initial=0, foo=1)
except TypeError:
    print("TypeError: keyword")
