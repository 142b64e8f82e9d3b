# super() chains through __init__ and ordinary methods.
log = []


class A:
    def __init__(self):
        log.append("A")
        self.a = 1

    def who(self):
        return ["A"]


class B(A):
    def __init__(self):
        log.append("B>")
        super().__init__()
        log.append("<B")
        self.b = 2

    def who(self):
        return ["B"] + super().who()


class C(B):
    def __init__(self):
        log.append("C>")
        super().__init__()
        log.append("<C")

    def who(self):
        return ["C"] + super().who()


c = C()
print(log, c.a, c.b)
print(c.who())


class D(C):
    def who(self):
        return ["D"] + super(C, self).who()


print(D().who())
