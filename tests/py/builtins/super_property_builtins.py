# super, property, staticmethod and classmethod used as plain builtins.
class A:
    def hi(self):
        return "A.hi"


class B(A):
    def hi(self):
        return "B>" + super(B, self).hi()

    def hi2(self):
        return super().hi()


print(B().hi(), B().hi2())
print(type(super(B, B())).__name__)
p = property(lambda self: 1)
print(type(p).__name__, p.fget is not None, p.fset)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls)
print(type(sm).__name__, type(cm).__name__)
