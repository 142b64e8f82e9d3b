# Attribute lookups are cached per (class, name): every change to a class must show at once,
# in the class itself and in its subclasses, for loads through instances and through classes.
class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Child(Base):
    pass


c = Child()
b = Base()
for step in range(3):
    # warm the caches in a loop, then change something
    for _ in range(3):
        r = (c.kind, b.kind, c.greet(), Child.kind)
    print(step, r)
    if step == 0:
        Base.kind = "changed"              # class attribute reassigned on the base
        Base.greet = lambda self: "patched"  # method monkey-patched on the base
    elif step == 1:
        Child.kind = "child"               # shadowed in the subclass
        Child.greet = lambda self: "child patched"

del Child.kind
del Child.greet
print(c.kind, c.greet(), Child.kind)
del Base.greet
try:
    c.greet()
except AttributeError as e:
    print("AttributeError", e)

# a counter kept on the class, bumped from __init__ (a common device idiom)
class Counted:
    n = 0

    def __init__(self):
        Counted.n += 1
        self.id = Counted.n


objs = [Counted() for _ in range(50)]
print(Counted.n, objs[0].id, objs[-1].id, sum(o.id for o in objs))

# setattr/delattr on the class and on instances
class P:
    x = 1


p = P()
vals = []
for i in range(4):
    vals.append(p.x)
    setattr(P, "x", i * 10)
vals.append(p.x)
p.x = "own"
vals.append(p.x)
delattr(p, "x")
vals.append(p.x)
delattr(P, "x")
vals.append(hasattr(p, "x"))
print(vals)

# adding a method to a class after instances exist
class Late:
    pass


l = Late()
print(hasattr(l, "f"))
Late.f = lambda self, k: k * 2
print(l.f(21))

# a base class gaining an attribute that the subclass did not have
class A:
    pass


class B(A):
    pass


bb = B()
for _ in range(3):
    print(getattr(bb, "late", "missing"), end=" ")
A.late = "found"
print(getattr(bb, "late", "missing"))
