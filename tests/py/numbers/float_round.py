# round() of floats: ties to even on the exact binary value, negative digits, int results.
vals = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375, -0.125,
        123.456, -123.456, 1e16, 1e22, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3, 2675e-3, 0.0, -0.0,
        1234567.891, 15.0, 25.0, 35.0, -45.0, 4.5e15 + 0.5, 2.0**52 + 0.5]
for v in vals:
    out = [round(v)]
    for n in (0, 1, 2, 3, 5, 10, 17, 300, 400, -1, -2, -3, -10, -300, -400):
        out.append(round(v, n))
    print(v, out)
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, None), round(-0.4), round(-0.4, 0))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(round(v, 2), round(v, -2))
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    print(round(1.7976931348623157e308, -308))
except OverflowError as e:
    print("OverflowError", e)
print(round(5e307, -308), round(1.5, 10**30), round(1.5, -(10**30)), round(-1.5, -(10**30)))
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError")
