# Division by one digit and by several (both now multiply by a reciprocal of the divisor's
# top digit instead of dividing): normalised and unnormalised divisors, odd and even
# dividend lengths around the two-digits-at-a-time threshold, quotient digits of 2^32 - 1
# (Knuth's estimate at its limit), remainders of zero and of divisor - 1, all signs.
x = 12345


def rnd(bits):
    global x
    r = 0
    for _ in range((bits + 30) // 31):
        x = (x * 1103515245 + 12345) % 2147483648
        r = (r << 31) | x
    return r >> ((bits + 30) // 31 * 31 - bits)


divisors = [1, 2, 3, 7, 10, 10 ** 9, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32 - 5,
            999983, 65537]
h = 0
for limbs in range(1, 20):
    for d in divisors:
        for a in (rnd(32 * limbs), 2 ** (32 * limbs) - 1, d * (2 ** (32 * limbs) - 1),
                  d * 2 ** (32 * limbs) - 1, (2 ** (32 * limbs) - 1) * d + d - 1):
            for sa in (1, -1):
                for sd in (1, -1):
                    q, r = divmod(sa * a, sd * d)
                    assert q * sd * d + r == sa * a
                    h = (h * 1000003 + q * 7 + r + (sa * a) % (sd * d)) % (2 ** 127 - 1)
print(h)

h = 0
for i in range(400):
    b = rnd(33 + i % 300) | (1 << (32 + i % 300))
    if i % 4 == 0:
        b |= 1 << (b.bit_length() // 32 * 32 + 31)  # top digit with its top bit set
    for q in (rnd(32 + i % 200), 2 ** (32 * (1 + i % 9)) - 1, (2 ** 32 - 1) << (32 * (i % 5))):
        for r in (0, 1, b - 1, rnd(b.bit_length() - 1)):
            a = b * q + r
            assert divmod(a, b) == (q, r) and divmod(-a, b) == (-q - (r > 0), (b - r) % b)
            h = (h * 31 + a // b + a % b + (-a) // (b + 1)) % (2 ** 89 - 1)
print(h)
f = 1
for i in range(2, 700):
    f *= i
s = str(f)
print(len(s), s[:30], s[-200:-170], str(-f)[:10], str(10 ** 1000 - 1)[-5:], str(10 ** 1000)[:5])
