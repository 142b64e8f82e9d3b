# OrderedDict equality is order-sensitive between OrderedDicts only.
from collections import OrderedDict

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
d = {"y": 2, "x": 1}
print(a == b, a != b, a == d, d == a, b == d, a != d)
print(a == OrderedDict(x=1, y=2), a == OrderedDict(x=1, y=3), a == OrderedDict(x=1))
b.move_to_end("y")
print(a == b)
print(OrderedDict() == OrderedDict(), OrderedDict() == {}, OrderedDict(a=1) == [("a", 1)])
print(OrderedDict(a=1.0) == OrderedDict(a=1), OrderedDict([(1, "a")]) == OrderedDict([(1.0, "a")]))
try:
    a < b
except TypeError:
    print("TypeError")
try:
    hash(a)
except TypeError:
    print("TypeError: unhashable")
