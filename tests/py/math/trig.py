# sin, cos, tan and their inverses, atan2
import math
for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, 2, 100, -0.0, 1e-20]:
    print(x, math.sin(x), math.cos(x), math.tan(x))
for x in [0, 0.5, 1, -1, -0.5, 1e-10, -0.0]:
    print(x, math.asin(x), math.acos(x), math.atan(x))
print(math.atan(math.inf), math.atan(-math.inf), math.atan(1e300))
for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1), (0, 1), (0, -1), (0.0, -0.0), (-0.0, -0.0),
             (1, 0), (-1, 0), (math.inf, math.inf), (math.inf, -math.inf), (-math.inf, 1), (1, math.inf), (1, -math.inf)]:
    print('atan2', y, x, math.atan2(y, x))
print(math.isnan(math.atan2(math.nan, 1)), math.isnan(math.sin(math.nan)))
