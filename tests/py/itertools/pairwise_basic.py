# itertools.pairwise: overlapping pairs; fewer than two items give nothing.
from itertools import pairwise, count, islice

print(list(pairwise("ABCD")))
print(list(pairwise("A")), list(pairwise("")))
print(list(pairwise(range(3))))
print(list(islice(pairwise(count()), 3)))
p = pairwise(x * x for x in range(4))
print(next(p), list(p), list(p))
print([b - a for a, b in pairwise([1, 4, 9, 16])])
try:
    pairwise(5)
except TypeError:
    print("TypeError")
