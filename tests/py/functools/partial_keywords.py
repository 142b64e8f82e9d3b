# partial keyword handling: call keywords override stored ones; the stored dict is kept.
from functools import partial

def show(**kw):
    return sorted(kw.items())

p = partial(show, a=1, b=2)
print(p(), p(b=3), p(c=4), p(a=0, b=0, c=0), p())
print(sorted(p.keywords.items()))
q = partial(show, **{"x": 1})
print(q(y=2))
r = partial(show)
print(r(), r(z=1), r.keywords)

def pos(a, b, /, c):
    return (a, b, c)

print(partial(pos, 1, 2)(c=3), partial(pos, c=9)(1, 2))
try:
    partial(pos, a=1)(2, 3)
except TypeError:
    print("TypeError")
