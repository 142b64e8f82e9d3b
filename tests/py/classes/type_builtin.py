# type() as a function and the three-argument form to make classes.
print(type(1).__name__, type("").__name__, type([]).__name__, type(None).__name__)
print(type(type).__name__, type(int) is type, type(object).__name__)


def meth(self):
    return self.v * 2


Dyn = type("Dyn", (object,), {"v": 21, "m": meth})
d = Dyn()
print(Dyn.__name__, d.v, d.m(), isinstance(d, Dyn))
Sub = type("Sub", (Dyn,), {"v": 5})
print(Sub().m(), issubclass(Sub, Dyn))


class C:
    pass


print(type(C()) is C, C.__class__ is type, C().__class__ is C)
print(type(3) == int, type(True) == bool, type(True) == int)
