# iter_unpack: iteration, length hint, errors
import struct
it = struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')
print(type(it).__name__, it.__length_hint__())
print(next(it), it.__length_hint__(), list(it), list(it))
print(list(struct.iter_unpack('>H', bytes(range(8)))))
print(list(struct.iter_unpack('<i', b'')))
for fmt, data in [('<i', b'abcde'), ('', b'abc'), ('<i', 'abcd'), ('<i', 5)]:
    try:
        struct.iter_unpack(fmt, data)
    except struct.error as e:
        print('error', e)
    except TypeError:
        print('TypeError')
s = struct.Struct('>2B')
print([a + b for a, b in s.iter_unpack(b'\x01\x02\x03\x04')])
print(iter(it) is it)
