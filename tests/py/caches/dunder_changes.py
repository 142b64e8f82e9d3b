# Special methods assigned after the class is made, and classes whose instances are built and
# whose attributes are read through cached facts (construction, __getattr__, __setattr__).
class V:
    def __init__(self, x):
        self.x = x


vs = [V(i) for i in range(5)]
print([v.x for v in vs])


def new_init(self, x):
    self.x = x * 100
    self.extra = True


V.__init__ = new_init
print(V(3).x, V(3).extra)


class W:
    pass


w = W()
try:
    w.missing
except AttributeError:
    print("no __getattr__ yet")
W.__getattr__ = lambda self, name: "dyn:" + name
print(w.missing, w.other)
del W.__getattr__
try:
    w.missing
except AttributeError:
    print("gone again")

log = []


class S:
    pass


s = S()
s.a = 1
S.__setattr__ = lambda self, name, value: log.append((name, value))
s.b = 2
print(log, s.a, hasattr(s, "b"))
del S.__setattr__
s.b = 3
print(s.b)


# __init__ in a base class replaced; the subclass constructs through it
class Base:
    def __init__(self):
        self.v = "old"


class Sub(Base):
    pass


print([Sub().v for _ in range(3)])
Base.__init__ = lambda self: setattr(self, "v", "new")
print(Sub().v)


# __init__ returning something other than None is an error
class Bad:
    def __init__(self):
        return 5


for _ in range(2):
    try:
        Bad()
    except TypeError as e:
        print("TypeError", e)


# __new__ added later: __init__ is then called on what it returns
class N:
    def __init__(self):
        self.inited = True


print(N().inited)


def n_new(cls):
    o = object.__new__(cls)
    o.from_new = True
    return o


N.__new__ = staticmethod(n_new)
n = N()
print(n.from_new, n.inited)

# properties and data descriptors take precedence over the instance dict
class Pr:
    def __init__(self):
        self.__dict__["p"] = "instance"


pr = Pr()
print(pr.p)
Pr.p = property(lambda self: "property")
print(pr.p)


class Desc:
    def __get__(self, obj, typ):
        return "desc"

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value


class D:
    pass


d = D()
d.attr = 1
print(d.attr)
D.attr = Desc()
print(d.attr)
d.attr = 5
print(d.attr, d.stored)
