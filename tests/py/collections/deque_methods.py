# deque: count, index, remove, insert, reverse, clear, copy.
from collections import deque

d = deque([1, 2, 3, 2, 1, 2])
print(d.count(2), d.count(5), d.count(1.0))
print(d.index(2), d.index(2, 2), d.index(2, 2, 4), d.index(1, -2))
try:
    d.index(2, 4, 5)
except ValueError:
    print("ValueError")
d.remove(2)
print(d)
try:
    d.remove(9)
except ValueError:
    print("ValueError: remove")
d.insert(0, "a")
d.insert(100, "z")
d.insert(-1, "y")
d.insert(-100, "b")
d.insert(3, "m")
print(d)
d.reverse()
print(d)
c = d.copy()
c.append("new")
print(d == c, len(d), len(c), type(c).__name__)
m = deque([1, 2], maxlen=5).copy()
print(m, m.maxlen)
print(deque([5]).__copy__())
d.clear()
print(d, len(d))
d.append(1)
print(d)
