# mode 'a' appends; tell() starts at the end
import os
N = 'tmp_mode_append.txt'
try:
    with open(N, 'w') as f:
        f.write('abc')
    with open(N, 'a') as f:
        print(f.tell())
        f.write('def')
        print(f.tell())
    with open(N, 'ab') as f:
        f.write(b'\n')
    with open(N) as f:
        print(repr(f.read()))
    with open(N, 'a+') as f:
        f.seek(0)
        print(repr(f.read(2)))
        f.write('Z')
    with open(N) as f:
        print(repr(f.read()))
finally:
    os.remove(N)
