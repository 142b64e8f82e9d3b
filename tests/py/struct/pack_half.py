# the half-precision 'e' code: rounding half to even, subnormals, overflow
import struct
for v in [1.0, 1.0009765625, 1.00048828125, 1.00146484375, 0.333333, 2048.0, 2049.0, 2050.0, 2051.0,
          65504.0, 65519.0, 6.103515625e-05, 6.0975551605224609375e-05, 5.960464477539063e-08,
          2.9802322387695312e-08, 2.98023223876953125e-08 * 1.0000001, 1e-8, -1e-8, 1e-3, 100.125]:
    b = struct.pack('<e', v)
    print(v, b, struct.unpack('<e', b)[0])
for bits in [0x0000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0x7c00, 0xfc00, 0x8000, 0xc000, 0x3555]:
    print(hex(bits), struct.unpack('<e', bits.to_bytes(2, 'little'))[0])
for v in [65520.0, 1e10, -70000.0]:
    try:
        struct.pack('<e', v)
    except OverflowError as e:
        print('OverflowError', e)
for v in [70000, 2**70]:
    try:
        struct.pack('e', v)
    except struct.error as e:
        print('error', e)
