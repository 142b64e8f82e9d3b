# the extreme values of each integer typecode, stored and read back
import array
lims = {'b': (-2**7, 2**7 - 1), 'B': (0, 2**8 - 1), 'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1),
        'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1)}
for tc, (lo, hi) in lims.items():
    a = array.array(tc, [lo, hi, 0])
    print(tc, a.tolist() == [lo, hi, 0], a[0] == lo, a[1] == hi)
    for bad in [lo - 1, hi + 1]:
        try:
            a.append(bad)
            print(tc, 'no error', bad)
        except OverflowError:
            pass
print(array.array('l', [-2**31, 2**31 - 1]), array.array('L', [2**32 - 1]))
