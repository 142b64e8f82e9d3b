# Tuple packing and unpacking.
point = 3, 4
x, y = point
print(x, y)
a, b, c = "xyz"
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)


def minmax(seq):
    return min(seq), max(seq)


lo, hi = minmax([5, 3, 9])
print(lo, hi)
try:
    a, b = (1, 2, 3)
except ValueError:
    print("ValueError: too many values")
try:
    a, b, c = (1, 2)
except ValueError:
    print("ValueError: not enough values")
