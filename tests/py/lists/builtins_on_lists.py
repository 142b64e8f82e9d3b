# len, sum, min, max, sorted, reversed, enumerate, zip on lists.
l = [4, -2, 7, 0, 7]
print(len(l), sum(l), min(l), max(l), sorted(l), list(reversed(l)))
print(list(enumerate(l, 1))[:2], list(zip(l, "abcde"))[-1])
print(any(l), all(l), all([]), any([]))
print(l.index(max(l)), sum(l) / len(l))
print(max(l, key=abs), min(["bb", "a", "ccc"], key=len))
print(list(filter(lambda v: v > 0, l)), list(map(lambda v: v * v, l)))
