# degrees and radians
import math
for x in [0, 1, -1, math.pi, math.pi / 2, 2 * math.pi, 1e300, -0.0, 45]:
    print(x, math.degrees(x), math.radians(x))
for d in [0, 30, 45, 60, 90, 180, 270, 360, -90, 720]:
    print(d, math.radians(d), math.degrees(math.radians(d)))
print(math.degrees(math.inf), math.radians(-math.inf))
print(math.isnan(math.degrees(math.nan)))
