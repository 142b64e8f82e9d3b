# Integer accumulation in loops: sums, products, gcd by Euclid.
print(sum(range(101)), sum(range(-50, 51)), sum([], 10))
p = 1
for i in range(1, 21):
    p *= i
print(p)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


print(gcd(48, 18), gcd(-48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 20))
print(sum(i * i for i in range(1000)) % 997)
tri = [n * (n + 1) // 2 for n in range(10)]
print(tri)
