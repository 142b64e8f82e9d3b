# struct works on any buffer: memoryview slices, bytearray, and array objects
import struct
import array
a = array.array('B', bytes(8))
struct.pack_into('<hh', a, 2, -1, 0x1234)
print(a.tolist())
print(struct.unpack('<4H', a))
b = array.array('i', [1, 2, 3])
print(struct.unpack('3i', b), struct.unpack_from('i', b, 4))
print(struct.unpack('<ii', memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00')))
