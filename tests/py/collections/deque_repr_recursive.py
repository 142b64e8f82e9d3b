# repr of deques that contain themselves or other containers.
from collections import deque

d = deque()
d.append(d)
print(repr(d))
d = deque([1])
d.append([d])
print(repr(d))
a = deque()
b = deque([a])
a.append(b)
print(repr(a), repr(b))
l = [deque([1, 2])]
l[0].append(l)
print(repr(l))
print(repr(deque([deque([deque()])])))
m = deque([], maxlen=2)
m.append(m)
print(repr(m))
print(repr(deque(["a", "b'", 'c"'])))
