# struct.error messages for integers out of range, per code and byte order (as CPython's)
import struct
for code in 'bBhHiIlLqQ':
    for order in '<>!=':
        fmt = order + code
        bits = 8 * struct.calcsize(fmt)
        for v in [-1, 2**bits, -2**(bits - 1) - 1, 2**64, -2**64, 2**100]:
            try:
                struct.pack(fmt, v)
                print(fmt, v, 'ok')
            except struct.error as e:
                print(fmt, v, 'error', e)
