# native mode ('@' and none): sizes, alignment padding and values of all codes
import struct
print(struct.calcsize('c'), struct.calcsize('b'), struct.calcsize('h'), struct.calcsize('i'), struct.calcsize('q'), struct.calcsize('f'), struct.calcsize('d'), struct.calcsize('e'), struct.calcsize('?'))
print(struct.calcsize('l') == struct.calcsize('L'), struct.calcsize('n') == struct.calcsize('N') == struct.calcsize('P'))
for fmt in ['ci', 'bh', 'bq', 'qb', 'hd', 'chc', 'cd', 'ce', 'c?', 'hd0i', '3si', 'c3s2h', 'xxi', 'bi0h', 'i0q']:
    print(fmt, struct.calcsize(fmt), struct.calcsize('<' + fmt), struct.calcsize('@' + fmt))
b = struct.pack('ci', b'*', 0x01020304)
print(b, struct.unpack('ci', b))
b = struct.pack('@bhbi', 1, 2, 3, 4)
print(len(b), b, struct.unpack('@bhbi', b))
print(struct.pack('=bhbi', 1, 2, 3, 4))
print(struct.pack('hi', -1, -2), struct.pack('dh', 0.5, 7))
print(struct.unpack('@Hd', struct.pack('@Hd', 65535, -1.25)))
print(struct.unpack('nN', struct.pack('nN', -5, 5)))
