# heapq works on list subclasses too.
import heapq

class Heap(list):
    def push(self, x):
        heapq.heappush(self, x)

    def pop_min(self):
        return heapq.heappop(self)

h = Heap([5, 3, 4])
heapq.heapify(h)
h.push(1)
print(list(h), h.pop_min(), h.pop_min(), list(h), len(h), type(h).__name__)
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 9), list(h))
