# Membership tests on ranges with negative steps, floats, bools and big values.
r = range(10, -10, -3)
print(list(r))
for v in [10, 7, -8, -10, 0, 1, 4, 4.0, 4.5, True, -2]:
    print(v, v in r)
print(3.0 in range(5), "3" in range(5), None in range(1))
big = range(-(10 ** 30), 10 ** 30, 7)
print((10 ** 30 + 1) % 7 == 0, 0 in big, -(10 ** 30) + 7 in big, big.step)
