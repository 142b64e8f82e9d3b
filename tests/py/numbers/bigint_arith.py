# Big-int arithmetic checked against identities, across the Karatsuba and radix-conversion
# thresholds (operands up to ~4000 decimal digits; CPython limits str() to 4300 digits).
seed = 12345
def rnd(bits):
    global seed
    x = 0
    for _ in range(bits // 31 + 1):
        seed = (seed * 1103515245 + 12345) % 2**31
        x = (x << 31) | seed
    return x >> (x.bit_length() - bits) if bits else 0

sizes = [1, 31, 32, 33, 63, 64, 65, 100, 1000, 1279, 1280, 1281, 2600, 5000, 13000]
bad = []
for i, sa in enumerate(sizes):
    for sb in sizes[i:]:
        a, b = rnd(sa), rnd(sb) | 1
        for x, y in [(a, b), (-a, b), (a, -b), (-a, -b)]:
            p = x * y
            q, r = divmod(x, y)
            if p // y != x or p % y != 0 or q * y + r != x or (r and (r < 0) != (y < 0)):
                bad.append((sa, sb, "divmod"))
            if (x + y) - y != x or (x - y) + y != x or x * y != y * x:
                bad.append((sa, sb, "addsub"))
            if (x * x) != x ** 2 or (x + y) ** 2 != x * x + 2 * x * y + y * y:
                bad.append((sa, sb, "square"))
print("failures:", bad)

# values printed in full (they must match CPython digit for digit)
a, b = rnd(3000), rnd(1700)
print(a * b % 10**50, a // b % 10**40, a % b % 10**40, (a ^ b) % 10**30, (-a & b) % 10**30)
print(a.bit_length(), (a * b).bit_length(), (a // b).bit_length())
f = 1
for i in range(2, 400):
    f *= i
print(f)
print(f // (2**300 + 7), f % (10**100 + 267), -f // 997, -f % 997)
print(2**4000 // 3**2000, 3**2000 % 2**100)
print(str(-(7**3000))[:50], len(str(7**3000)), int(str(7**3000)) == 7**3000)
print(hex(3**2500)[-40:], int(hex(-(3**2500)), 16) == -(3**2500), oct(5**1000)[:30])
print(int("9" * 4000) + 1 == 10**4000, int("-" + "123456789" * 400) % 1000007)
