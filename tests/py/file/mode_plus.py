# r+ and w+: read and write on one handle
import os
N = 'tmp_mode_plus.txt'
try:
    with open(N, 'w+') as f:
        f.write('hello world')
        f.seek(0)
        print(repr(f.read(5)))
        f.seek(6)
        f.write('WORLD')
        f.seek(0)
        print(repr(f.read()))
    with open(N, 'r+') as f:
        print(repr(f.read(5)))
        f.seek(5)  # switching from reading to writing: seek first
        f.write('!')
        f.seek(0)
        print(repr(f.read()))
    with open(N, 'r+b') as f:
        f.seek(-5, 2)
        print(f.read(2), f.tell())
        f.write(b'__')
        f.seek(0)
        print(f.read())
finally:
    os.remove(N)
