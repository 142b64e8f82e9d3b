# cmp_to_key errors: comparing with other objects, unhashable keys, failing cmp.
from functools import cmp_to_key

K = cmp_to_key(lambda a, b: a - b)
for f in (lambda: K(1) < 1, lambda: hash(K(1)), lambda: sorted([1, "a"], key=K)):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")
try:
    K()
except TypeError:
    print("TypeError: no obj")

def bad(a, b):
    raise ValueError("cmp failed")

try:
    sorted([1, 2], key=cmp_to_key(bad))
except ValueError as e:
    print("ValueError", e)
try:
    sorted([1, 2], key=cmp_to_key(lambda a, b: "x"))
except TypeError:
    print("TypeError: result")
