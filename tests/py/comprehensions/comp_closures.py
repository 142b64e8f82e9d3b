# Comprehensions capture enclosing function variables and can build closures.
def scale_all(values, factor):
    return [v * factor for v in values]


print(scale_all([1, 2, 3], 10))


def make_funcs():
    return [lambda x, i=i: x + i for i in range(3)]


print([f(100) for f in make_funcs()])


def late():
    return [lambda: i for i in range(3)]


print([f() for f in late()])


class Holder:
    factor = 3

    def apply(self, xs):
        return [x * self.factor for x in xs]


print(Holder().apply([1, 2]))
