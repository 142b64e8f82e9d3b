# crc32 of non-byte buffers (arrays, memoryviews) is over their raw bytes
import binascii
import array
a = array.array('H', [1, 2, 3])
print(binascii.crc32(a) == binascii.crc32(a.tobytes()), binascii.crc32(memoryview(a)) == binascii.crc32(bytes(a)))
print(binascii.crc32(memoryview(b'abcdef')[1:4]) == binascii.crc32(b'bcd'))
print(binascii.hexlify(array.array('B', [1, 255])), binascii.b2a_base64(array.array('b', [-1, -2, -3])))
