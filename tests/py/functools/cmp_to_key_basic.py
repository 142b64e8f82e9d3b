# functools.cmp_to_key: old-style comparison functions as sort keys.
from functools import cmp_to_key

def numeric(a, b):
    return a - b

def by_len_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)

print(sorted([5, 2, 9, 1], key=cmp_to_key(numeric)))
print(sorted([5, 2, 9, 1], key=cmp_to_key(numeric), reverse=True))
print(sorted(["bb", "a", "ccc", "aa", "c"], key=cmp_to_key(by_len_then_reverse)))
print(min([3, 1, 2], key=cmp_to_key(numeric)), max("hello", key=cmp_to_key(lambda a, b: ord(a) - ord(b))))
K = cmp_to_key(numeric)
a, b = K(1), K(2)
print(a < b, a > b, a == b, a != b, a <= K(1), b >= a, a.obj, b.obj)
a.obj = 5
print(a > b)
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=cmp_to_key(lambda x, y: x[0] - y[0])))
l = [3, 1, 2]
l.sort(key=cmp_to_key(lambda a, b: 1.5 if a > b else (-0.5 if a < b else 0)))
print(l)
