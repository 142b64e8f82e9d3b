# ulab on a full heap (.args: a 64 KiB heap): arrays too big, and results that do not fit,
# raise MemoryError; what was there is intact and the program goes on computing.
import gc

from ulab import numpy as np

a = np.linspace(0, 1, 1000)  # 8 KB of items
try:
    np.zeros(100000)
except MemoryError:
    print("zeros: MemoryError")
kept = []
try:
    while True:
        kept.append(a * 2)  # results until the heap is full
except MemoryError:
    n = len(kept) > 2
failed = False
try:
    np.sqrt(a)
except MemoryError:
    failed = True
same = kept[0][500] == a[500] * 2
kept = None
gc.collect()
print("a * 2: MemoryError after", n)
print("sqrt: MemoryError", failed)
print(a[0], a[-1], same)
print(np.sum(np.sqrt(a * 2)) > 0, np.max(a + a))
