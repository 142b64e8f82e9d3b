# Closures inside methods and class bodies.
def make_class(tag):
    class T:
        def describe(self):
            return "tag=" + tag

        def factory(self):
            return lambda: self.describe() + "!"
    return T


T = make_class("red")
t = T()
print(t.describe(), t.factory()())


class Counter:
    def __init__(self):
        self.n = 0

    def incrementer(self):
        def inc():
            self.n += 1
            return self.n
        return inc


c = Counter()
inc = c.incrementer()
inc()
inc()
print(c.n)
x = "global"


class Scope:
    x = "class"

    def m(self):
        return x


print(Scope().m())
