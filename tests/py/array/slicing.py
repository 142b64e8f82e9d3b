# slices: reading, extended steps, negative steps, copies
import array
a = array.array('i', range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[-3:], a[5:2], a[1:8:3], a[8:1:-2], a[100:])
b = a[:]
b[0] = 99
print(a[0], b[0], type(b).__name__, b.typecode)
print(array.array('d', [1.5, 2.5])[::-1], array.array('B')[:], a[-100:100] == a)
print(a[slice(None, None, -3)])
