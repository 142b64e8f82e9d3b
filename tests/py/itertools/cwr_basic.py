# itertools.combinations_with_replacement: items may repeat; empty pools.
from itertools import combinations_with_replacement as cwr

print(list(cwr("ABC", 2)))
print(list(cwr(range(3), 3)))
print(list(cwr("ab", 0)))
print(list(cwr("", 0)))
print(list(cwr("", 2)))
print(list(cwr("a", 4)))
print(len(list(cwr(range(5), 3))))
c = cwr("ab", 1)
print(next(c), list(c), list(c))
