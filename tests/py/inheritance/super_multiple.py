# Cooperative super() with keyword arguments through a multiple-inheritance chain.
class Shape:
    def __init__(self, **kw):
        self.extra = kw
        super().__init__()


class Colored(Shape):
    def __init__(self, color="none", **kw):
        self.color = color
        super().__init__(**kw)


class Sized(Shape):
    def __init__(self, size=0, **kw):
        self.size = size
        super().__init__(**kw)


class Box(Colored, Sized):
    def __init__(self, **kw):
        super().__init__(**kw)


b = Box(color="red", size=3, label="x")
print(b.color, b.size, b.extra)
print([k.__name__ for k in Box.__mro__])


class Base:
    def greet(self):
        return "base"


class M1(Base):
    def greet(self):
        return "m1+" + super().greet()


class M2(Base):
    def greet(self):
        return "m2+" + super().greet()


class Final(M1, M2):
    pass


print(Final().greet(), M2().greet())
