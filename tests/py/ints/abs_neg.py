# Unary minus, plus and abs on ints.
for v in [0, 1, -1, 2 ** 30, -(2 ** 30), 2 ** 62, -(2 ** 62), 2 ** 63, -(2 ** 63), 2 ** 64]:
    print(v, -v, +v, abs(v), abs(-v) == abs(v))
print(-(-5), -(+5), --5, -(-(2 ** 100)))
