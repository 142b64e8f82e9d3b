# the Struct class: format, size, methods, construction errors
import struct
s = struct.Struct('<hi3s')
print(s.format, s.size, type(s).__name__)
b = s.pack(1, -2, b'abc')
print(b, s.unpack(b), s.unpack_from(b'xx' + b, 2), s.unpack_from(buffer=b))
buf = bytearray(s.size + 1)
s.pack_into(buf, 1, 5, 6, b'z')
print(buf)
print(list(s.iter_unpack(b * 2)))
t = struct.Struct(b'>q')
print(t.format, type(t.format).__name__, t.size, t.pack(-1))
u = struct.Struct(format='!H')
print(u.unpack(b'\x12\x34'), struct.Struct('').size, struct.Struct('@').format)
for bad in [5, None, ['i']]:
    try:
        struct.Struct(bad)
    except TypeError:
        print('TypeError')
for bad in ['z', '3']:
    try:
        struct.Struct(bad)
    except struct.error as e:
        print('error', e)
try:
    s.pack(1, 2)
except struct.error as e:
    print('error', e)
try:
    s.unpack(b'1234')
except struct.error as e:
    print('error', e)
try:
    s.size = 5
except AttributeError:
    print('AttributeError')
