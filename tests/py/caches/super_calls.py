# super().method() is compiled into one lookup with no super object: it must behave as the
# real super(), also when `super` is shadowed and when methods change.
class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]

    @classmethod
    def make(cls):
        return "make " + cls.__name__

    @staticmethod
    def st(v):
        return v * 2


class B(A):
    def who(self):
        return "B>" + super().who()

    def chain(self):
        return ["B"] + super().chain()

    @classmethod
    def make(cls):
        return super().make() + "!"

    def use_st(self):
        return super().st(21)

    def missing(self):
        return super().nothing()


class C(A):
    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


d = D()
print(d.who(), d.chain(), D.make(), d.use_st())
try:
    d.missing()
except AttributeError as e:
    print("AttributeError:", e)

A.who = lambda self: "patched A"
print(B().who())


# `super` shadowed by a module global
class E(A):
    def who(self):
        return "E>" + super().who()


calls = []


def fake_super(*args):
    # (CPython passes no arguments here; rtpy passes __class__ and self: not printed)
    calls.append("called")
    return A()


super = fake_super
print(E().who(), calls)
del super
print(E().who())


# self rebound inside the method: super() still uses the first argument's value at call time
class F(A):
    def who(self):
        self = D()
        return super().who()


try:
    print(F().who())
except TypeError as e:
    print("TypeError:", e)


# __init__ chains through super() with keyword arguments
class P:
    def __init__(self, x, y=0):
        self.x, self.y = x, y


class Q(P):
    def __init__(self, x, **kw):
        super().__init__(x, **kw)
        self.q = True


q = Q(1, y=5)
print(q.x, q.y, q.q)


# properties through super()
class R:
    @property
    def val(self):
        return 10


class S(R):
    @property
    def val(self):
        return super().val + 1


print(S().val)
