# deque.rotate: right for positive n, left for negative, modulo the length.
from collections import deque

for n in [0, 1, 2, 5, 7, -1, -2, -5, 12, -13, 2**40 + 3, -10**9]:
    d = deque(range(5))
    d.rotate(n)
    print(n, list(d))
d = deque()
d.rotate(3)
print(d)
d = deque([1])
d.rotate(-7)
print(d)
d = deque(range(5))
d.rotate()
print(d)
d = deque(range(6), maxlen=6)
d.rotate(2)
print(d)
d = deque(range(20))
d.popleft()
d.append(20)
d.rotate(8)
print(list(d))
d.rotate(-8)
print(list(d) == list(range(1, 21)))
for bad in ("a", 1.5):
    try:
        d.rotate(bad)
    except TypeError:
        print("TypeError")
try:
    d.rotate(10**30)
except OverflowError:
    print("OverflowError")
