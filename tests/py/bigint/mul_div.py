# Multiplication and exact division of big ints.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
p = a * b
print(p)
print(p // a == b, p // b == a, p % a, p % b)
print(a * -b, -a * -b == p, a * 0, a * 1 == a)
print((a ** 3) // (a ** 2) == a, (a ** 5) % (a ** 2))
print(p // (10 ** 20), p % (10 ** 20))
print(-p // 7, -p % 7)
