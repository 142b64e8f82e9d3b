# Bitwise and shift dunder methods.
class Bits:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Bits(%s)" % bin(self.v)

    def __and__(self, o):
        return Bits(self.v & o.v)

    def __or__(self, o):
        return Bits(self.v | o.v)

    def __xor__(self, o):
        return Bits(self.v ^ o.v)

    def __lshift__(self, n):
        return Bits(self.v << n)

    def __rshift__(self, n):
        return Bits(self.v >> n)

    def __rand__(self, o):
        return Bits(o & self.v)

    def __ror__(self, o):
        return Bits(o | self.v)

    def __rxor__(self, o):
        return Bits(o ^ self.v)

    def __rlshift__(self, o):
        return Bits(o << self.v)

    def __rrshift__(self, o):
        return Bits(o >> self.v)


a, b = Bits(0b1100), Bits(0b1010)
print(a & b, a | b, a ^ b, a << 2, a >> 2)
print(6 & a, 1 | a, 15 ^ a, 1 << Bits(3), 64 >> Bits(2))
