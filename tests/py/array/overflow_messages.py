# OverflowError messages of out-of-range integer items (CPython's, per typecode)
import array
for tc in 'bBhHiIlLqQ':
    for v in [-1, 128, 256, 32768, 65536, 2**31, 2**32, 2**63, 2**64, -129, -32769, -2**31 - 1, -2**63 - 1]:
        try:
            array.array(tc, [v])
            print(tc, v, 'ok')
        except OverflowError as e:
            print(tc, v, 'OverflowError', e)
