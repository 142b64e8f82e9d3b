# itertools.groupby: a group is valid only until the groupby advances.
from itertools import groupby

groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
it = groupby("aaabbc")
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g1), list(g2))
k3, g3 = next(it)
print(k3, list(g3), list(g3))
try:
    next(it)
except StopIteration:
    print("done")
it = groupby([1, 1, 2])
k, g = next(it)
print(list(g), list(g))
print(next(it)[0])
