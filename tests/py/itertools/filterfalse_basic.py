# itertools.filterfalse: items whose predicate is false; None means truthiness.
from itertools import filterfalse

print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(filterfalse(str.isdigit, "a1b2c3")))
print(list(filterfalse(lambda x: True, "abc")))
print(list(filterfalse(None, (x - 2 for x in range(5)))))
try:
    list(filterfalse(5, [1]))
except TypeError:
    print("TypeError")
