# The builtin type constructors called with no arguments and with an argument.
print(repr(int()), repr(float()), repr(str()), repr(bool()), list(), tuple(), dict(), set())
print(repr(bytes()), repr(bytearray()), frozenset(), repr(object().__class__.__name__))
print(int("5"), float("5"), str(5), bool(5), list("ab"), tuple("ab"), dict(a=1), set("aa"))
print(bool([]), bool([0]), bool(None), bool("0"))
print(type(int) is type, type(bool(1)).__name__)
