# dict() constructor forms.
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}))
print(dict([("a", 1)], b=2), dict(zip("abc", range(3))), dict({"a": 1}, a=2))
print(dict(((i, i * i) for i in range(4))))
try:
    dict([1, 2])
except TypeError:
    print("TypeError")
try:
    dict([("a", 1, 2)])
except ValueError:
    print("ValueError")
