# deque indexing: get, set, delete with negative indices; errors for bad indices.
from collections import deque

d = deque("abcdef")
print(d[0], d[5], d[-1], d[-6])
d[1] = "B"
d[-1] = "F"
print(d)
del d[0]
print(d)
del d[-1]
print(d)
del d[2]
print(d)
for bad in [10, -10]:
    try:
        d[bad]
    except IndexError:
        print("IndexError")
    try:
        d[bad] = 1
    except IndexError:
        print("IndexError: set")
for bad in ["a", 1.0, slice(0, 1)]:
    try:
        d[bad]
    except TypeError:
        print("TypeError")
print(d[True])
e = deque()
try:
    e[0]
except IndexError:
    print("IndexError: empty")
d = deque(range(100))
for i in range(0, 100, 7):
    assert d[i] == i and d[i - 100] == i
d.rotate(33)
print(d[0], d[33], d[99])
