# Reflected operators (__radd__ etc.) are tried when the left operand gives up.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented

    def __radd__(self, o):
        print("radd called with", o)
        return self.__add__(o)

    def __rsub__(self, o):
        return Money(o - self.cents)

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __rtruediv__(self, o):
        return o / self.cents

    def __rfloordiv__(self, o):
        return o // self.cents

    def __rmod__(self, o):
        return o % self.cents

    def __rpow__(self, o):
        return o ** self.cents

    def __rmatmul__(self, o):
        return "rmatmul %r" % (o,)


m = Money(5)
print(m + 1, 1 + m, m + m)
print(100 - m, 3 * m, 10 / m, 17 // m, 17 % m, 2 ** m, [1] @ m)
print(sum([Money(1), Money(2), Money(3)]))
try:
    m + "x"
except TypeError:
    print("TypeError")


class Left:
    def __add__(self, o):
        return "Left.__add__"


class Right:
    def __radd__(self, o):
        return "Right.__radd__"


print(Left() + Right())


class SubRight(Left):
    def __radd__(self, o):
        return "SubRight.__radd__ wins"


print(Left() + SubRight())
