# Arithmetic across the small-int / big-int boundary gives exact results.
edges = [2 ** 29, 2 ** 30, 2 ** 31, 2 ** 32, 2 ** 62, 2 ** 63, 2 ** 64]
for e in edges:
    for v in (e - 1, e, -e, -e - 1):
        print(v, v + 1, v - 1, v * 2, v * -3, v // 7, v % 7, v >> 1, v << 1)
x = 1
for i in range(70):
    x *= 2
print(x, x == 2 ** 70)
while x > 1:
    x //= 2
print(x, type(x).__name__)
