# large formats and buffers: many repeats, long strings
import struct
n = 10000
b = struct.pack('<%di' % n, *range(n))
print(len(b), b[:8], b[-8:])
t = struct.unpack('<%di' % n, b)
print(len(t), t[:3], t[-3:], sum(t))
s = struct.pack('<100000s', b'x' * 5)
print(len(s), s.count(b'\x00'))
print(struct.calcsize('<%dq' % 10**6))
print(sum(struct.unpack('>1000H', bytes(range(256)) * 7 + bytes(208))))
big = bytearray(1 << 16)
for k in range(0, 1 << 16, 4096):
    struct.pack_into('<I', big, k, k)
print(struct.unpack_from('<I', big, 4096 * 7), sum(v for (v,) in struct.iter_unpack('<I', big)))
