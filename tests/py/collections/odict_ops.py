# OrderedDict: copy, |, |=, reversed, update, views.
from collections import OrderedDict

od = OrderedDict(a=1, b=2)
c = od.copy()
c["c"] = 3
print(od, c, type(c).__name__)
print(od | {"z": 0, "a": 9}, type(od | {}).__name__)
od |= [("q", 1)]
print(od)
od |= {"a": 0}
print(od)
print(list(reversed(od)), list(reversed(OrderedDict())))
od.update(b=7, n=8)
print(od)
od.update([("m", 1)])
print(list(od.keys()), list(od.values()))
print(len(od), od["n"], sorted(od))
od.clear()
print(od, len(od))
try:
    od | [1]
except TypeError:
    print("TypeError")
