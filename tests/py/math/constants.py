# math constants: pi, e, tau, inf, nan and their relations
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, type(math.inf).__name__)
print(math.tau == 2 * math.pi)
print(math.inf > 1e308, math.isinf(math.inf), math.isnan(math.nan))
print(math.nan == math.nan, math.nan != math.nan)
print(repr(math.pi), str(math.e))
print(math.pi * 2, math.e ** 2)
print(sorted(n for n in ['pi', 'e', 'tau', 'inf', 'nan'] if hasattr(math, n)))
print(math.__name__)
