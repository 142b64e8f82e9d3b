# heapq.merge: lazily merges sorted inputs into one sorted stream, stable across inputs.
import heapq

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([], [1])))
print(list(heapq.merge("ace", "bdf")))
a = [(1, "a1"), (2, "a2")]
b = [(1, "b1"), (2, "b2")]
print(list(heapq.merge(a, b, key=lambda t: t[0])))

def gen(name, values):
    for v in values:
        print("read", name, v)
        yield v

m = heapq.merge(gen("x", [1, 4]), gen("y", [2, 3]))
print("start")
print(next(m))
print(list(m))
