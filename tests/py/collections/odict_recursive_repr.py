# repr of OrderedDicts that contain themselves.
from collections import OrderedDict

od = OrderedDict()
od["self"] = od
print(repr(od))
a = OrderedDict(x=1)
a["list"] = [a]
print(repr(a))
b = OrderedDict(k=OrderedDict(n=OrderedDict()))
print(repr(b))
print(repr(OrderedDict([("s", "quote'")])))
