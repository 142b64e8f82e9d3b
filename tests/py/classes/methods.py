# Bound and unbound methods.
class Acc:
    def __init__(self):
        self.total = 0

    def add(self, n):
        self.total += n
        return self


a = Acc()
m = a.add
m(5)
m(6)
print(a.total)
Acc.add(a, 1)
print(a.total)
print(a.add(1).add(2).total)
print(m.__self__ is a, m.__func__ is Acc.add, m.__name__)
print(a.add == a.add, a.add == Acc().add)
fns = [a.add, a.add]
for f in fns:
    f(100)
print(a.total)
print(type(m).__name__, type(Acc.add).__name__)


class WithCallable:
    attr_fn = staticmethod(lambda: "static lambda")


print(WithCallable.attr_fn(), WithCallable().attr_fn())
inst = Acc()
inst.fn = lambda x: x * 2
print(inst.fn(4))
