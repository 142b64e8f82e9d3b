# Parameters shadow globals; locals of one call do not leak into another.
x = "global x"


def f(x):
    x = x + "!"
    return x


print(f("arg"), x)


def g():
    if False:
        y = 1
    try:
        return y
    except UnboundLocalError:
        return "y unbound"


print(g())


def counter():
    n = 0
    n += 1
    return n


print(counter(), counter())


def uses_later_global():
    return later


later = "defined after the function"
print(uses_later_global())
