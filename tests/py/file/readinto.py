# readinto() fills a bytearray or memoryview and returns the count
import os
N = 'tmp_readinto.bin'
try:
    with open(N, 'wb') as f:
        f.write(b'abcdefg')
    with open(N, 'rb') as f:
        b = bytearray(4)
        print(f.readinto(b), b)
        m = memoryview(bytearray(10))
        print(f.readinto(m), bytes(m))
        print(f.readinto(bytearray(3)))
finally:
    os.remove(N)
