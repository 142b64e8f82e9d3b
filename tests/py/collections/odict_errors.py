# OrderedDict errors: missing keys, empty popitem, bad constructor arguments.
from collections import OrderedDict

od = OrderedDict(a=1)
for f in (lambda: od.move_to_end("x"), lambda: od["x"], lambda: od.pop("x")):
    try:
        f()
    except KeyError as e:
        print("KeyError", e)
od.popitem()
for last in (True, False):
    try:
        od.popitem(last=last)
    except KeyError:
        print("KeyError: empty")
try:
    OrderedDict([1, 2])
except TypeError:
    print("TypeError")
try:
    OrderedDict({}, {})
except TypeError:
    print("TypeError: two positional")
try:
    od.move_to_end()
except TypeError:
    print("TypeError: no key")
