# ceil/floor/trunc use __ceil__/__floor__/__trunc__, then __float__ (not for trunc)
import math
class C:
    def __ceil__(self): return 'ceil!'
    def __floor__(self): return 'floor!'
    def __trunc__(self): return 'trunc!'
print(math.ceil(C()), math.floor(C()), math.trunc(C()))
class F:
    def __float__(self): return 2.5
print(math.ceil(F()), math.floor(F()))
try:
    math.trunc(F())
except TypeError:
    print('TypeError trunc')
class MyFloat(float):
    pass
print(math.ceil(MyFloat(1.5)), math.floor(MyFloat(-1.5)), math.trunc(MyFloat(-1.5)))
class MyInt(int):
    pass
print(math.ceil(MyInt(7)), type(math.ceil(MyInt(7))).__name__)
class I:
    def __index__(self): return 3
print(math.ceil(I()), math.floor(I()))
