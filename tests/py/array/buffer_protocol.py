# the buffer protocol: bytes(), bytearray(), memoryview, struct on arrays
import array
import struct
a = array.array('h', [1, -2, 3])
print(bytes(a), bytearray(a), len(bytes(a)))
m = memoryview(a)
print(m.format, m.itemsize, len(m), m.nbytes, m.tolist(), m[1], m.readonly)
m[0] = 100
print(a)
print(memoryview(array.array('d', [1.5])).format, memoryview(array.array('B', [7])).tolist())
struct.pack_into('<hh', a, 2, 7, 8)
print(a, struct.unpack('<3h', a))
b = array.array('B', b'hello')
print(bytes(b), b.tobytes().upper(), bytes(b) == b'hello')
print(array.array('i', [1, 2]).tobytes() == bytes(array.array('i', [1, 2])))
mb = memoryview(array.array('I', [1, 2, 3])).cast('B')
print(len(mb), mb.format)
print(b'el' in bytes(b), bytes(array.array('b', [])))
