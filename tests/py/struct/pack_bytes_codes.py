# the byte codes: c, s, p, x and ?
import struct
print(struct.pack('c', b'a'), struct.pack('3c', b'x', b'y', b'z'), struct.unpack('2c', b'\x00\xff'))
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.pack('0s', b'zzz'), struct.pack('s', b''))
print(struct.pack('4s', bytearray(b'xy')), struct.unpack('3s', b'abc'), struct.unpack('0s', b''))
print(struct.pack('5p', b'abc'), struct.pack('3p', b'abcdef'), struct.pack('1p', b'xyz'), struct.pack('p', b'q'))
print(struct.pack('300p', b'x' * 400)[:3], len(struct.pack('300p', b'x' * 400)))
print(struct.unpack('5p', b'\x02abcd'), struct.unpack('5p', b'\x09abcd'), struct.unpack('1p', b'\x05'))
print(struct.pack('xbx', 5), struct.pack('3x'), struct.unpack('x2xb', b'\x01\x02\x03\x04'), struct.calcsize('7x'))
print(struct.pack('????', 0, 1, [], 'x'), struct.unpack('3?', b'\x00\x01\x7f'), struct.pack('?', None))
print(struct.pack('<?', 2), struct.unpack('>?', b'\x02'))
print(struct.pack('<2s3p?c', b'ab', b'cd', True, b'e'))
