# Integer loops and arithmetic on small ints.
def work(n):
    total = 0
    i = 0
    while i < n:
        total += (i * 7) % 13 - (i >> 2) & 0xff
        i += 1
    return total


acc = 0
for k in range(8):
    acc += work(300000)
print(acc)
