# packing records of several fields, as a binary file format would
import struct
HDR = struct.Struct('<4sHHI')
recs = [(i, i * 1.5, b'item%d' % i) for i in range(5)]
REC = struct.Struct('<Hd8s')
blob = HDR.pack(b'RTPY', 1, len(recs), HDR.size + REC.size * len(recs))
for r in recs:
    blob += REC.pack(*r)
print(len(blob), blob[:12])
magic, ver, n, total = HDR.unpack_from(blob)
print(magic, ver, n, total)
for i in range(n):
    idx, val, name = REC.unpack_from(blob, HDR.size + i * REC.size)
    print(idx, val, name.rstrip(b'\x00'))
print([r[2].rstrip(b'\x00') for r in REC.iter_unpack(blob[HDR.size:])])
