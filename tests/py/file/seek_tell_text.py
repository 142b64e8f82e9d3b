# seek/tell in text mode: absolute positions; relative seeks only with offset 0
import io, os
N = 'tmp_seek_tell_text.txt'
try:
    with open(N, 'w') as f:
        f.write('line1\nline2\n')
        print(f.tell())
    with open(N) as f:
        f.readline()
        pos = f.tell()
        print(pos, repr(f.readline()))
        f.seek(pos)
        print(repr(f.readline()))
        print(f.seek(0, 2), repr(f.read()))
        print(f.seek(0, 1))
        for args in ((1, 1), (-1, 2)):
            try:
                f.seek(*args)
            except io.UnsupportedOperation:
                print('UnsupportedOperation')
        try:
            f.seek(-1)
        except ValueError:
            print('ValueError')
        print(f.seek(0), repr(f.read(4)))
finally:
    os.remove(N)
