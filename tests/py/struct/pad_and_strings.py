# padding bytes and strings in record layouts; zero-length items
import struct
fmt = '<4sx3pH0i2x'
print(struct.calcsize(fmt))
b = struct.pack(fmt, b'name', b'ab', 258)
print(b, struct.unpack(fmt, b))
print(struct.pack('@c0q', b'a'), struct.calcsize('@c0q'), struct.calcsize('<c0q'))
print(struct.pack('0s0p0x', b'a', b'b'), struct.unpack('0s0s', b''))
print(struct.pack('<10s', b'short'), struct.unpack('<10s', b'0123456789'))
print(struct.pack('<2p', b'long string'), struct.unpack('<4p', b'\x03abc'), struct.unpack('<4p', b'\xffabc'))
