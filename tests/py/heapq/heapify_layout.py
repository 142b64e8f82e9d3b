# heapq.heapify in place: layouts for several inputs, and the heap invariant.
import heapq

for data in [[], [1], [2, 1], [3, 2, 1], list(range(10, 0, -1)), [5, 5, 5, 1, 1],
             [9, 2, 7, 4, 3, 8, 1, 6, 5, 0, 11, 10], [x * 37 % 101 for x in range(40)]]:
    d = list(data)
    r = heapq.heapify(d)
    ok = all(d[i] <= d[c] for i in range(len(d)) for c in (2 * i + 1, 2 * i + 2) if c < len(d))
    print(r, d, ok)
