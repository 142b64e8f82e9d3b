# A few thousand pushes and pops keep heap order; a running top-k with heappushpop.
import heapq

x = 12345
h = []
ref = []
for i in range(3000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    heapq.heappush(h, x % 1000)
    ref.append(x % 1000)
    if i % 5 == 0:
        assert heapq.heappop(h) == min(ref)
        ref.remove(min(ref))
print(len(h), h[0] == min(ref), sorted(h) == sorted(ref))
top = []
for v in range(1000):
    w = v * 7919 % 1009
    if len(top) < 5:
        heapq.heappush(top, w)
    else:
        heapq.heappushpop(top, w)
print(sorted(top, reverse=True), heapq.nlargest(5, (v * 7919 % 1009 for v in range(1000))))
