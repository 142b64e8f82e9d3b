# A priority queue of (priority, counter, task) tuples; ties fall back to the counter.
import heapq

pq = []
count = 0
for prio, task in [(3, "write"), (1, "read"), (2, "send"), (1, "open"), (3, "close")]:
    heapq.heappush(pq, (prio, count, task))
    count += 1
print(pq[0])
while pq:
    prio, _, task = heapq.heappop(pq)
    print(prio, task)

class Task:
    def __init__(self, name):
        self.name = name

pq = []
heapq.heappush(pq, (1, 0, Task("a")))
heapq.heappush(pq, (1, 1, Task("b")))
print([heapq.heappop(pq)[2].name for _ in range(2)])
