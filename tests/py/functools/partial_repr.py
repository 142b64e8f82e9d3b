# repr of partial objects wrapping built-in functions.
from functools import partial

print(repr(partial(max)))
print(repr(partial(max, 1, 2)))
print(repr(partial(max, key=abs)))
print(repr(partial(max, 3, default=None, key=len)))
print(repr(partial(partial(max, 1), 2)))
print(repr(partial(max, "s", [1], (2,))))
p = partial(max)
print(str(p) == repr(p))
