# itertools.groupby: consecutive runs, with and without a key function.
from itertools import groupby

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 10, 11, 20], key=lambda x: x // 10)])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print(list(groupby([])))
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
print([(k, list(g)) for k, g in groupby(x % 3 for x in [0, 3, 1, 4, 2])])
g = groupby("aab")
print(iter(g) is g)
