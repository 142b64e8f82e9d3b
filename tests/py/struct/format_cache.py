# Compiled formats: module functions reuse recent formats (by content, str or bytes), a
# Struct keeps its own; results must not depend on what was used before.
import struct

fmts = ['<HhIf', '>I', '10s', '3H', '<2xbh', 'b3xi', '>4s2H', '!q', '@bhiq', 'x', '', '0i',
        '5p', '<e?c', '=dQ', '< i 2h ', '2i2x', 'iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii', '@hh0ihbbi', '<HH2HxH', 'ii0i', 'ssi']
vals = {'<HhIf': (65535, -300, 4294967295, 1.5), '>I': (7,), '10s': (b'hello',),
        '3H': (1, 2, 3), '<2xbh': (-5, 300), 'b3xi': (1, -2), '>4s2H': (b'abcdef', 9, 10),
        '!q': (-2**63,), '@bhiq': (1, 2, 3, 4), 'x': (), '': (), '0i': (), '5p': (b'xy',),
        '<e?c': (0.25, True, b'z'), '=dQ': (2.5, 2**64 - 1), '< i 2h ': (5, 6, 7), '2i2x': (8, 9), '@hh0ihbbi': (1, 2, 3, 4, 5, 6), '<HH2HxH': (1, 2, 3, 4, 5),
        'ii0i': (-1, -2), 'ssi': (b'ab', b'', 3),
        'iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii': tuple(range(33))}

for rnd in range(3):
    for f in fmts:
        p = struct.pack(f, *vals[f])
        print(f, struct.calcsize(f), p, struct.unpack(f, p))
        print(struct.unpack_from(f, b'\x00' + p, 1) == struct.unpack(f, p))
        fb = f.encode()
        print(struct.pack(fb, *vals[f]) == p, struct.calcsize(fb))
    fmts.reverse()

# the same text as str and bytes, interleaved with other formats to evict it
for i in range(20):
    f = '>%dH' % (i % 7 + 1)
    print(struct.pack(f, *range(i % 7 + 1)), struct.pack(f.encode(), *range(i % 7 + 1)))
    print(struct.unpack('<I', struct.pack('<I', i * 1000)))

# errors are the same whether or not the format was used before
for rnd in range(2):
    for f, args in [('>h', (70000,)), ('<I', (-1,)), ('b', (128,)), ('3H', (1, 2)),
                    ('4s', (1,)), ('i', ('x',)), ('zz', ()), ('3', ()), ('<P', (1,))]:
        try:
            struct.pack(f, *args)
        except (struct.error, TypeError) as e:
            print(f, type(e).__name__, e)
    for f in ['\0i', 'é', 'i\0']:
        try:
            struct.calcsize(f)
        except (struct.error, UnicodeEncodeError) as e:
            print(repr(f), type(e).__name__)
    for call in [lambda: struct.pack(bytearray(b'i'), 1), lambda: struct.calcsize([1]),
                 lambda: struct.unpack(5, b''), lambda: struct.Struct(bytearray(b'i')),
                 lambda: struct.iter_unpack(None, b'')]:
        try:
            call()
        except TypeError as e:
            print('TypeError', e)

# a Struct used many times, and Structs sharing a format with the module functions
S = struct.Struct('<HhIf')
buf = bytearray()
for i in range(200):
    buf += S.pack(i, -i, i * 2654435761 & 0xFFFFFFFF, i / 4)
print(len(buf), S.size, S.format)
tot = 0
for off in range(0, len(buf), S.size):
    a, b, c, d = S.unpack_from(buf, off)
    tot += a + b + c + int(d)
print(tot)
print(list(S.iter_unpack(bytes(buf[:24]))))
it = struct.iter_unpack('>H', b'\x00\x01\x00\x02\x00\x03')
for f in fmts:
    struct.calcsize(f)
print(list(it))
T = struct.Struct(b'>H')
print(T.format, T.size, T.pack(258), struct.Struct('>H').unpack(b'\x01\x02'))
big = struct.Struct('>' + 'H' * 100)
print(big.size, sum(big.unpack(big.pack(*range(100)))))
print(struct.pack('>' + 'B' * 60, *range(60))[-3:], struct.pack('>' + 'B' * 60, *range(60))[:3])
