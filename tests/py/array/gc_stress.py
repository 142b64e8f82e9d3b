# arrays survive collections while they grow; data blocks are kept alive by their array
import array
import gc
keep = []
for i in range(200):
    a = array.array('q', range(i))
    a.append(i * 1000)
    keep.append(a)
    if i % 50 == 0:
        gc.collect()
gc.collect()
print(all(list(keep[i][:i]) == list(range(i)) and keep[i][-1] == i * 1000 for i in range(200)))
big = array.array('d')
for i in range(20000):
    big.append(i / 2)
    if i % 5000 == 0:
        gc.collect()
print(len(big), big[19999], sum(big))
