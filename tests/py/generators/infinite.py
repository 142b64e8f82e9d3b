# Infinite generators consumed partially.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


p = primes()
print([next(p) for _ in range(15)])
for n in naturals():
    if n * n > 50:
        print("first square over 50:", n)
        break
print(list(zip(naturals(), "abc")))
