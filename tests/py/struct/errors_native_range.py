# struct.error messages for native-mode integers out of range
import struct
for code in 'bBhHiIqQnN':
    for v in [-1, 256, 70000, 2**32, 2**63, 2**64, -2**63 - 1]:
        try:
            struct.pack(code, v)
            print(code, v, 'ok')
        except struct.error as e:
            print(code, v, 'error', e)
for v in [-1, 2**64, -2**70]:
    try:
        r = struct.pack('P', v)
        print('P', v, len(r))
    except struct.error as e:
        print('P', v, 'error', e)
