# namedtuple fields are read-only; field access through the class gives the descriptor.
from collections import namedtuple

P = namedtuple("P", "x y")
p = P(1, 2)
try:
    p.x = 5
except AttributeError:
    print("AttributeError")
try:
    del p.x
except AttributeError:
    print("AttributeError: del")
try:
    p[0] = 5
except TypeError:
    print("TypeError: item assignment")
print(p, p.x, P.x.__doc__)
try:
    p.z = 1
    print("set")
except AttributeError:
    print("AttributeError: new attribute")
