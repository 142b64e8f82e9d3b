# Lots of short-lived allocations: the program keeps working after many GC cycles.
import gc

total = 0
for i in range(20000):
    s = "item %d" % i
    lst = [i, s, (i, s)]
    d = {"k": lst}
    total += len(d["k"][1])
print(total)
gc.collect()
big = []
for i in range(200):
    big.append(bytearray(100))
    big.append([0] * 50)
print(len(big), sum(len(x) for x in big))
del big
gc.collect()
print("done")
