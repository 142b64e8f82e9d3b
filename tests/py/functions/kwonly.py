# Keyword-only arguments.
def f(a, *, b, c=3):
    return (a, b, c)


print(f(1, b=2))
print(f(1, b=2, c=4))
print(f(a=0, c=1, b=2))
try:
    f(1, 2)
except TypeError:
    print("TypeError: too many positional")
try:
    f(1)
except TypeError:
    print("TypeError: missing keyword-only")


def g(*args, key, **rest):
    return args, key, sorted(rest.items())


print(g(1, 2, key="k", z=1, y=2))


def h(*, only=1):
    return only


print(h(), h(only=9))
try:
    h(9)
except TypeError:
    print("TypeError: h takes no positional")
