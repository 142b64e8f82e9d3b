# Instance attributes live in a dict allocated with the instance: __dict__, vars(),
# setattr/delattr and many attributes must all keep working.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Pt(1, 2)
d = p.__dict__
print(d, vars(p) is d)
d["z"] = 3
print(p.z)
p.w = 4
print(sorted(d.items()))
del p.x
print(sorted(vars(p)), hasattr(p, "x"))
d.clear()
print(vars(p), hasattr(p, "y"))
p.again = 1
print(p.__dict__)

# many attributes: the dict outgrows the room it was allocated with (and gets an index)
class Many:
    pass


objs = []
for n in range(3):
    m = Many()
    for i in range(20):
        setattr(m, "a%d" % i, i * n)
    objs.append(m)
print([sum(getattr(m, "a%d" % i) for i in range(20)) for m in objs])
print(len(vars(objs[1])), objs[2].a19)
for i in range(0, 20, 2):
    delattr(objs[2], "a%d" % i)
print(sorted(vars(objs[2]))[:4], len(vars(objs[2])))

# __dict__ kept after the object is gone
def keep_dict():
    t = Pt(5, 6)
    t.note = "kept"
    return t.__dict__


kept = [keep_dict() for _ in range(200)]
import gc

gc.collect()
print(kept[0], kept[-1]["note"], len(kept))

# a str object (not interned) as a key in an instance dict
key = "".join(["dyn", "amic"])
q = Pt(0, 0)
q.__dict__[key] = "via dict"
print(q.dynamic, getattr(q, key))

# attributes replaced many times (values must not be kept alive or mixed up)
class Box:
    def __init__(self):
        self.v = 0


boxes = [Box() for _ in range(10)]
for r in range(100):
    for i, bx in enumerate(boxes):
        bx.v = bx.v + i
print([bx.v for bx in boxes])

# class attributes seen through instances until the instance sets its own
class Cfg:
    mode = "default"


c1, c2 = Cfg(), Cfg()
c1.mode = "mine"
print(c1.mode, c2.mode, Cfg.mode)
del c1.mode
print(c1.mode)

# once handed out, __dict__ stays the same object, however the attributes change after
class Late:
    pass


z = Late()
z.a = 1
zd = z.__dict__
for i in range(12):
    setattr(z, "n%d" % i, i)  # grows the dict that was handed out
print(z.__dict__ is zd, vars(z) is zd, len(zd), z.n11, zd["a"])
zd[5] = "int key"
zd[(1, 2)] = "tuple key"
z.b = 2
del z.a
print(list(zd.items())[-4:], hasattr(z, "a"), z.b)
zd.clear()
z.c = 3
print(zd, z.c, vars(z) is zd)
