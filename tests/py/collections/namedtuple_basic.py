# namedtuple: construction, attribute and index access, tuple behaviour, repr.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, repr(p), str(p), p.x + p.y, p[0] + p[1], len(p))
x, y = p
print(x, y, list(p), tuple(p), p == (11, 22), p == Point(11, 22), p != Point(1, 2))
print(p < Point(12, 0), hash(p) == hash((11, 22)), p in {(11, 22)}, 22 in p)
print(p + (1,), p * 2, p[::-1], p.index(22), p.count(11))
print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__, Point.__name__)
print(Point._fields, Point.__doc__)
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))
print({p: "v"}[(11, 22)])
print(Point(x=1, y=2), Point(*[3, 4]), Point(**{"x": 5, "y": 6}))
print("%s-%s" % p, "{0.x}/{0.y}".format(p), f"{p.x}")
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()), Empty._fields)
One = namedtuple("One", "a")
print(One(1), One(a=[2]))
