# partial objects: func/args/keywords are read-only, other attributes can be added.
from functools import partial

p = partial(max, 1, key=abs)
print(p.func is max, p.args, p.keywords)
for name in ("func", "args", "keywords"):
    try:
        setattr(p, name, None)
    except AttributeError:
        print("AttributeError", name)
p.note = "hello"
print(p.note, p.__dict__)
del p.note
try:
    p.note
except AttributeError:
    print("AttributeError: deleted")
try:
    del p.other
except AttributeError:
    print("AttributeError: del missing")
p.keywords["key"] = None
print(p(1, 2), p.keywords)
print(partial(min).args, partial(min).keywords)
