# collections.deque(maxlen=): bounded deques drop items from the opposite end.
from collections import deque

d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft(-1)
print(d)
d.extend([10, 11])
print(d)
d.extendleft([20, 21])
print(d, d.maxlen)
print(deque(range(10), 4), deque(range(10), maxlen=0), deque([1, 2]).maxlen)
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
z.extend(range(5))
print(z, len(z))
d = deque("abc", maxlen=3)
try:
    d.insert(1, "x")
except IndexError:
    print("IndexError: full")
d.pop()
d.insert(0, "x")
print(d)
try:
    d.maxlen = 5
except AttributeError:
    print("AttributeError: read-only")
print(deque("ab", None).maxlen, deque("ab", True).maxlen)
