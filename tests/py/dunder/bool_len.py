# Truthiness through __bool__ and __len__.
class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("__bool__")
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("__len__")
        return self.n


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


class Neither:
    pass


print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)), len(L(3)))
print(bool(Both()), len(Both()), bool(Neither()))
if not L(0):
    print("empty")
print("yes" if B(True) else "no")
print(B(False) or "fallback")
print([x.n for x in [L(0), L(2), L(0)] if x])
while L(0):
    pass


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError:
    print("TypeError")
