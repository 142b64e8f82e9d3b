# Calls with * and ** unpacking, several of each.
def f(a, b, c, d=0, e=0):
    return (a, b, c, d, e)


args = [1, 2]
print(f(*args, 3))
print(f(*[1, 2, 3, 4, 5]))
print(f(*(1, 2), *(3,), e=9))
print(f(1, *"bc"))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"b": 2}, c=3, **{"e": 5}))
print(f(*range(3), **dict(d=4)))
print(f(*iter([7, 8, 9])))
try:
    f(1, **{"a": 2, "b": 3, "c": 4})
except TypeError:
    print("TypeError: multiple values for a")
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError:
    print("TypeError: repeated keyword")
try:
    f(*[1, 2, 3, 4, 5, 6])
except TypeError:
    print("TypeError: too many")


def g(*args, **kwargs):
    return args, kwargs


print(g(*[], **{}))
print(g(*(x * 2 for x in range(3))))
print(max(*[3, 9, 2]))
