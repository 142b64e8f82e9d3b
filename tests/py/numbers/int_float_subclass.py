# Subclasses of int and float keep their value and behave as numbers (int.__new__,
# float.__new__, operator methods, hash equal to the base value's).
class Meters(int):
    def describe(self):
        return str(int(self)) + "m"


m = Meters(5)
print(type(m).__name__, m + 1, 1 + m, m * 2, -m, m == 5, int(m), float(m), m.bit_length(), m.real)
print(str(m), repr(m), m.describe(), isinstance(m, int), m < 6, abs(m), m // 2, divmod(m, 2), m ** 2)
print(hash(m) == hash(5), {m: "x"}[5], Meters("ff", 16), Meters(2.9), Meters(), type(m + 1).__name__)


class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)

    def __add__(self, other):
        return Even(int(self) + int(other))


e = Even(3)
print(e, e + 1, 1 + e, type(e + 1).__name__, type(1 + e).__name__, int.__add__(e, 1))


class Temp(float):
    def kelvin(self):
        return self + 273.15


t = Temp(21.5)
print(type(t).__name__, t, t + 1, 2 * t, -t, t == 21.5, int(t), round(t), t.is_integer(), t.kelvin())
print(hash(t) == hash(21.5), Temp("1e3"), Temp(), Temp.fromhex("0x1p4"), type(Temp.fromhex("0x1p4")).__name__)
print(Meters.from_bytes(b"\x01\x00", "big"), type(Meters.from_bytes(b"\x07", "little")).__name__)
print(int.__new__(int, "12"), float.__new__(float, "2.5"), int(Meters(7)), float(Temp(1.5)))
for f in (lambda: int.__new__(str), lambda: float.__new__(int)):
    try:
        f()
    except TypeError:
        print("TypeError")
print((5).__add__(1.5), (5).__eq__(5.0), (5).__radd__(2), (2.5).__rsub__(1), (7).__rpow__(2))
print(int.__pow__(2, 10, 1000), (3).__truediv__(4), (10).__rfloordiv__(35), (1.5).__divmod__(1))
