# log, log2 and log10 of ints too large for a float
import math
for k in [308, 309, 400, 1000, 5000]:
    n = 10 ** k
    print(k, math.log(n), math.log10(n), math.log2(n))
for b in [1023, 1024, 1025, 2000, 10000]:
    print(b, math.log2(2 ** b), math.log2(2 ** b - 1), math.log(2 ** b + 1))
print(math.log(10**500, 10), math.log(10**500, 10**250))
print(math.log(3**2000, 3))
print(math.log(True), math.log10(10**22), math.log2(2**53 + 1))
