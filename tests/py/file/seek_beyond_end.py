# writing after seeking beyond the end fills the gap with zero bytes
import os
N = 'tmp_seek_beyond_end.bin'
try:
    with open(N, 'wb') as f:
        f.write(b'ab')
        f.seek(5)
        f.write(b'cd')
        print(f.tell())
    with open(N, 'rb') as f:
        print(f.read())
    print(os.stat(N).st_size)
finally:
    os.remove(N)
