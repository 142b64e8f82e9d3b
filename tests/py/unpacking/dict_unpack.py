# ** unpacking of dicts into calls and dict displays; keys must be strings for calls.
def f(**kw):
    return sorted(kw.items())


base = {"a": 1}
print(f(**base, b=2), f(**{"c": 3}, **base))
print({**base, **{"a": 2}}, {"a": 0, **base}, {**{}, **{}})
try:
    f(**{1: "x"})
except TypeError:
    print("TypeError: keywords must be strings")
try:
    f(**[1])
except TypeError:
    print("TypeError: argument after ** must be a mapping")


def g(a, b):
    return a - b


print(g(**{"b": 1, "a": 10}))
