# float codes f, d, e: rounding, special values, byte orders
import struct
import math
for fmt in ['<f', '>f', '<d', '>d', '<e', '>e', 'f', 'd', 'e']:
    for v in [0.0, -0.0, 1.0, -2.5, 0.1, 1e-5, 65504.0, math.inf, -math.inf, 3, True]:
        b = struct.pack(fmt, v)
        print(fmt, v, b, struct.unpack(fmt, b))
    b = struct.pack(fmt, math.nan)
    print(fmt, 'nan', math.isnan(struct.unpack(fmt, b)[0]), len(b))
print(struct.unpack('<f', struct.pack('<f', 0.1))[0])
print(struct.unpack('<f', struct.pack('<f', 1e-45))[0], struct.unpack('<f', struct.pack('<f', 1e-46))[0])
print(struct.pack('<f', 3.4028235e38), struct.pack('<f', 1.7e-38), struct.pack('<d', 5e-324))
print(struct.unpack('<d', b'\x00\x00\x00\x00\x00\x00\xf8\x7f'), struct.unpack('>d', b'\x3f\xf0' + bytes(6)))
