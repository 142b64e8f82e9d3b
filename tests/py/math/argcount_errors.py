# wrong argument counts raise TypeError
import math
calls = [lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.pow(2), lambda: math.atan2(1),
         lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.ldexp(1), lambda: math.comb(5),
         lambda: math.perm(), lambda: math.perm(1, 2, 3), lambda: math.isclose(1), lambda: math.dist((1,)),
         lambda: math.fsum(), lambda: math.prod(), lambda: math.factorial(), lambda: math.copysign(1)]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError:
        print('TypeError')
print(math.gcd(), math.lcm(), math.hypot())
