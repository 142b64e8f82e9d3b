# struct.pack/unpack of every integer code in little- and big-endian standard sizes
import struct
for code in 'bBhHiIlLqQ':
    for order in '<>!=':
        fmt = order + code
        size = struct.calcsize(fmt)
        for v in [0, 1, 2**(8 * size - 1) - 1, 5]:
            b = struct.pack(fmt, v)
            print(fmt, v, b, struct.unpack(fmt, b))
for code in 'bhilq':
    fmt = '<' + code
    v = -2**(8 * struct.calcsize(fmt) - 1)
    print(fmt, v, struct.pack(fmt, v), struct.unpack(fmt, struct.pack(fmt, v)), struct.unpack(fmt, struct.pack(fmt, -1)))
for code in 'BHILQ':
    fmt = '>' + code
    v = 2**(8 * struct.calcsize(fmt)) - 1
    print(fmt, v, struct.pack(fmt, v), struct.unpack(fmt, struct.pack(fmt, v)))
