# Set operators on small ints.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(sorted(a.union([9], (8,))), a.intersection(range(3)), a.issubset(range(10)))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, {1, 5} <= a)
print(a.isdisjoint({7, 8}), a.isdisjoint(b), {1, 2} == {2, 1}, {1} != {1, 2})
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 3}
print(sorted(c))
