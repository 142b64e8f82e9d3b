# repr of defaultdict: the factory's repr, then the dict; recursion is cut.
from collections import defaultdict

print(defaultdict(list), defaultdict(int, {"a": 1}), defaultdict(None, x=[]))
print(repr(defaultdict()), str(defaultdict(dict)))

class Factory:
    def __call__(self):
        return 0

    def __repr__(self):
        return "Factory()"

print(defaultdict(Factory(), {1: 2}))
d = defaultdict(list)
d["self"] = d
print(repr(d))
d = defaultdict(None)
d["x"] = d
print(repr(d))
print([defaultdict(set, k={1})])
