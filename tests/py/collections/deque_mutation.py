# deque: changing the length while iterating or comparing raises RuntimeError.
from collections import deque

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError:
    print("RuntimeError: append")
d = deque([1, 2, 3])
try:
    for x in d:
        d.popleft()
except RuntimeError:
    print("RuntimeError: popleft")
d = deque([1, 2, 3])
for x in d:
    d[0] = x
print(d)
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.rotate(1)
try:
    next(it)
except RuntimeError:
    print("RuntimeError: rotate")
try:
    next(it)
    print("continued")
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__)

class Evil:
    def __eq__(self, other):
        d.append(0)
        return False

for op in ["index", "count", "contains", "remove"]:
    d = deque([1, 2, 3])
    try:
        if op == "index":
            d.index(Evil())
        elif op == "count":
            d.count(Evil())
        elif op == "contains":
            Evil() in d
        else:
            d.remove(Evil())
        print(op, "no error")
    except (RuntimeError, IndexError) as e:
        print(op, type(e).__name__)
d = deque([1, 2, 3])
it = reversed(d)
print(next(it))
d.clear()
try:
    next(it)
except RuntimeError:
    print("RuntimeError: reversed")
