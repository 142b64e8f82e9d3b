# Combinatoric iterators: r must be a non-negative int; inputs must be iterable.
from itertools import permutations, combinations, combinations_with_replacement

for f in (permutations, combinations, combinations_with_replacement):
    for r in (-1, "2", 1.0):
        try:
            f("abc", r)
            print(f.__name__, r, "ok")
        except ValueError:
            print(f.__name__, "ValueError")
        except TypeError:
            print(f.__name__, "TypeError")
    try:
        f(5, 1)
    except TypeError:
        print(f.__name__, "TypeError: not iterable")
for f in (combinations, combinations_with_replacement):
    try:
        f("abc")
    except TypeError:
        print(f.__name__, "TypeError: r missing")
print(list(combinations("abc", 10**6)), list(permutations("abc", 10**6)))
