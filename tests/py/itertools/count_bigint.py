# itertools.count crossing into big ints, with big starts and steps.
from itertools import count, islice

big = 2**62
print(list(islice(count(big - 2), 5)))
print(list(islice(count(-big - 1, -1), 3)))
print(list(islice(count(2**100, 2**99), 3)))
print(list(islice(count(0, 2**70), 3)))
print(list(islice(count(2**64, -2**63), 4)))
c = count(2**63 - 1)
next(c)
print(repr(c))
print(repr(count(10**30, 10**20)))
