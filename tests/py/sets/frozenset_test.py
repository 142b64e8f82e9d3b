# frozenset is immutable and hashable.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, type(f).__name__)
print(f | {4}, type(f | {4}).__name__, f & {1, 9}, f - {1})
print(frozenset() == set(), frozenset([1]) == {1}, {frozenset([1]): "key"}[frozenset([1])])
s = {frozenset([1, 2]), frozenset([2, 1])}
print(len(s))
try:
    f.add(5)
except AttributeError:
    print("AttributeError: frozenset has no add")
print(sorted(frozenset("ab")), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
