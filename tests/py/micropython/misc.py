# Checks: the rest of micropython: opt_level get/set, kbd_intr, alloc_emergency_exception_buf
# (accepted, the buffer is always there), stack_use, mem_info (its output is not compared:
# it prints addresses-dependent sizes, so here it only has to run).
try:
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit

print(micropython.opt_level())
micropython.opt_level(2)
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
print(micropython.alloc_emergency_exception_buf(100))
print(micropython.stack_use() > 0)
print(callable(micropython.mem_info))
