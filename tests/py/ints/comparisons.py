# Comparisons among ints, floats and bools, including large values.
print(1 < 2, 2 < 1, 1 == 1.0, 1 < 1.5, -1 > -2, 0 == -0)
print(2 ** 63 > 2 ** 62, -(2 ** 63) < -(2 ** 62), 2 ** 100 == 2 ** 100)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 30 < 1e30, 10 ** 30 > 1e29)
print(1 < float("inf"), -10 ** 400 > float("-inf"), 1 == float("nan"))
print(max(3, 7, -1), min(3, 7, -1), sorted([3, -1, 2 ** 70, 0, -(2 ** 70)]))
print(5 != 5.0, True == 1.0, 0.0 == False)
