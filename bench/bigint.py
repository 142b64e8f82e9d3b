# Big integers: factorials, powers, digits of e, modular exponentiation, str() of big ints.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def e_digits(n):
    # e = sum 1/k!, scaled by 10**(n + 10)
    scale = 10 ** (n + 10)
    total = 0
    term = scale
    k = 1
    while term:
        total += term
        term //= k
        k += 1
    return str(total)[:n]


f = fact(1200)
s = str(f)
p = pow(3, 5000) - pow(2, 7000)
m = pow(7, 10 ** 20, 10 ** 40 + 7)
fib = [0, 1]
for _ in range(3000):
    fib.append(fib[-1] + fib[-2])
g = fib[-1]
q, r = divmod(g, fact(300))
print(len(s), s[:20], sum(map(int, s)) % 1000, p % 1000003, m, e_digits(600)[-10:],
      len(str(g)), q.bit_length(), r % 999983, (f >> 2000) & 0xFFFF, -f // 7 % 1000)
