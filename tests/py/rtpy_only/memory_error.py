# rtpy only: exhausting the fixed heap raises MemoryError, which the program can catch and
# then go on. CPython would just use more memory (or get killed), so the expected output is
# kept in memory_error.py.exp. Without gc.mem_free (CPython: no fixed heap) it prints SKIP
# rather than eating all the machine's memory.
import gc
import sys

if not hasattr(gc, "mem_free"):
    print("SKIP: needs a fixed heap (rtpy/MicroPython)")
    sys.exit(0)

hog = []
try:
    while True:
        hog.append(bytearray(64 * 1024))
except MemoryError:
    n = len(hog)
    hog = None
    gc.collect()
    print("MemoryError caught", n > 0)
again = [bytearray(1024) for _ in range(10)]
print("allocation works again", len(again))
