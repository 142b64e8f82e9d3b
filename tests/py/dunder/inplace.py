# In-place operators use __iadd__ etc. and fall back to __add__.
class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        self.v += o
        return self

    def __isub__(self, o):
        self.v -= o
        return self

    def __imul__(self, o):
        self.v *= o
        return self

    def __ifloordiv__(self, o):
        self.v //= o
        return self

    def __imod__(self, o):
        self.v %= o
        return self

    def __ipow__(self, o):
        self.v **= o
        return self

    def __ilshift__(self, o):
        self.v <<= o
        return self

    def __irshift__(self, o):
        self.v >>= o
        return self

    def __iand__(self, o):
        self.v &= o
        return self

    def __ior__(self, o):
        self.v |= o
        return self

    def __ixor__(self, o):
        self.v ^= o
        return self

    def __itruediv__(self, o):
        self.v /= o
        return self


a = Acc(1)
orig = a
a += 9
a -= 2
a *= 3
a //= 5
a **= 2
a %= 7
a <<= 3
a >>= 1
a |= 1
a &= 0xF
a ^= 6
print(a.v, a is orig)
a /= 4
print(a.v)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return OnlyAdd(self.v + o)


b = OnlyAdd(1)
old = b
b += 5
print(b.v, b is old, old.v)
lst = [1]
t = lst
lst += [2]
print(t)
