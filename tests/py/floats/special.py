# inf, nan and negative zero.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-inf))
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf != inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf + 1, inf * -1, inf * 0, 1 / inf, -1 / inf)
print(float("Infinity"), float("-iNF"), float("NaN"), float("+inf"))
z = -0.0
print(z, repr(z), 0.0 == -0.0, str(-0.0), -0.0 + 0.0, 0.0 * -1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(max(1.0, inf), min(-inf, 0.0), abs(-inf), abs(-0.0))
