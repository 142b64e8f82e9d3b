# truncate(): at the position or to a size; the position does not move
import os
N = 'tmp_truncate.bin'
try:
    with open(N, 'w+b') as f:
        f.write(b'0123456789')
        print(f.truncate(4), f.tell())
        f.seek(0)
        print(f.read())
        f.seek(2)
        print(f.truncate(), f.tell())
        f.seek(0)
        print(f.read())
    print(os.stat(N).st_size)
finally:
    os.remove(N)
