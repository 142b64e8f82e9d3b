# comb against Pascal's triangle; perm against factorial ratios; big k (product algorithm)
import math
row = [1]
ok = True
for n in range(1, 120):
    row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    ok = ok and all(math.comb(n, k) == row[k] for k in range(n + 1))
print(ok)
print(all(math.perm(n, k) == math.factorial(n) // math.factorial(n - k) for n in range(40) for k in range(n + 1)))
c = math.comb(3000, 1400)
print(len(str(c)), c % 1000003)
print(math.comb(10**6, 3), math.perm(10**6, 3), math.comb(2**64, 2) == 2**64 * (2**64 - 1) // 2)
print(math.comb(100, 50) == math.comb(100, 50.0.__int__()))
print(math.perm(1000, 1000) == math.factorial(1000), math.comb(5000, 2500) == math.comb(5000, 2500))
