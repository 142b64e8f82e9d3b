# math.isqrt: exact integer square roots, small and huge
import math
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**31, 2**32 - 1, 2**52, 2**62 - 1, 2**62, 2**63 - 1, 2**64, True]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) ** 2)
for k in [60, 61, 100, 200, 1000]:
    n = 10**k
    r = math.isqrt(n)
    print(k, r == 10**(k // 2) if k % 2 == 0 else (r * r <= n < (r + 1) ** 2))
    print(math.isqrt(n - 1) == r - 1 if k % 2 == 0 else 'odd', math.isqrt(n + 1) == r)
big = 3**2001
r = math.isqrt(big)
print(r * r <= big < (r + 1) ** 2, len(str(r)))
for x in [12345678901234567890123**2 - 1, 12345678901234567890123**2, 12345678901234567890123**2 + 1]:
    print(math.isqrt(x))
try:
    math.isqrt(-1)
except ValueError as e:
    print('ValueError', e)
for bad in [4.0, '4']:
    try:
        math.isqrt(bad)
    except TypeError:
        print('TypeError')
