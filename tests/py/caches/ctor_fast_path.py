# Instances of plain classes are constructed inline by the VM: arguments, defaults, errors,
# generators as __init__, exceptions inside __init__ and recursion must behave as in CPython.
class P:
    def __init__(self, a, b=2, *rest, k=3, **kw):
        self.v = (a, b, rest, k, sorted(kw.items()))


print(P(1).v, P(1, 5).v, P(1, 2, 3, 4).v, P(1, k=9, z=0).v)
try:
    P()
except TypeError as e:
    print("TypeError", e)


class NoInit:
    pass


print(type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)


class Raises:
    def __init__(self, n):
        if n > 2:
            raise ValueError("too big: %d" % n)
        self.n = n


made = []
for i in range(5):
    try:
        made.append(Raises(i).n)
    except ValueError as e:
        made.append(str(e))
print(made)


class Tree:
    def __init__(self, depth):
        self.kids = [Tree(depth - 1) for _ in range(2)] if depth else []

    def count(self):
        return 1 + sum(k.count() for k in self.kids)


print(Tree(6).count())


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError", e)


class Method:
    def __init__(self, f):
        self.f = f

    def __call__(self, x):
        return self.f(x)


m = Method(lambda x: x + 1)
print(m(1), Method(abs)(-5))


# called through an attribute (CALL_METHOD with no self) and through a local alias
class Ns:
    Inner = P


print(Ns.Inner(7).v[0])
alias = P
print(alias(a=8).v[0])
print([P(i).v[0] for i in range(5)])


# subclass of a built-in type still constructed the general way
class L(list):
    def __init__(self, *items):
        super().__init__(items)
        self.tag = "L"


l = L(1, 2, 3)
print(l, l.tag, len(l))
