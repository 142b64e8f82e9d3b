# functools.reduce: left fold, with and without an initial value.
from functools import reduce

print(reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(reduce(lambda a, b: a + b, [1, 2, 3], 10))
print(reduce(lambda a, b: a * b, range(1, 8)))
print(reduce(lambda a, b: a + [b], "abc", []))
print(reduce(max, [3, 9, 2]), reduce(min, (x for x in [3, 9, 2])))
print(reduce(lambda a, b: a, [], "init"), reduce(lambda a, b: a, [7]))
print(reduce(lambda a, b: (a, b), "abcd"))
print(reduce(lambda acc, kv: {**acc, kv[0]: kv[1]}, [("x", 1), ("y", 2)], {}))
