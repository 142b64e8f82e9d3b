# enumerate() and zip().
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
print(list(enumerate("ab", start=-1)))
e = enumerate("xy")
print(next(e), next(e), next(e, None))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(zip("a")), list(zip(range(3), range(3), range(3))))
names, ages = zip(*[("ann", 30), ("bob", 25)])
print(names, ages)
z = zip(iter([1, 2]), iter([3]))
print(list(z), list(z))
print(dict(zip("abc", range(3))))
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
