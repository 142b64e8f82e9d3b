# *args and **kwargs.
def f(*args):
    return args


print(f(), f(1), f(1, 2, 3), type(f()).__name__)


def g(**kwargs):
    return kwargs


print(g(), g(a=1, b=2), type(g()).__name__)


def h(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(h(1, c=3))
print(h(1, 2, 3, 4, c=5, e=6))
print(h(a=1, c=3, z=0))


def order(**kw):
    return list(kw)


print(order(z=1, a=2, m=3))


def count(*a, **k):
    return len(a), len(k)


print(count(*range(10), **{"x": 1}))
