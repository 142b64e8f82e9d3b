# Classes derived from a namedtuple: methods, properties, repr overrides.
from collections import namedtuple

class Point(namedtuple("Point", "x y")):
    @property
    def hypot(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __str__(self):
        return "Point: x=%6.3f  y=%6.3f  hypot=%6.3f" % (self.x, self.y, self.hypot)

for p in Point(3, 4), Point(14, 5 / 7):
    print(p)
p = Point(3, 4)
print(repr(p), p._replace(x=6), p + (1,), type(p._replace(x=1)).__name__, p._fields)

class Vec(namedtuple("Vec", "a b")):
    def __add__(self, other):
        return Vec(self.a + other.a, self.b + other.b)

    def norm1(self):
        return abs(self.a) + abs(self.b)

v = Vec(1, -2) + Vec(3, 4)
print(v, v.norm1(), isinstance(v, tuple), Vec._make([5, 6]))
Point3 = namedtuple("Point3", Point._fields + ("z",))
print(Point3(1, 2, 3))
