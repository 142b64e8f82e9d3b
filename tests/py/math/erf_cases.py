# erf and erfc
import math
for x in [0, 0.1, 0.5, 1, 2, 3, 5, 10, 30, -0.5, -1, -3, -30, 1e-300, -0.0]:
    print(x, math.erf(x), math.erfc(x))
print(math.erf(math.inf), math.erf(-math.inf), math.erfc(math.inf), math.erfc(-math.inf))
print(math.isnan(math.erf(math.nan)), math.isnan(math.erfc(math.nan)))
