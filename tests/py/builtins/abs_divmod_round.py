# abs(), divmod() and round().
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-(2 ** 70)))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-2 ** 65, 3))
print(round(2.567, 2), round(2.5), round(3.5), round(-2.5), round(7), round(1234, -2))
print(round(0.5 + 1e-9), round(-0.4), type(round(1.2)).__name__, type(round(1.2, 1)).__name__)
print(round(1.25, 1), round(1.35, 1), round(10.0, -1), round(15.0, -1))


class A:
    def __abs__(self):
        return "abs called"


print(abs(A()))
try:
    abs("x")
except TypeError:
    print("TypeError")
try:
    divmod(1, 0)
except ZeroDivisionError:
    print("ZeroDivisionError")
