# A partial of a partial is flattened into one; one with extra attributes is not.
from functools import partial

def f(*args, **kw):
    return args, sorted(kw.items())

p = partial(f, 1, a=1)
q = partial(p, 2, b=2)
print(q.func is f, q.args, sorted(q.keywords.items()), q(3, c=3))
r = partial(q, a=10)
print(r.func is f, r.args, sorted(r.keywords.items()), r())
p.attr = 1
s = partial(p, 5)
print(s.func is p, s.args, s())
print(partial(partial(partial(f, 1), 2), 3).args)
