# None is a singleton and falsy; functions without return give None.
def f():
    pass


def g():
    return


print(f(), g(), f() is None)
x = None
print(x is None, x is not None, x == None, type(x).__name__)
print(repr(None), str(None))
d = {}
print(d.get("k"))
print([].sort())
try:
    None + 1
except TypeError:
    print("TypeError")
try:
    None.foo
except AttributeError:
    print("AttributeError")
