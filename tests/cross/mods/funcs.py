"""Functions: defaults, keyword-only and positional-only arguments, closures, lambdas,
decorators, generators and comprehensions."""


def defaults(a, b=2, c=(3, "three"), *args, d, e=5, **kw):
    """A docstring."""
    return a, b, c, args, d, e, sorted(kw.items())


def posonly(a, b, /, c, *, d=4):
    return a + b + c + d


print(defaults(1, d=4))
print(defaults(1, 2, 3, 4, 5, d=6, e=7, z=8, y=9))
print(defaults.__doc__, defaults.__name__, defaults.__defaults__, defaults.__kwdefaults__)
print(posonly(1, 2, 3), posonly(1, 2, c=3, d=10))
try:
    posonly(a=1, b=2, c=3)
except TypeError:
    print("TypeError for positional-only by keyword")


def counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n

    def get():
        return n

    return inc, get


inc, get = counter(10)
inc()
inc(5)
print(get(), inc.__closure__ is not None)


def three_levels(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle


print(three_levels(1)(20)(300))

square = lambda v: v * v  # noqa: E731
adders = [lambda v, k=k: v + k for k in range(3)]
print(square(7), [f(10) for f in adders])


def twice(f):
    def wrapper(*a, **k):
        return f(f(*a, **k))
    return wrapper


@twice
def plus3(v):
    return v + 3


print(plus3(1))


def gen(n):
    total = 0
    for i in range(n):
        sent = yield i * i
        if sent:
            total += sent
    return total


g = gen(4)
print(next(g), g.send(10), g.send(20), next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)


def delegate():
    r = yield from gen(3)
    yield "gen returned %d" % r


print(list(delegate()))
print([x * 2 for x in range(5) if x % 2], {x % 3 for x in range(10)}, {k: v for k, v in zip("abc", range(3))})
print(sum(x * y for x in range(4) for y in range(x)), [[i * j for j in range(3)] for i in range(3)])
squares = (i * i for i in range(5))
print(type(squares).__name__, list(squares), list(squares))
