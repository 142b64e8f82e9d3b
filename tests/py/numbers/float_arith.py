# float arithmetic with Python's sign rules for // % divmod, mixed with ints, and ** cases.
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 7.0, -7.0, 0.1, 1e300, -1e300, 1e-310,
        float("inf"), float("-inf"), float("nan"), 3, -3, 2**70]
def show(f):
    try:
        return f()
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return type(e).__name__ + ": " + str(e)
for a in vals:
    for b in vals:
        if isinstance(a, int) and isinstance(b, int):
            continue
        print(a, b, show(lambda: a + b), show(lambda: a - b), show(lambda: a * b),
              show(lambda: a / b), show(lambda: a // b), show(lambda: a % b),
              show(lambda: divmod(a, b)))
for a in [7.5, -7.5, 1.0, -1.0, 0.0, 5, -5]:
    for b in [2, -2, 0.5, -0.5, 1e-300, float("inf"), float("-inf")]:
        print(a, b, a // b, a % b, divmod(a, b))
print(0.1 + 0.2, 1 - 0.9, 3 * 0.1, 1 / 3, 2 / 3 * 3, 1e308 * 10, -1e308 * 10, 2.0 ** 0.5)
pw = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, float("inf"), float("-inf"), float("nan"), 10**3]
for a in pw:
    # a negative base to a fractional power is complex in CPython: rtpy has no complex type
    # (tests/py/rtpy_only/no_complex.py covers its ValueError)
    print(a, [show(lambda: a ** b) for b in pw if not (a < 0 and b in (0.5, -0.5))])
print(show(lambda: 10.0 ** 400), show(lambda: 2 ** 0.5), 4 ** 0.5)
print(show(lambda: 0.0 ** -1), show(lambda: 0 ** -1.0), show(lambda: (-0.0) ** -3), pow(2.0, 3), pow(-2, 0.5) if False else "")
print(-(0.0), -(-0.0), abs(-0.0), abs(-2.5), +(-1.5), 10**20 + 0.5, 2**70 * 1.5, 2**70 / 2.0**70)
try:
    10**400 + 1.0
except OverflowError as e:
    print("OverflowError", e)
try:
    1.5 * 10**400
except OverflowError as e:
    print("OverflowError", e)
x = 0.0
for i in range(1000):
    x += 0.001
print(x, sum([0.1] * 10), 1e16 + 1.0, 1e16 + 2.0, 9007199254740993 + 0.0)
