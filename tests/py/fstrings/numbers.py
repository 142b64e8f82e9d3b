# f-strings with ints and floats of many sizes.
for v in [0, 7, -7, 1000, 10 ** 20, -(2 ** 70)]:
    print(f"{v} {v:,} {v:x}")
for v in [0.0, -0.0, 1.0, 0.1, 1e20, 1.5e-7, float("inf"), 123.456]:
    print(f"{v} {v!r} {v:.2f}")
