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


check = 0
for rep in range(150):
    k = rep % 25
    f = fact(1100 + k * 4)
    s = str(f)
    p = pow(3, 5000 + rep) - pow(2, 7000 + k)
    m = pow(7, 10 ** 20 + rep, 10 ** 40 + 7)
    fib = [0, 1]
    for _ in range(3000 + k):
        fib.append(fib[-1] + fib[-2])
    g = fib[-1]
    q, r = divmod(g, fact(300))
    e = e_digits(600 + k)
    check = (check * 31 + sum(map(int, s)) + p % 1000003 + m % 99991 + int(e[-10:]) +
             q.bit_length() + r % 999983 + ((f >> 2000) & 0xFFFF) + (-f // 7 % 1000)) % (2 ** 61 - 1)
print(len(s), s[:20], p % 1000003, m, e[-10:], len(str(g)), check)
