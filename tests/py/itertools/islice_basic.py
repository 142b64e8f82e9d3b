# itertools.islice: stop, start/stop/step, None for any of them.
from itertools import islice

s = "ABCDEFG"
print(list(islice(s, 2)))
print(list(islice(s, 2, 4)))
print(list(islice(s, 2, None)))
print(list(islice(s, 0, None, 2)))
print(list(islice(s, None)))
print(list(islice(s, None, None, None)))
print(list(islice(s, 1, 100, 3)))
print(list(islice(s, 0)))
print(list(islice(s, 5, 2)))
print(list(islice(s, 100, 200)))
print(list(islice(range(20), 3, 15, 4)))
print(list(islice([], 3)))
print(list(islice(iter(s), 3)))
i = islice(s, 3)
print(iter(i) is i, next(i), list(i), list(i))
print(list(islice(s, True)))
