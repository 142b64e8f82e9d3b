# namedtuple errors: bad names, duplicates, too many defaults, wrong argument counts.
from collections import namedtuple

bad = [("1bad", "x"), ("Good", "x 1y"), ("class", "x"), ("Good", "x def"),
       ("Good", "x _y"), ("Good", "x x"), ("Good", "x-y"), ("Good", ["x", 5])]
for name, fields in bad:
    try:
        namedtuple(name, fields)
        print(name, fields, "ok")
    except ValueError as e:
        print("ValueError", e)
    except TypeError as e:
        print("TypeError", e)
try:
    namedtuple("T", "a b", defaults=[1, 2, 3])
except TypeError as e:
    print("TypeError", e)
P = namedtuple("P", "x y")
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 2})]:
    try:
        P(*args, **kw)
    except TypeError:
        print("TypeError")
try:
    P._make([1])
except TypeError as e:
    print("TypeError", e)
try:
    P(1, 2)._replace(z=1)
except ValueError as e:
    print("ValueError", e)
