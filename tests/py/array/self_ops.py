# operations of an array with itself: +=, extend, slice assignment, in-place repeat
import array
a = array.array('i', [1, 2, 3])
a += a
print(a)
a.extend(a)
print(a, len(a))
a[1:3] = a
print(a, len(a))
a[::-1] = a
print(a)
b = array.array('h', [5, 6])
b *= 3
print(b)
b *= -2
print(b, len(b))
c = array.array('d', [1.5])
print(c + c + c, c * 4 == c + c + c + c)
