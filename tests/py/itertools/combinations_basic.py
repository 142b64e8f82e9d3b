# itertools.combinations: lexicographic by position, r=0, r > n, r = n.
from itertools import combinations

print(list(combinations("ABCD", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations("ab", 0)))
print(list(combinations("ab", 2)))
print(list(combinations("ab", 3)))
print(list(combinations([], 0)))
print(list(combinations([], 1)))
print(list(combinations("aab", 2)))
print(list(combinations(iterable="xyz", r=2)))
print(len(list(combinations(range(10), 4))))
