# Comparisons between big and small ints, and sorting.
vals = [2 ** 100, -(2 ** 100), 0, 1, -1, 2 ** 64, 2 ** 64 - 1, -(2 ** 64), 10 ** 30, -(10 ** 19)]
print(sorted(vals))
print(max(vals), min(vals))
print(2 ** 100 > 2 ** 99, -(2 ** 100) < -(2 ** 99), 2 ** 64 == 2 ** 64, 2 ** 64 != 2 ** 64 + 1)
print(2 ** 64 in {2 ** 64: 1}, hash(2 ** 64) == hash(2 ** 64), hash(10 ** 30) == hash(10 ** 30))
d = {2 ** 70: "big", 1: "small"}
print(d[2 ** 70], d[1])
