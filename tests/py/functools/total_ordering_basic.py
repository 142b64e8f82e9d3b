# functools.total_ordering fills in the missing comparisons from any one of them.
from functools import total_ordering

def make(root):
    class V:
        def __init__(self, v):
            self.v = v

        def __eq__(self, other):
            return self.v == other.v

    ops = {"__lt__": lambda s, o: s.v < o.v, "__le__": lambda s, o: s.v <= o.v,
           "__gt__": lambda s, o: s.v > o.v, "__ge__": lambda s, o: s.v >= o.v}
    setattr(V, root, ops[root])
    return total_ordering(V)

for root in ("__lt__", "__le__", "__gt__", "__ge__"):
    V = make(root)
    rows = []
    for a in (1, 2):
        for b in (1, 2):
            x, y = V(a), V(b)
            rows.append((x < y, x <= y, x > y, x >= y))
    print(root, rows)

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2)]
print(sorted(vs), max(vs), Version(1) >= Version(0, 9), Version(1) > Version(1))
print(Version.__gt__.__name__, Version.__le__.__name__)
