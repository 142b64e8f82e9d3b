# Properties are inherited and can be overridden or extended in subclasses.
class Base:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v

    @property
    def name(self):
        return "base"


class Child(Base):
    @property
    def name(self):
        return "child of " + super().name

    @Base.v.setter
    def v(self, val):
        self._v = val


c = Child()
print(c.v, c.name)
c.v = 10
print(c.v)
b = Base()
try:
    b.v = 3
except AttributeError:
    print("AttributeError in Base")
print(b.v)
