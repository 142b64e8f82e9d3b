# Floor division and modulo follow the sign of the divisor (CPython semantics).
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 7), (-1, 7),
         (13, 1), (-13, -1), (2 ** 31, 7), (-(2 ** 31), 7), (2 ** 62, -3)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
for a in (1, 0, -1):
    try:
        a // 0
    except ZeroDivisionError:
        print("ZeroDivisionError //")
    try:
        a % 0
    except ZeroDivisionError:
        print("ZeroDivisionError %")
try:
    divmod(1, 0)
except ZeroDivisionError:
    print("ZeroDivisionError divmod")
