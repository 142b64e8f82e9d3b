# Reference cycles are collected; data still reachable survives gc.collect().
import gc


class Node:
    def __init__(self, v):
        self.v = v
        self.other = None


keep = []
for i in range(2000):
    a = Node(i)
    b = Node(-i)
    a.other = b
    b.other = a
    if i % 100 == 0:
        keep.append(a)
gc.collect()
print(len(keep), [n.other.v for n in keep[:5]], keep[-1].other.other.v)
ring = [Node(i) for i in range(50)]
for i, n in enumerate(ring):
    n.other = ring[(i + 1) % 50]
del ring[1:]
gc.collect()
n = ring[0]
for _ in range(50):
    n = n.other
print(n.v, n is ring[0])
