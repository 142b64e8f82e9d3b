# math.prod: ints, floats, start, generic objects
import math
print(math.prod([]), math.prod([], start=5), math.prod(range(1, 11)), math.prod([1.5, 2, 4]))
print(math.prod([2] * 100) == 2**100, math.prod(iter([3, 4])), math.prod((x for x in [2, 3, 7])))
print(math.prod([[1, 2]], start=1), math.prod(['ab'], start=3), math.prod([2, 3], start=0.5))
print(math.prod([True, True]), math.prod([10**20, 10**20]))
class V:
    def __init__(self, v): self.v = v
    def __mul__(self, o): return V(self.v * (o.v if isinstance(o, V) else o))
    def __rmul__(self, o): return V(o * self.v)
print(math.prod([V(2), V(3), 7]).v)
try:
    math.prod(5)
except TypeError:
    print('TypeError')
try:
    math.prod([1, 2], 3)
except TypeError:
    print('TypeError positional start')
try:
    math.prod(['a', 'b'])
except TypeError:
    print('TypeError str * str')
