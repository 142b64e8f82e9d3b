# Big-int true division (correctly rounded), pow, modular pow and inverses, round.
vals = [10**20, 2**53 + 1, 2**54 + 3, 3**100, 7**250, 2**1023, 2**1024, 10**308, 10**320, 1, 3, 7]
def div(a, b):
    try:
        return a / b
    except OverflowError:
        return "OverflowError"
for a in vals:
    print([div(a, b) for b in vals], [div(-a, b) for b in vals[:4]])
print((2**53 + 1) / 1, (2**54 + 2) / 2, (2**54 + 6) / 2, 10**400 / 10**399, -(10**400) // 10**399)
print(1 / 3, 2 / 3, 10**30 / 7, -(10**30) / 7, (10**30 + 1) / (10**29), 1 / 10**300, 1 / 10**330)
print(2**-1074 == 1 / 2**1074, 1 / 2**1075, 3 / 2**1075, (2**1024 - 2**971) / 1, 2**2000 / 2**1990)
print(div(2**1024 - 2**970, 1), div(2**1024 - 2**970 - 1, 1), 5 / 2**1076, 2**1025 / 2**2100)
for a, b in [(10**400, 1), (2**1024, 1), (10**500, 3), (-(10**400), 7)]:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError", e)
for a in [2**1024 - 2**971, 2**1024 - 2**970, 2**1023 * 3, 10**309]:
    try:
        print(float(a))
    except OverflowError as e:
        print("OverflowError", e)
print(float(2**53 + 1), float(2**53 + 3), float(2**64 - 1), float(-(2**63) - 1025), float(3**200))
print(pow(3, 1000, 2**255 - 19), pow(2**255 - 20, 2**255 - 21, 2**255 - 19))
print(pow(123456789, -1, 2**127 - 1), pow(10**40 + 1, -3, 10**41 + 3))
print(pow(7, 2**100, 10**50 + 151), pow(-(2**300), 3, 10**80 + 7), pow(2**300, 3, -(10**80 + 7)))
print(2**10000 % 10**30, (3**5000).bit_length(), (-3) ** 1001 % 10**20, (2**64) ** 10 == 2**640)
print(round(2**200 + 5 * 10**20, -21), round(-(2**200), -30), round(10**50 + 5 * 10**29, -30))
