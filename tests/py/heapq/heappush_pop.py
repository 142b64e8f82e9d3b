# heapq.heappush/heappop: the list layout matches CPython's after every step.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 6, 0, 4]:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
h = []
heapq.heappush(h, "b")
heapq.heappush(h, "a")
print(h, heapq.heappop(h), h)
