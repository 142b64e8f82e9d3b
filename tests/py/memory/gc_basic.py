# gc.collect(), gc.enable(), gc.disable() and gc.isenabled().
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.collect()
gc.disable()
data = [list(range(10)) for _ in range(100)]
gc.collect()
print(len(data), sum(sum(x) for x in data))
gc.enable()
print(gc.isenabled())
