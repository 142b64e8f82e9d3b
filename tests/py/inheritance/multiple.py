# Multiple inheritance with mixins and attribute resolution order.
class JsonMixin:
    def to_text(self):
        return "{" + ", ".join("%s: %r" % (k, v) for k, v in sorted(self.__dict__.items())) + "}"


class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class Named:
    prefix = "named"

    def __init__(self, name):
        self.name = name


class Person(JsonMixin, EqMixin, Named):
    prefix = "person"


p = Person("ann")
print(p.to_text(), p.prefix)
print(p == Person("ann"), p == Person("bob"))
print([c.__name__ for c in Person.__mro__])


class A:
    x = "A"


class B:
    x = "B"
    y = "B"


class C(A, B):
    pass


print(C.x, C.y)
