# nlargest/nsmallest edge cases: n <= 0, n past the length, generators, empty input.
import heapq

print(heapq.nlargest(-1, [1, 2]), heapq.nsmallest(0, [1, 2]), heapq.nlargest(5, []))
print(heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(10, iter([3, 1, 2])))
print(heapq.nlargest(2, (x * x for x in range(-3, 3))), heapq.nsmallest(1, "zebra"))
print(heapq.nlargest(1, [2, 7, 7]), heapq.nsmallest(1, [], key=abs))
print(heapq.nsmallest(3, range(1000000, 0, -7))[:3])
print(heapq.nlargest(2, {"a": 1, "b": 2, "c": 0}), heapq.nsmallest(2, {5, 1, 3}))
try:
    heapq.nlargest(2, [1, "a", 3])
except TypeError:
    print("TypeError")
