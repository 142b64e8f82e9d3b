# nextafter and ulp
import math
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(0, -1))
print(math.nextafter(1, 1), math.nextafter(-0.0, 1), math.nextafter(1.7976931348623157e308, math.inf))
print(math.nextafter(math.inf, 0), math.nextafter(5e-324, 0), math.isnan(math.nextafter(math.nan, 1)))
for x in [1, 2, 0.5, 0, 1e300, 5e-324, -1, 1.7976931348623157e308, 2**52, 3.5]:
    print(x, math.ulp(x))
print(math.ulp(math.inf), math.isnan(math.ulp(math.nan)))
