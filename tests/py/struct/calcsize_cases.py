# calcsize: counts, whitespace, empty formats, bytes formats, bad formats
import struct
def t(fmt):
    try:
        print(repr(fmt), struct.calcsize(fmt))
    except struct.error as e:
        print(repr(fmt), 'error', e)
for fmt in ['', '<', '@', 'i', '10i', '<10i', '0i', '3s', '10p', 'i i', ' i\t\ni ', '<h 2x 3s', '>1000x',
            '<qQdhHbBcs', '!2h', b'<ii', 'i2', '2', 'i 2', '2 i', 'z', '<n', '>N', '=P', '<<i', 'i<',
            'i\x00', '<' + 'b' * 100, '999999999999999999999999999999i', '%', 'ii!', '@e', '=e', '0x', '0c']:
    t(fmt)
try:
    struct.calcsize(5)
except TypeError:
    print('TypeError')
