# Decorators on methods, combined with property, staticmethod and classmethod.
def logged(fn):
    def wrapper(self, *a):
        print("->", fn.__name__, a)
        return fn(self, *a)
    wrapper.__name__ = fn.__name__
    return wrapper


class Calc:
    factor = 3

    @logged
    def mul(self, x):
        return x * self.factor

    @property
    @logged
    def doubled(self):
        return self.factor * 2

    @staticmethod
    def helper():
        return "static"

    @classmethod
    def make(cls):
        return cls()


c = Calc()
print(c.mul(4), c.doubled, Calc.helper(), type(Calc.make()).__name__)
print(Calc.mul.__name__)
