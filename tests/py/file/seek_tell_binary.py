# seek/tell in binary mode: whence 0, 1, 2; seeking past the end
import os
N = 'tmp_seek_tell_binary.bin'
try:
    with open(N, 'wb') as f:
        f.write(b'0123456789')
    with open(N, 'rb') as f:
        print(f.tell(), f.seek(3), f.read(2), f.tell())
        print(f.seek(2, 1), f.read(1))
        print(f.seek(-3, 2), f.read())
        print(f.seek(0, 2), f.read(), f.tell())
        print(f.seek(100), f.read(), f.tell())
        print(f.seek(-100, 1) if False else f.seek(0), f.read(1))
        try:
            f.seek(-1)
        except OSError as e:
            print(type(e).__name__, e.errno)
        try:
            f.seek(0, 7)
        except ValueError:
            print('whence ValueError')
finally:
    os.remove(N)
