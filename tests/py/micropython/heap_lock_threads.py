# Checks: the heap lock is global, as in MicroPython: while the main thread holds it, another
# thread's allocation raises MemoryError; after heap_unlock the same allocation succeeds.
try:
    import micropython
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

out = [0, 0]
go = rtos.Semaphore(0)


def allocator():
    for k in (0, 1):
        go.acquire()
        try:
            x = [k] * 10
            out[k] = 1
        except MemoryError:
            out[k] = 2


t = rtos.Thread(allocator, priority=12)  # runs until it waits on go
micropython.heap_lock()
go.release()  # the allocator runs now, before our next bytecode, with the heap locked
micropython.heap_unlock()
go.release()
t.join()
print(out)
