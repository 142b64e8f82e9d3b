# deque iteration and reversed() after rotations and mixed appends.
from collections import deque

d = deque()
for i in range(10):
    if i % 2:
        d.append(i)
    else:
        d.appendleft(i)
print(list(d), list(reversed(d)))
d.rotate(3)
print(list(d), list(reversed(d)))
r = reversed(deque("abc"))
print(next(r), list(r), list(r))
it = iter(deque([1, 2]))
print(iter(it) is it, list(it), list(it))
print(list(enumerate(deque("xy"))), list(zip(deque([1, 2]), deque("ab"))))
print(list(reversed(deque())))
print(dict(deque([("a", 1), ("b", 2)])), set(deque([1, 1, 2])))
