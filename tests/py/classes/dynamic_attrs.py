# getattr/setattr/hasattr/delattr on instances and classes.
class Box:
    pass


b = Box()
setattr(b, "width", 10)
print(b.width, getattr(b, "width"), getattr(b, "height", "none"))
print(hasattr(b, "width"), hasattr(b, "height"))
delattr(b, "width")
print(hasattr(b, "width"))
try:
    getattr(b, "width")
except AttributeError:
    print("AttributeError")
setattr(Box, "shared", [1])
print(b.shared)
for name in ["a", "b", "c"]:
    setattr(b, name, name * 2)
print(b.a, b.b, b.c)
print(sorted(b.__dict__))
print(getattr(b, "a").upper(), getattr("str", "upper")())
