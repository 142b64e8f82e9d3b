# deque comparisons: lexicographic between deques; never equal to a list.
from collections import deque

a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(deque() == deque(), deque() < deque([0]), deque([1]) == deque([1.0]))
print(deque([1, 2]) == [1, 2], deque([1, 2]) != [1, 2], deque("ab") == deque("ab", 5))
print(deque([1, 2]) < deque([1, 2, 0]), deque([2]) > deque([1, 9]))
try:
    deque([1]) < [1]
except TypeError:
    print("TypeError")
try:
    deque([1]) < deque(["a"])
except TypeError:
    print("TypeError: items")
try:
    hash(deque())
except TypeError:
    print("TypeError: unhashable")
print(deque([[1]]) == deque([[1]]), deque([float("nan")]) == deque([float("nan")]))
