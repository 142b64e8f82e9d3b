# wrong number of values and wrong buffer sizes
import struct
def t(f, *args):
    try:
        print(f.__name__, f(*args))
    except struct.error as e:
        print(f.__name__, 'error', e)
    except TypeError:
        print(f.__name__, 'TypeError')
t(struct.pack, 'i')
t(struct.pack, 'i', 1, 2)
t(struct.pack, '2i3s', 1, 2)
t(struct.pack, 'x', 1)
t(struct.pack, '')
t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', b'abcde')
t(struct.unpack, '', b'')
t(struct.unpack, '', b'a')
t(struct.unpack, 'h', '')
t(struct.unpack, 'h', 5)
t(struct.unpack, '<h', bytearray(b'\x01\x02'))
t(struct.unpack, '<h', memoryview(b'\x01\x02'))
t(struct.unpack, '<h', memoryview(b'\x00\x01\x02\x03')[1:3])
