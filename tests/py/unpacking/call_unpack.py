# Unpacking in calls, returns and literals together.
def f(*args, **kwargs):
    return args, kwargs


t = (1, 2)
d = {"k": "v"}
print(f(*t, *t, 3, **d, z=0))
print(f(*"ab", *range(2)))
print([*t, *t], (*t, 0), {*t}, {**d, "x": 1})


def g():
    return 1, 2, 3


a, *rest = g()
print(a, rest)
print(*g())
print(max(*g(), 10))
