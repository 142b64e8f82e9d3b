"""Classes: inheritance, super(), class and static methods, properties, __class__ cells,
special methods, exceptions defined in the module."""


class Shape:
    sides = 0
    registry = []

    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)

    def describe(self):
        return "%s with %d sides" % (self.name, self.sides)

    @classmethod
    def make(cls, *args):
        return cls(*args)

    @staticmethod
    def kind():
        return "shape"

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.name)


class Polygon(Shape):
    def __init__(self, name, sides):
        super().__init__(name)
        self.sides = sides

    def describe(self):
        return "polygon: " + super().describe()


class Square(Polygon):
    def __init__(self, side):
        super().__init__("square", 4)
        self._side = side

    @property
    def area(self):
        return self._side ** 2

    @area.setter
    def area(self, value):
        self._side = int(value ** 0.5)

    def __eq__(self, other):
        return isinstance(other, Square) and other._side == self._side

    def __hash__(self):
        return hash(self._side)

    def __add__(self, other):
        return Square(self._side + other._side)


s = Square(3)
print(s, s.describe(), s.area, Shape.kind(), Square.kind())
s.area = 49
print(s.area, s == Square(7), s + Square(1), Square.__mro__[1].__name__)
print(Polygon.make("triangle", 3).describe(), Shape.registry)
print(Square.__name__, Square.__qualname__, Square.__module__, isinstance(s, Shape))


class Outer:
    class Inner:
        def where(self):
            return __class__.__qualname__

    def method(self):
        return [__class__.__name__ for _ in range(2)]


print(Outer.Inner().where(), Outer().method())


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class NotFound(AppError):
    pass


try:
    raise NotFound(404)
except AppError as e:
    print(type(e).__name__, e, e.code, isinstance(e, Exception))


def make_class(base_value):
    class Dyn:
        value = base_value

        def get(self):
            return self.value + base_value

    return Dyn


print(make_class(5)().get(), make_class(7).__qualname__)
