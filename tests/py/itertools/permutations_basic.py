# itertools.permutations: full and partial, r=0, r > n, duplicates kept by position.
from itertools import permutations

print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations("ab", 0)))
print(list(permutations("ab", 3)))
print(list(permutations([])))
print(list(permutations([], 0)))
print(list(permutations("aab", 2)))
print(list(permutations("abc", r=1)))
print(list(permutations("ab", None)))
print(len(list(permutations(range(6)))), len(list(permutations(range(6), 3))))
p = permutations("ab")
print(next(p), list(p), list(p))
