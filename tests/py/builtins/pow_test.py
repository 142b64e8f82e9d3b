# pow() with two and three arguments.
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(4, 0.5), pow(0, 0))
print(pow(3, 200, 1000), pow(5, 3, 13), pow(-5, 3, 13), pow(5, 3, -13), pow(10 ** 30, 10 ** 5, 97))
print(pow(2, 0, 1), pow(38, -1, 97), pow(base=2, exp=5), pow(2, 5, mod=7))
try:
    pow(2, 2, 0)
except ValueError:
    print("ValueError")
