# '!' is '>', '=' is the machine's order (little-endian here and on the boards)
import struct
import sys
vals = (1, -2, 3, 4.5, b'ab')
for o in '<>!=@':
    print(o, struct.pack(o + 'hiqd2s', *vals))
print(struct.pack('!I', 0x01020304) == struct.pack('>I', 0x01020304))
print(struct.pack('=I', 0x01020304) == struct.pack(('<' if sys.byteorder == 'little' else '>') + 'I', 0x01020304))
print(struct.unpack('>H', b'\x01\x02'), struct.unpack('<H', b'\x01\x02'), struct.unpack('!h', b'\xff\xfe'))
print(struct.pack('>e', 1.5), struct.pack('<e', 1.5), struct.pack('>f', -1.0), struct.pack('<d', 2.0))
