# map() and filter() are lazy iterators.
m = map(lambda x: x * 2, [1, 2, 3])
print(type(m).__name__, list(m), list(m))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
f = filter(lambda x: x % 2, range(10))
print(type(f).__name__, list(f))
print(list(filter(None, [0, "", None, 1, "a", [], [0]])))
print(list(filter(str.isdigit, "a1b2c3")))
log = []
m = map(lambda v: log.append(v) or v, [1, 2])
print(log)
next(m)
print(log)
