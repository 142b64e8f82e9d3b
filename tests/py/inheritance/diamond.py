# Diamond inheritance: C3 MRO and cooperative super() calls each class once.
class Base:
    def __init__(self):
        print("Base.__init__")

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()

    def hello(self):
        return "Right>" + super().hello()


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__")
        super().__init__()

    def hello(self):
        return "Bottom>" + super().hello()


b = Bottom()
print(b.hello())
print([k.__name__ for k in Bottom.__mro__])
print([k.__name__ for k in Bottom.mro()])
