# A numeric algorithm: square roots by Newton's method and a simple integral.
def sqrt(a):
    x = a
    for _ in range(60):
        x = (x + a / x) / 2
    return x


for a in [2.0, 10.0, 0.25, 1e10, 12345.6789]:
    print(a, sqrt(a), sqrt(a) ** 2)


def integrate(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)


print(integrate(lambda x: x * x, 0.0, 1.0, 1000))
print(integrate(lambda x: 1 / x, 1.0, 2.0, 100))
