# @staticmethod and @classmethod, also called on subclasses and instances.
class Temp:
    scale = "C"
    count = 0

    def __init__(self, deg):
        self.deg = deg
        Temp.count += 1

    @staticmethod
    def c_to_f(c):
        return c * 9 // 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale


class Kelvin(Temp):
    scale = "K"


print(Temp.c_to_f(100), Temp(0).c_to_f(37))
t = Temp.from_f(212)
print(type(t).__name__, t.deg)
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg)
print(Temp.describe(), Kelvin.describe(), k.describe())
print(Temp.count)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)


class Late:
    size = sm
    name = cm


print(Late.size("abc"), Late.name(), Late().name())
