# staticmethod and classmethod objects applied manually and stacked with property access.
class Util:
    def plain(x):
        return x * 2

    double = staticmethod(plain)

    def _name(cls):
        return cls.__name__

    name = classmethod(_name)


class Sub(Util):
    pass


print(Util.double(4), Util().double(5), Sub.double(1))
print(Util.name(), Sub.name(), Sub().name())
print(type(Util.__dict__["double"]).__name__, type(Util.__dict__["name"]).__name__)
