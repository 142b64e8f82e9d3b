# binary mode: bytes in, bytes out, all 256 byte values
import os
N = 'tmp_write_read_binary.bin'
try:
    with open(N, 'wb') as f:
        print(f.write(bytes(range(256))))
    with open(N, 'rb') as f:
        d = f.read()
    print(len(d), d[:5], d[-3:], d == bytes(range(256)))
finally:
    os.remove(N)
