# Default arguments are evaluated once, at definition time.
calls = []


def make_default():
    calls.append("made")
    return 10


def f(a, b=make_default()):
    return a + b


print(calls)
print(f(1), f(1, 2), f(a=5))
print(calls)


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))


def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc


print(safe(1), safe(2))
n = 5


def g(v=n):
    return v


n = 6
print(g())
