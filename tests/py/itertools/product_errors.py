# itertools.product: negative repeat, bad keywords, non-iterables.
from itertools import product

for kw in [{"repeat": -1}, {"repeat": "a"}, {"foo": 1}]:
    try:
        product("ab", **kw)
        print("ok")
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
try:
    product("ab", 5)
except TypeError:
    print("TypeError: not iterable")
print(list(product("a", repeat=True)))
