# Converting between floats and ints.
for v in [0.0, 0.9, -0.9, 1.5, -1.5, 1e15, 1e20, -1e20, 2.0 ** 63, 123456789.987]:
    print(v, int(v), float(int(v)) == int(v))
print(float(2 ** 53) == 2 ** 53, float(2 ** 53 + 1) == 2 ** 53 + 1)
print((2.5).is_integer(), (3.0).is_integer(), (1e300).is_integer())
print(int(1e16), int(-1e16), int(1.7976931348623157e308) > 10 ** 307)
