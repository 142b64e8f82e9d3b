# hash objects survive collections and copies stay independent
import hashlib
import gc
hs = [hashlib.sha256(bytes([i])) for i in range(100)]
gc.collect()
cs = [h.copy() for h in hs]
for i, c in enumerate(cs):
    c.update(b'x' * i)
gc.collect()
print(all(hs[i].hexdigest() == hashlib.sha256(bytes([i])).hexdigest() for i in range(100)))
print(all(cs[i].hexdigest() == hashlib.sha256(bytes([i]) + b'x' * i).hexdigest() for i in range(100)))
print(len({h.hexdigest() for h in hs}))
