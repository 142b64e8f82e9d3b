# abs, round, bool and unary operators on big ints.
n = -(3 ** 80)
print(abs(n), -n, +n, bool(n), bool(n - n), round(n, -30))
print(abs(-(2 ** 63)), abs(2 ** 63), -(-(2 ** 63)))
print(divmod(n, 10 ** 10), pow(n, 2) == n * n)
print(type(n).__name__, isinstance(n, int))
