# deque.extend / extendleft: any iterable, generators, the deque itself.
from collections import deque

d = deque([1, 2])
d.extend(x * 10 for x in range(3))
print(d)
d.extendleft(x * 10 for x in range(3))
print(d)
d = deque([1, 2, 3])
d.extend(d)
print(d)
d = deque([1, 2, 3])
d.extendleft(d)
print(d)
d = deque([1, 2], maxlen=3)
d.extend(d)
print(d)
d.extend([])
d.extendleft("")
print(d)
d = deque()
d += [1, 2]
d += "ab"
print(d)
d.extend({"k": 1})
print(d)
try:
    d.extend(5)
except TypeError:
    print("TypeError")
print(d)
