# heapq errors: non-list heaps, empty heaps, incomparable items.
import heapq

for f in (lambda: heapq.heappush((), 1), lambda: heapq.heappop("ab"), lambda: heapq.heapify(None),
          lambda: heapq.heapreplace({}, 1), lambda: heapq.heappushpop(5, 1)):
    try:
        f()
    except TypeError:
        print("TypeError")
try:
    heapq.heappop([])
except IndexError:
    print("IndexError")
h = [1]
try:
    heapq.heappush(h, "a")
except TypeError:
    print("TypeError: compare")
print(h)
try:
    heapq.heapify([3, None, 1])
except TypeError:
    print("TypeError: heapify")
try:
    heapq.heappush([])
except TypeError:
    print("TypeError: arity")
