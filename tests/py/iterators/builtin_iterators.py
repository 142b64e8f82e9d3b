# Iterators over builtin containers are single-use.
for container in ([1, 2], (1, 2), "ab", b"ab", {1: 0, 2: 0}, range(2), {"k": 1}.items()):
    it = iter(container)
    first = list(it)
    second = list(it)
    print(type(container).__name__, first, second)
it = iter([1, 2, 3])
print(next(it), [x for x in it])
e = enumerate("ab")
print(iter(e) is e, list(e), list(e))
z = zip("ab", "cd")
print(iter(z) is z, list(z), list(z))
m = map(str, [1])
print(list(m), list(m))
