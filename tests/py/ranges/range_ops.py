# range objects: equality, slicing into ranges, reversed, use as sequence arguments.
print(range(0, 10, 2)[1:3], range(0, 10, 2)[::-1], range(10)[-3:], range(10)[::3])
print(range(5) == range(5), range(0, 5, 2) == range(0, 6, 2), range(2) != range(3))
print(list(range(5))[::-1] == list(reversed(range(5))))
print(tuple(range(3)), sum(range(0, 100, 7)), list(map(lambda i: i * i, range(4))))
print(bool(range(0)), bool(range(1, 0)), bool(range(-1, 0)))
print(range(3).index(2), range(0, 20, 5).count(15))
