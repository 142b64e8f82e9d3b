# OrderedDict: order of insertion, move_to_end, popitem(last=), repr.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.values()), list(od.items()), len(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
od.move_to_end("c", False)
od.move_to_end("b", True)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(x=1, y=2), OrderedDict([(3, "c"), (1, "a")]))
print(OrderedDict({"k": [1]}, z=0))
od = OrderedDict.fromkeys("abc", 0)
print(od, type(od).__name__)
od["a"] = 5
print(list(od.items()))
del od["a"]
od["a"] = 6
print(list(od.items()))
print(od.get("a"), od.get("q"), "b" in od, od.setdefault("d", 9), od.pop("b"), od)
print(isinstance(od, dict), isinstance(od, OrderedDict))
