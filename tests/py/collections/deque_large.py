# A deque used as a large FIFO: many wraps of the ring, growth and shrinking.
from collections import deque

q = deque()
total = 0
for i in range(20000):
    q.append(i)
    if i % 3 == 0:
        total += q.popleft()
print(len(q), total, q[0], q[-1])
while len(q) > 5:
    q.popleft()
print(q)
q = deque()
for i in range(1000):
    q.appendleft(i)
    q.append(-i)
print(len(q), q[0], q[-1], q[1000], sum(q))
for i in range(1990):
    if i % 2:
        q.pop()
    else:
        q.popleft()
print(q)
w = deque(maxlen=100)
for i in range(10000):
    w.append(i)
print(len(w), w[0], sum(w))
