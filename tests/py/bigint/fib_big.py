# Fibonacci numbers up to a few hundred digits.
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(a)
print(len(str(a)), a % 1000000007)


def fib_doubling(n):
    if n == 0:
        return 0, 1
    x, y = fib_doubling(n // 2)
    c = x * (2 * y - x)
    d = x * x + y * y
    return (d, c + d) if n % 2 else (c, d)


print(fib_doubling(500)[0] == a, fib_doubling(1000)[0] % 10 ** 20)
