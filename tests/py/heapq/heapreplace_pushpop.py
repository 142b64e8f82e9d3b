# heapq.heapreplace pops then pushes; heappushpop pushes then pops.
import heapq

h = [1, 3, 5, 7, 9]
print(heapq.heapreplace(h, 4), h)
print(heapq.heapreplace(h, 0), h)
print(heapq.heappushpop(h, 2), h)
print(heapq.heappushpop(h, 100), h)
print(heapq.heappushpop([], 7))
e = []
try:
    heapq.heapreplace(e, 1)
except IndexError:
    print("IndexError")
h = [2]
print(heapq.heappushpop(h, 2), h, heapq.heapreplace(h, 1), h)
