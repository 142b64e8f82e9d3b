# heapq compares with < only: objects defining just __lt__ work.
import heapq

class Job:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio

h = []
for p, n in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    heapq.heappush(h, Job(p, n))
print([j.name for j in h])
print([heapq.heappop(h).name for _ in range(len(h))])
jobs = [Job(i % 4, str(i)) for i in range(8)]
heapq.heapify(jobs)
print([j.name for j in jobs])
print([j.name for j in heapq.nsmallest(3, jobs)], [j.name for j in heapq.nlargest(2, jobs)])

class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

h = [Rev(x) for x in [1, 5, 3]]
heapq.heapify(h)
print([heapq.heappop(h).v for _ in range(3)])
