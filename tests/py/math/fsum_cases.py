# math.fsum: exact rounding, cancellation, specials and overflow
import math
def t(xs):
    try:
        print(repr(math.fsum(xs)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
t([])
t([0.1] * 10)
t([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
t([1.0, 1e-16, 1e-16, 1e-16, 1e-16])
t([2.0**53, -0.5, -2.0**-54])
t([2.0**53, 1.0, 2.0**-100])
t([2.0**53 - 1, 0.5, 2.0**-53])
t(range(10))
t(iter([1, 2.5, 3]))
t([1e308, 1e308, -1e308])
t([1e308, math.inf, 1e308])
t([math.inf, 1.0])
t([-math.inf, 5, -math.inf])
t([math.inf, -math.inf])
t([math.nan, 1.0])
t([1.7976931348623157e308, 9.979201547673598e291])
t([1.7976931348623157e308, 9.979201547673597e291])
t([-0.0, -0.0])
t([0.3] * 3 + [-0.9])
t([x * 1e-3 for x in range(1000)])
print(sum([0.1] * 10) == math.fsum([0.1] * 10))
for bad in [1, ['a']]:
    try:
        math.fsum(bad)
    except TypeError:
        print('TypeError')
