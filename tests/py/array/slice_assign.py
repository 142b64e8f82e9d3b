# slice assignment and deletion, resizing, self-assignment
import array
a = array.array('i', range(6))
a[1:3] = array.array('i', [10, 11, 12, 13])
print(a)
a[0:0] = array.array('i', [-1])
print(a)
a[2:] = array.array('i')
print(a)
a[::2] = array.array('i', [7] * len(a[::2]))
print(a)
a[:] = a
print(a)
a[1:1] = a
print(a)
del a[0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = array.array('h', range(10))
del b[::-3]
print(b)
del b[:]
print(b, len(b))
c = array.array('i', range(5))
for bad in [[1, 2], array.array('h', [1])]:
    try:
        c[0:2] = bad
    except TypeError:
        print('TypeError')
try:
    c[::2] = array.array('i', [1])
except ValueError as e:
    print('ValueError', e)
c[5:2] = array.array('i', [9])
print(c)
