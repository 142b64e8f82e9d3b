# math functions accept ints, bools, float subclasses and objects with __float__/__index__
import math
class F:
    def __float__(self): return 0.25
class I:
    def __index__(self): return 4
class MyF(float):
    pass
print(math.sqrt(F()), math.sqrt(I()), math.sqrt(MyF(9.0)), math.sqrt(True))
print(math.exp(F()), math.sin(I()), math.pow(I(), F()), math.hypot(I(), F()))
print(math.atan2(MyF(1.0), I()), math.copysign(I(), -1), math.fmod(I(), F()))
print(math.isnan(F()), math.isinf(I()), math.degrees(I()))
class Bad:
    def __float__(self): return 'x'
try:
    math.sqrt(Bad())
except TypeError:
    print('TypeError bad __float__')
try:
    math.exp(2**1100)
except OverflowError as e:
    print('OverflowError', e)
print(math.sqrt(2**1000), math.exp(-(10**3)), math.cos(10**15))
