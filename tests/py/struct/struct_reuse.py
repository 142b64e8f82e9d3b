# one Struct packing and unpacking many records, with a bytes format and native alignment
import struct
s = struct.Struct(b'@bhq')
print(s.format, s.size)
buf = bytearray(s.size * 10)
for i in range(10):
    s.pack_into(buf, i * s.size, i - 5, i * 1000, -i * 10**12)
recs = [s.unpack_from(buf, i * s.size) for i in range(10)]
print(recs[0], recs[9])
print(list(s.iter_unpack(buf)) == recs)
print(s.unpack(s.pack(*recs[3])) == recs[3])
t = struct.Struct('<x?xe')
print(t.size, t.pack(True, 0.5), t.unpack(t.pack(False, -2.0)))
