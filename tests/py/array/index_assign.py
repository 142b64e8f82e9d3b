# indexing and item assignment, negative indices, range errors
import array
a = array.array('h', [10, 20, 30, 40])
print(a[0], a[-1], a[2], a[-4])
a[0] = -5
a[-1] = 32767
print(a)
for i in [4, -5, 100]:
    try:
        a[i]
    except IndexError as e:
        print('IndexError', e)
    try:
        a[i] = 1
    except IndexError as e:
        print('IndexError', e)
try:
    a['x']
except TypeError:
    print('TypeError')
try:
    a[0] = 40000
except OverflowError as e:
    print('OverflowError', e)
try:
    a[1] = 1.5
except TypeError:
    print('TypeError')
print(a)
class I:
    def __index__(self): return 1
print(a[I()], a[True])
a[I()] = 99
print(a)
