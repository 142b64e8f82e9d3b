# a memoryview of an array sees later writes, writes through to it, and slices it
import array
a = array.array('i', [10, 20, 30, 40])
m = memoryview(a)
a[0] = 11
print(m[0], m.tolist())
m[1] = 21
print(a)
s = m[1:3]
print(s.tolist(), s.format, s.nbytes)
b = m.cast('B')
print(len(b), b[0], bytes(b[:4]))
d = memoryview(array.array('d', [0.25, 0.5]))
print(d.tolist(), d.itemsize)
q = memoryview(array.array('Q', [2**64 - 1]))
print(q[0], q.format)
print(bytes(memoryview(array.array('B', [1, 2, 3]))[::2]))
