# Counter: counting, missing keys are zero, most_common, elements, total, repr.
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["z"], "z" in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), c.total())
print(Counter(), Counter([]), Counter({"x": 2, "y": 0}), Counter(a=3, b=1))
print(Counter(["red", "blue", "red", "green", "blue", "blue"]))
print(Counter(x % 3 for x in range(10)))
c = Counter(a=2, b=-1, c=0)
print(list(c.elements()), c.total())
c["d"] += 4
del c["a"]
del c["nope"]
print(c, isinstance(c, dict), type(c).__name__)
print(Counter("aab") == Counter("aba"), Counter(a=1) == Counter(a=1, b=0))
print(Counter({"a": 1}).copy(), type(Counter().copy()).__name__)
try:
    Counter.fromkeys("ab")
except NotImplementedError:
    print("NotImplementedError")
print(Counter({"tie1": 2, "tie2": 2, "big": 3, "tie0": 2}).most_common())
