# Float comparisons with ints, including values beyond 2**53.
print(0.1 + 0.2 > 0.3, 0.1 + 0.2 == 0.30000000000000004, 1.0 == 1, 1.5 > 1)
print(2 ** 53 + 1 > float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53), 2 ** 1000 > 1e300)
print(-0.0 < 0.0, -0.0 == 0, sorted([1, 0.5, -2, 1.5, 0]))
print(max(1, 1.0), max(1.0, 1), min([2.5, 2]), 3 in [3.0], 3.0 in {3: "x"})
print(1e-320 > 0, 5e-324 / 2 == 0)
