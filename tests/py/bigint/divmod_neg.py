# Big-int floor division and modulo with all sign combinations.
a = 10 ** 30 + 12345
b = 10 ** 12 + 7
for x, y in [(a, b), (-a, b), (a, -b), (-a, -b), (a, 7), (-a, 7), (7, a), (-7, a), (7, -a)]:
    q, r = divmod(x, y)
    print(q, r, x // y == q, x % y == r, q * y + r == x)
print(divmod(-(2 ** 100), 2 ** 50), divmod(2 ** 100, -(2 ** 50) - 1))
print((-(10 ** 25)) // 3, (-(10 ** 25)) % 3, 10 ** 25 // -3, 10 ** 25 % -3)
