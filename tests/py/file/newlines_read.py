# universal newlines: \r\n and \r read as \n unless newline='' or '\n'
import os
N = 'tmp_newlines_read.txt'
try:
    with open(N, 'wb') as f:
        f.write(b'a\r\nb\rc\nd')
    with open(N) as f:
        print(repr(f.read()))
    with open(N) as f:
        print(f.readlines())
    with open(N, newline='') as f:
        print(f.readlines())
    with open(N, newline='\n') as f:
        print(f.readlines())
    with open(N, newline='\r') as f:
        print(f.readlines())
    with open(N, newline='\r\n') as f:
        print(f.readlines())
    with open(N, 'rb') as f:
        print(f.readlines())
finally:
    os.remove(N)
