# functools.partial: frozen positional and keyword arguments, call-time additions.
from functools import partial

def f(a, b, c=0, *rest, d=1, **kw):
    return (a, b, c, rest, d, sorted(kw.items()))

p = partial(f, 1)
print(p(2), p(2, 3), p(2, 3, 4, 5), p(b=2), p(2, d=9, z=0))
q = partial(f, 1, 2, d=5, x=1)
print(q(), q(3), q(d=6), q(x=2, y=3))
print(partial(f)(1, 2), partial(f, 1, 2, 3, 4)(5))
basetwo = partial(int, base=2)
print(basetwo("10010"), basetwo("11", base=3))
print(list(map(partial(pow, 2), range(5))))
print(sorted(["bb", "a", "ccc"], key=partial(len)))
print(callable(p), type(p).__name__)
print(partial(max, default=0)([]), partial(max, key=abs)([-5, 3]))
