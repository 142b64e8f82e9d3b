# Bitwise operators on big ints of both signs.
a = 2 ** 100 + 2 ** 50 + 12345
b = -(2 ** 80) - 99
for x, y in [(a, b), (b, a), (a, -a), (b, b), (a, 0xFF), (b, 0xFFFF), (-1, a)]:
    print(x & y, x | y, x ^ y)
print(~a, ~b, ~(2 ** 64), ~-(2 ** 64))
print(a & ((1 << 64) - 1), b & ((1 << 64) - 1))
