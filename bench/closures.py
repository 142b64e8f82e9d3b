# Closures: counters, adders, nonlocal updates and functions built from functions.
def make_counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


def make_adder(a):
    return lambda x: x + a


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper


c = make_counter()
add3 = make_adder(3)
times2 = compose(make_adder(0), lambda x: x * 2)
f = compose(add3, times2)
total = 0
for i in range(600000):
    total += f(i) + c()
fns = [make_adder(i) for i in range(100)]
for i in range(4000):
    for g in fns:
        total += g(i) & 1


@memo
def fibm(n):
    return n if n < 2 else fibm(n - 1) + fibm(n - 2)


print(total, c(0), fibm(90))
