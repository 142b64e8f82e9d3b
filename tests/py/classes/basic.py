# A simple class with __init__, methods and instance attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2())
q = p.moved(1, 1)
print(q.x, q.y, p.x)
print(type(p).__name__, type(p) is Point, isinstance(p, Point))
print(Point.__name__, type(Point).__name__)
p.z = 5
print(p.z)
print(Point.norm2(p))
