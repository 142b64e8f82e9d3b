# Changing a base class method after subclass creation affects the subclass.
class A:
    def f(self):
        return "A.f"


class B(A):
    pass


b = B()
print(b.f())
A.f = lambda self: "patched A.f"
print(b.f())
B.f = lambda self: "B.f"
print(b.f(), A().f())
del B.f
print(b.f())
