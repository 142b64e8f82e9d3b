# reading at the end again, then after appending from another handle
import os
N = 'tmp_read_after_eof.txt'
try:
    with open(N, 'w') as f:
        f.write('abc')
    with open(N) as f:
        print(repr(f.read()), repr(f.read()), repr(f.readline()))
        with open(N, 'a') as g:
            g.write('def')
        print(repr(f.read()))
finally:
    os.remove(N)
