# wrong argument types raise TypeError
for args in ((1.5,), (None,), ([],), ('f', 1), ('f', None)):
    try:
        open(*args)
    except TypeError:
        print('TypeError')
import os
N = 'tmp_wrong_types.txt'
try:
    with open(N, 'w') as f:
        for v in (b'bytes', 1, None, ['x']):
            try:
                f.write(v)
            except TypeError:
                print('write', type(v).__name__, 'TypeError')
        try:
            f.writelines([1])
        except TypeError:
            print('writelines TypeError')
    with open(N, 'wb') as f:
        for v in ('str', 1, None):
            try:
                f.write(v)
            except TypeError:
                print('bwrite', type(v).__name__, 'TypeError')
        print(f.write(bytearray(b'ab')), f.write(memoryview(b'cd')))
    with open(N) as f:
        for v in ('x', 1.5, []):
            try:
                f.read(v)
            except TypeError:
                print('read', type(v).__name__, 'TypeError')
        try:
            f.seek('0')
        except TypeError:
            print('seek TypeError')
    try:
        open(N, encoding=5)
    except TypeError:
        print('encoding TypeError')
finally:
    os.remove(N)
