# unpack_from: offsets, keyword arguments, error messages
import struct
data = bytes(range(16))
print(struct.unpack_from('<i', data), struct.unpack_from('<i', data, 4), struct.unpack_from('<i', data, -4))
print(struct.unpack_from('<2h', data, offset=8), struct.unpack_from('<b', buffer=data, offset=15))
print(struct.unpack_from('<i', data, 12), struct.unpack_from('', data, 16), struct.unpack_from('<b', bytearray(b'\xff')))
for off in [13, 16, 17, -1, -3, -17, -16]:
    try:
        print(off, struct.unpack_from('<i', data, off))
    except struct.error as e:
        print(off, 'error', e)
try:
    struct.unpack_from('<i', b'ab')
except struct.error as e:
    print('error', e)
try:
    struct.unpack_from('<i', 'abcd')
except TypeError:
    print('TypeError')
