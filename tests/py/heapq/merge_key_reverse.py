# heapq.merge with key= and reverse=: the inputs must be sorted the same way.
import heapq

print(list(heapq.merge([9, 5, 1], [8, 7, 2], reverse=True)))
print(list(heapq.merge(["ccc", "a"], ["dddd", "bb"], key=len, reverse=True)))
print(list(heapq.merge(["a", "bb"], ["c", "dd"], key=len)))
print(list(heapq.merge([3, 2, 1], [3, 2], [3], reverse=True)))
print(list(heapq.merge([(2, "x"), (1, "y")], [(2, "p"), (1, "q")], key=lambda t: t[0], reverse=True)))
