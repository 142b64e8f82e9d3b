# reading and writing alternately on one r+ handle keeps one position
import os
N = 'tmp_interleaved_rw.txt'
try:
    with open(N, 'w') as f:
        f.write('aaaa\nbbbb\ncccc\n')
    with open(N, 'r+') as f:
        print(repr(f.readline()))
        print(f.tell())
        f.seek(f.tell())  # switching from reading to writing: seek first (CPython's rule)
        f.write('XXXX')
        print(f.tell())
        print(repr(f.readline()))
    with open(N) as f:
        print(repr(f.read()))
finally:
    os.remove(N)
