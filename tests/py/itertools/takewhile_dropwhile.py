# itertools.takewhile / dropwhile: stop or start at the first failing item.
from itertools import takewhile, dropwhile

data = [1, 4, 6, 4, 1]
print(list(takewhile(lambda x: x < 5, data)))
print(list(dropwhile(lambda x: x < 5, data)))
print(list(takewhile(lambda x: True, [])), list(dropwhile(lambda x: True, [])))
print(list(takewhile(lambda x: False, data)), list(dropwhile(lambda x: False, data)))
print(list(takewhile(bool, [1, 2, 0, 3])), list(dropwhile(bool, [1, 2, 0, 3])))
it = iter(range(10))
print(list(takewhile(lambda x: x < 3, it)), next(it))
t = takewhile(lambda x: x < 3, [1, 5, 1])
print(list(t), list(t))
calls = []
d = dropwhile(lambda x: calls.append(x) or x < 2, [0, 1, 2, 0, 1])
print(list(d), calls)
try:
    list(takewhile(None, [1]))
except TypeError:
    print("TypeError: None predicate")
