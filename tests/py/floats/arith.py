# Float arithmetic and mixed int/float operations.
print(0.5 + 0.25, 1.5 * 4, 7.0 / 2, 7.0 // 2, 7.0 % 2, 2.0 ** 10, 2 ** 0.5)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2, divmod(-7.5, 2), divmod(7.0, 0.5))
print(1 + 1.0, 3 * 0.1, 10 / 4.0, 2 ** -1.0, (-8) ** 2.0)
print(0.1 + 0.7, 1.1 + 2.2, 4.35 * 100, 1 - 0.9)
print(1e308 + 1e308, 2.0 ** 0.5 * 2.0 ** 0.5)
for op in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 ** -1):
    try:
        op()
    except ZeroDivisionError:
        print("ZeroDivisionError")
try:
    2.0 ** 10000
except OverflowError:
    print("OverflowError")
print(-2.0 ** 0.5, abs(-3.5), -(-0.0))
