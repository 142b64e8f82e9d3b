# int + - * // % divmod with every sign combination, around the small-int and word limits.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, -256,
        2**30 - 1, 2**30, -2**30, -2**30 - 1, 2**31, -2**31,
        2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
        2**64 - 1, 2**64, -2**64, 2**64 + 1, 10**20, -10**20, 3**50, -(3**50)]
for a in vals:
    row = []
    for b in vals:
        row.append(a + b)
        row.append(a - b)
        row.append(a * b)
        if b:
            row.append(a // b)
            row.append(a % b)
            row.append(divmod(a, b))
    print(a, row)

# the identity a == (a // b) * b + a % b, and the sign of the remainder
bad = 0
for a in vals:
    for b in vals:
        if b:
            q, r = divmod(a, b)
            if q * b + r != a or (r != 0 and (r < 0) != (b < 0)) or abs(r) >= abs(b):
                bad += 1
print("identity failures:", bad)

# results that fall back into the small range are plain ints that compare equal
x = 2**64
print(x - (x - 5), (x + 3) - x, x // x, x % (x - 1), -x + x, x * 0, type(x - x))
print(2**62 - 1 + 1, -2**62 - 1 + 1, (2**62) * 2 // 4)

for a, b in [(7, 0), (2**70, 0), (0, 0)]:
    for f in (lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
        try:
            f()
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)

# unary ops
for a in vals:
    print(-a, +a, abs(a), ~a, -(-a) == a)
