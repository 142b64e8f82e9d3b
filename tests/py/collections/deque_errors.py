# deque errors: empty pops, bad maxlen, missing values, bad arguments.
from collections import deque

for meth in ("pop", "popleft"):
    try:
        getattr(deque(), meth)()
    except IndexError:
        print(meth, "IndexError")
for maxlen in (-1, "a", 1.5):
    try:
        deque([], maxlen)
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
try:
    deque(5)
except TypeError:
    print("TypeError: not iterable")
try:
    deque([1], 2, 3)
except TypeError:
    print("TypeError: too many")
try:
    deque(foo=1)
except TypeError:
    print("TypeError: keyword")
d = deque([1, 2])
for f in (lambda: d.index(3), lambda: d.remove(3)):
    try:
        f()
    except ValueError:
        print("ValueError")
try:
    d.insert("a", 1)
except TypeError:
    print("TypeError: insert index")
try:
    d.append()
except TypeError:
    print("TypeError: append arity")
try:
    d.undefined
except AttributeError:
    print("AttributeError")
print(d)
