# getattr, setattr, hasattr, delattr on builtin objects, classes and modules.
import sys


class C:
    x = 1


print(getattr(C, "x"), getattr(C(), "x"), getattr(C, "y", None), hasattr(C, "x"))
print(getattr("abc", "upper")(), hasattr([], "append"), hasattr([], "nope"))
print(hasattr(sys, "argv"), getattr(sys, "nope", "missing"))
setattr(C, "y", 2)
print(C.y, C().y)
delattr(C, "y")
print(hasattr(C, "y"))
try:
    setattr(5, "x", 1)
except AttributeError:
    print("AttributeError: int has no attribute x")
try:
    getattr(C, 5)
except TypeError:
    print("TypeError: attribute name must be string")
try:
    delattr(C, "zz")
except AttributeError:
    print("AttributeError: zz")
