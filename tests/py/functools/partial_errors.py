# partial errors: a non-callable, no arguments, errors of the call itself.
from functools import partial

for args in [(), (1,), ("s", 1)]:
    try:
        partial(*args)
    except TypeError:
        print("TypeError")
p = partial(int, "x")
try:
    p()
except ValueError:
    print("ValueError")
p = partial(divmod, 1)
try:
    p()
except TypeError:
    print("TypeError: missing")
try:
    p(1, 2)
except TypeError:
    print("TypeError: extra")
try:
    hash(partial(len)) == hash(partial(len))
    print("hashable")
except TypeError:
    print("TypeError")
