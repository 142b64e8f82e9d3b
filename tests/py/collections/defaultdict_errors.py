# defaultdict argument errors, and errors raised by the factory.
from collections import defaultdict

for bad in (5, "str", [list]):
    try:
        defaultdict(bad)
    except TypeError:
        print("TypeError")
try:
    defaultdict(list, {}, {})
except TypeError:
    print("TypeError: too many")

def boom():
    raise ValueError("factory failed")

d = defaultdict(boom)
try:
    d["x"]
except ValueError as e:
    print("ValueError", e)
print(len(d), "x" in d)
d = defaultdict(list)
try:
    d[[1]]
except TypeError:
    print("TypeError: unhashable key")
print(len(d))
