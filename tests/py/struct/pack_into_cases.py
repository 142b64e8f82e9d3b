# pack_into: offsets (negative too), writable buffers, errors
import struct
buf = bytearray(12)
struct.pack_into('<i', buf, 0, 1)
struct.pack_into('<h', buf, 4, -2)
struct.pack_into('>i', buf, -4, 0x01020304)
print(buf)
struct.pack_into('<2s', buf, 6, b'xy')
print(buf)
def t(*args):
    try:
        struct.pack_into(*args)
        print('ok', args[1])
    except struct.error as e:
        print('error', e)
    except TypeError:
        print('TypeError')
t('<i', bytearray(3), 0, 1)
t('<i', bytearray(8), 5, 1)
t('<i', bytearray(8), 8, 1)
t('<i', bytearray(8), 9, 1)
t('<i', bytearray(8), -2, 1)
t('<i', bytearray(8), -9, 1)
t('<i', bytearray(8), -8, 1)
t('<i', b'12345678', 0, 1)
t('<i', bytearray(8))
t('<i')
t('<i', bytearray(8), 0)
t('<i', bytearray(8), 0, 1, 2)
t('<i', bytearray(2), 0, 'x')
t('<i', bytearray(8), 'x', 1)
m = memoryview(bytearray(6))
struct.pack_into('<h', m, 2, 0x4142)
print(m.tobytes())
try:
    struct.pack_into('<i', bytearray(8), 2**70, 1)
except IndexError:
    print('IndexError')
