# rtpy/MicroPython only: gc.mem_free() and gc.mem_alloc() do not exist in CPython, so this
# test keeps its expected output in mem_free.py.exp instead of comparing with python3.
# Under an interpreter without them (CPython) it prints SKIP.
import gc
import sys

if not hasattr(gc, "mem_free"):
    print("SKIP: gc.mem_free/gc.mem_alloc are rtpy/MicroPython only")
    sys.exit(0)

gc.collect()
free = gc.mem_free()
alloc = gc.mem_alloc()
print(isinstance(free, int), isinstance(alloc, int), free > 0, alloc > 0)
keep = [bytearray(1000) for _ in range(20)]
alloc2 = gc.mem_alloc()
print(alloc2 > alloc)
del keep
gc.collect()
print(gc.mem_alloc() < alloc2)
print(gc.mem_free() + gc.mem_alloc() == free + alloc)
