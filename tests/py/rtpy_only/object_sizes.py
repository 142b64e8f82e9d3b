# rtpy/MicroPython only (gc.mem_alloc): the heap bytes an object takes, measured over 200 of
# each, against the sizes docs/performance.md promises: MicroPython's on a 32-bit target
# (16-byte blocks), and the same structures with 8-byte words on a 64-bit host.
import gc
import sys

if not hasattr(gc, "mem_alloc"):
    print("SKIP: gc.mem_alloc is rtpy/MicroPython only")
    sys.exit(0)

wide = sys.maxsize > 2**32


class Three:
    def __init__(self, a):
        self.a = a
        self.b = a
        self.c = a


def each(make):
    gc.collect()
    before = gc.mem_alloc()
    keep = [make(i) for i in range(200)]
    used = gc.mem_alloc() - before - 16 * ((200 * (16 if wide else 8) + 15) // 16)
    del keep
    return used // 200


Three(0)  # the class learns its instances' size from the first one
limits = [  # what, bytes on a 32-bit target, on a 64-bit host
    ("float", lambda i: i + 0.5, 16, 16),
    ("tuple of 3", lambda i: (i, i, i), 32, 48),
    ("dict of 3 names", lambda i: {"x": i, "y": i, "z": i}, 48, 80),
    ("dict of 3 ints", lambda i: {i: 1, i + 1: 2, i + 2: 3}, 48, 80),
    ("instance with 3 attributes", Three, 48, 96),
]
for what, make, narrow_max, wide_max in limits:
    n = each(make)
    print(what, n <= (wide_max if wide else narrow_max) or n)
