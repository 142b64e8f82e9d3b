# int ** int, negative exponents (float results) and three-argument pow.
for b in [0, 1, -1, 2, -2, 3, -3, 10, 2**31, -(2**33), 12345678901234567]:
    print(b, [b ** e for e in range(0, 12)])
print(2 ** 100, (-2) ** 101, 3 ** 200, (-7) ** 77)
print(10 ** 60 == int("1" + "0" * 60), 2 ** 64 == 18446744073709551616)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5, 3 ** -40, (2 ** 70) ** -1)
print(0 ** 0, 0 ** 1, 1 ** 10**20, (-1) ** (10**20 + 1), (-1) ** (10**20))
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    (10 ** 400) ** -1
except OverflowError as e:
    print("OverflowError", e)
print(type(2 ** 3).__name__, type(2 ** -3).__name__)

# three-argument pow
print(pow(2, 10, 1000), pow(3, 200, 1000007), pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(7, 0, 5), pow(0, 0, 3), pow(5, 1, 1), pow(5, 100, -1), pow(0, 5, 7))
print(pow(3, -1, 7), pow(2, -1, 5), pow(-2, -1, 5), pow(3, -5, 1000), pow(2, -3, -7))
print(pow(2**100 + 1, 2**64, 2**89 - 1), pow(12345, 67890, 10**30 + 57))
print(pow(2**200, 3, 2**32 - 5), pow(-(2**200), 7, 2**64 + 13))
print(pow(3, -1, 2**127 - 1) * 3 % (2**127 - 1))
print(pow(True, 5, 3), pow(5, True, 3))
for args in [(2, 3, 0), (2, -1, 4), (6, -1, 9), (0, -1, 5)]:
    try:
        pow(*args)
    except ValueError as e:
        print("ValueError", e)
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0)]:
    try:
        pow(*args)
    except TypeError as e:
        print("TypeError", e)
