# Method calls, attribute access and super() on instances.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle(Vec):
    def __init__(self, x, y, m):
        super().__init__(x, y)
        self.m = m

    def energy(self):
        return self.m * self.dot(self)


total = 0
p = Particle(1, 2, 3)
v = Vec(1, 1)
for i in range(400000):
    p = Particle(p.x % 100 + 1, p.y % 100 + 1, 2)
    w = p.add(v)
    total += p.energy() + w.x
print(total)
