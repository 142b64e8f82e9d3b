# Heap sort with heapq equals sorted(), for ints, floats, strings and tuples.
import heapq

def heapsort(items):
    h = []
    for v in items:
        heapq.heappush(h, v)
    return [heapq.heappop(h) for _ in range(len(h))]

for data in [[3, 1, 2], [], [1.5, -2, 0, 3], list("heapsort"), [(2, "b"), (1, "z"), (2, "a")],
             [x * 7919 % 1000 for x in range(300)]]:
    print(heapsort(data) == sorted(data), heapsort(data)[:5])
h = [x * 31 % 97 for x in range(97)]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(10)], len(h))
