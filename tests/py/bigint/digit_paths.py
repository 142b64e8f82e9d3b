# Edge cases of the one-digit and in-place paths: a bigint times / divided by one digit,
# sums and differences whose carries and borrows cross digit (and digit-pair) boundaries,
# floor division signs, int() of short digit strings.
vals = []
for k in range(1, 12):
    m = 2 ** (32 * k)
    vals += [m - 1, m, m + 1, m // 3, (m - 1) // 7 * 5]
digits = [1, 2, 3, 7, 10, 255, 65535, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 33 + 1,
          10 ** 9, 999983]

h = 0
for v in vals:
    for d in digits:
        for a in (v, -v):
            for b in (d, -d):
                p = a * b
                assert p == b * a and p // b == a and p % b == 0
                q, r = divmod(a, b)
                assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
                assert a // b == q and a % b == r
                h = (h * 1000003 + p + q + r) % (2 ** 127 - 1)
print(h)

# carries and borrows through runs of all-ones digits, odd and even lengths
for k in range(1, 11):
    m = 2 ** (32 * k)
    print(k, (m - 1) + 1 == m, (m - 1) + (m - 1), m - 1 - (m - 2), m - (m - 1), (m + 1) - 2,
          -(m - 1) - 1, -(m - 1) + (m - 1), (m * m - 1) - (m - 1) * (m + 1))
    print((m - 1) * (2 ** 32 - 1), (m - 1) * -(2 ** 32 - 1), (m + 3) // 2, (-m - 3) // 2,
          (m - 1) % 10, (-m + 1) % 10, (m - 1) % -10, divmod(-m, 3), divmod(m, -3))

# results that shrink or stay small
big = 2 ** 200
print(big * 0, 0 * big, big * 1 == big, big // big, big // (big + 1), (big + 5) % big,
      -big // 1, -big % 1, big // -1, (2 ** 64) // 2, (2 ** 96) // 2 ** 31, 2 ** 62 * 2,
      -(2 ** 62) * 2, (2 ** 62) * -2, 4611686018427387903 + 1, -4611686018427387904 - 1)
print(sum(range(10 ** 20, 10 ** 20 + 1000)), (10 ** 30 + 7) // 7, -(10 ** 30 + 7) // 7)

# factorials and their digits, the benchmark's shape
f = 1
for i in range(2, 400):
    f *= i
    if i % 97 == 0:
        s = str(f)
        print(i, len(s), s[:15], s[-15:], sum(map(int, s)), -f // 7 % 1000, f % 999983)

# int() of short digit strings, and what must not take the short path
print([int(c) for c in "0123456789"], int("000000000"), int("123456789"), int("1234567890"),
      int("99999999999999999999"), int(" 5"), int("5\n"), int("-5"), int("+5"), int("0_1"),
      int(b"7"), int("00"), int("5", 8))
class S(str):
    def __int__(self):
        return 42
print(int(S("5")))
for bad in ["", "a", "5a", "_5", "5_", " ", "0x5", "1__2", "-", "12 3"]:
    try:
        print(int(bad))
    except ValueError as e:
        print("ValueError", e)

# sums whose top digits add up to exactly 2^32 - 1 (a carry out only if one comes from
# below), products at the bit-length boundary of a digit
for k in range(2, 9):
    t = 2 ** (32 * (k - 1))
    for a, b in ((0x80000000 * t + (t - 1), 0x7FFFFFFF * t + 1), (0x80000000 * t, 0x7FFFFFFF * t + 5),
                 (0xFFFFFFFF * t + (t - 1), 1), (0xFFFFFFFF * t, t - 1), (0xFFFFFFFF * t + 3, 0)):
        print(k, a + b, b + a, -a - b, a - b, b - a)
    for m in (1, 2, 3, 2 ** 31, 2 ** 32 - 1):
        x = 2 ** (32 * k - 1)
        print(x * m, (x - 1) * m, (2 * x - 1) * m, -(2 * x - 1) * m, m * (x + 1))

# a carry that runs into the longer operand's extra digits and stops there (the rest is copied)
for k in range(1, 12):
    for j in range(0, k + 3):
        a = 7 * 2 ** (32 * (k + 3)) + 2 ** (32 * k) - 1
        b = 2 ** (32 * j) - 1 if j else 1
        print(k, j, a + b, b + a, a + b - a == b, -a - b, (a + b) % 2 ** 61)
