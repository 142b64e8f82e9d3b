# Properties computing values lazily and caching in the instance.
class Circle:
    def __init__(self, r):
        self.r = r
        self._area = None
        self.computed = 0

    @property
    def area(self):
        if self._area is None:
            self.computed += 1
            self._area = 3 * self.r * self.r
        return self._area

    @property
    def diameter(self):
        return 2 * self.r

    @diameter.setter
    def diameter(self, d):
        self.r = d // 2
        self._area = None


c = Circle(2)
print(c.area, c.area, c.computed)
c.diameter = 10
print(c.r, c.area, c.computed, c.diameter)
print(getattr(c, "area"), hasattr(c, "diameter"))
