# A comparison that changes the heap's size is detected (RuntimeError), not a crash.
import heapq

class Evil:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False

h = [1, 2, 3]
try:
    heapq.heappush(h, Evil(h))
    print("no error", len(h))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__)
h = [Evil(None)] * 0
h2 = []
items = [Evil(h2) for _ in range(5)]
h2.extend(items)
try:
    heapq.heapify(h2)
    print("no error", len(h2))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__)
h3 = []
h3.extend([Evil(h3), Evil(h3), Evil(h3)])
try:
    heapq.heappop(h3)
    print("no error", len(h3))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__)
