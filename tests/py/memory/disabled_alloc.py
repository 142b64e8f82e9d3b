# Allocation keeps working while automatic collection is disabled (within reason).
import gc

gc.disable()
chunks = []
for i in range(500):
    chunks.append([i] * 20)
print(len(chunks), chunks[-1][:3])
chunks = None
gc.enable()
gc.collect()
print(gc.isenabled())
