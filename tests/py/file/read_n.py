# read(n) in text (characters) and binary (bytes) mode
import os
N = 'tmp_read_n.txt'
try:
    with open(N, 'w') as f:
        f.write('abcdefghij')
    with open(N) as f:
        print(repr(f.read(3)), repr(f.read(0)), repr(f.read(4)), repr(f.read(100)), repr(f.read(1)))
    with open(N, 'rb') as f:
        print(f.read(2), f.read(-1), f.read())
    with open(N) as f:
        print(repr(f.read(None)))
finally:
    os.remove(N)
