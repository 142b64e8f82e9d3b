# Floating point accumulation and its rounding errors.
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
x = 1.0
for _ in range(60):
    x /= 2
print(x, x * 2 ** 60)
h = 0.0
for i in range(1, 101):
    h += 1.0 / i
print(h)
print(1e16 + 1 - 1e16, 1e16 + 2 - 1e16)
