# math.exp, exp2, expm1, log, log2, log10, log1p on ordinary values
import math
for x in [0, 1, -1, 0.5, 10, -10, 100, 1e-10, -1e-10, 700]:
    print('exp', x, math.exp(x), math.expm1(x), math.exp2(x))
for x in [1, 2, 10, 0.5, 1e-300, 1e300, 100, 1024, 3, 7.5]:
    print('log', x, math.log(x), math.log2(x), math.log10(x), math.log1p(x))
print(math.log(8, 2), math.log(100, 10), math.log(1, 5), math.log(0.25, 0.5))
print(math.log(math.e), math.log10(1000), math.log2(1024))
print(math.exp(-1000), math.exp(math.inf), math.exp(-math.inf), math.expm1(-math.inf))
print(math.log(math.inf), math.log2(math.inf), math.log1p(math.inf))
print(math.isnan(math.log(math.nan)), math.isnan(math.exp(math.nan)))
