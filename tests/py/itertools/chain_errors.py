# itertools.chain: a non-iterable argument fails when it is reached, not before.
from itertools import chain

c = chain([1, 2], 5, [3])
print(next(c), next(c))
try:
    next(c)
except TypeError:
    print("TypeError at the bad argument")
c = chain.from_iterable([[1], 2])
print(next(c))
try:
    next(c)
except TypeError:
    print("TypeError in from_iterable")
try:
    chain.from_iterable(5)
except TypeError:
    print("TypeError: from_iterable of int")
try:
    chain(x=1)
except TypeError:
    print("TypeError: keyword")
