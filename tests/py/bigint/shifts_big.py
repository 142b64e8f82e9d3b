# Shifts of big ints, negative values floor toward minus infinity.
a = 12345678901234567890123
print(a << 1, a << 100, a >> 1, a >> 50, a >> 200)
n = -a
print(n << 3, n >> 1, n >> 7, n >> 74, n >> 75, n >> 500)
print((1 << 200) >> 199, -(1 << 200) >> 199, (-(1 << 200) + 1) >> 199)
print(1 << 1000 == 2 ** 1000, (3 << 70) >> 70)
