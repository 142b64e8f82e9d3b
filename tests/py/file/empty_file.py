# an empty file: reads return empty values at once
import os
N = 'tmp_empty_file.txt'
try:
    open(N, 'w').close()
    with open(N) as f:
        print(repr(f.read()), repr(f.readline()), f.readlines(), list(f), f.tell())
    with open(N, 'rb') as f:
        print(f.read(), f.read(10), f.readline(), f.readlines())
    print(os.stat(N).st_size)
finally:
    os.remove(N)
