# defaultdict: copy keeps the factory, | and |= keep the type, factory can change.
from collections import defaultdict

d = defaultdict(list, a=[1])
c = d.copy()
c["b"].append(2)
print(d, c, type(c).__name__, c.default_factory)
e = d.__copy__()
print(e, e is d)
print(d | {"z": 0}, type(d | {}).__name__)
d |= {"q": [9]}
print(d)
d.default_factory = int
print(d["n"], d)
d.default_factory = None
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
print(d == {"a": [1], "q": [9], "n": 0}, {"a": [1], "q": [9], "n": 0} == d)
del d["n"]
print(d.pop("q"), d.setdefault("s", 5), d)
print(sorted(d), list(d.values()))
d.update({"u": 1}, v=2)
print(d)
