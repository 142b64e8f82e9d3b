# name, mode, closed and the class of what open() returns
import io, os
N = 'tmp_attributes.txt'
try:
    for mode in ('w', 'r', 'a', 'r+', 'w+', 'rt', 'wb', 'rb', 'ab', 'r+b', 'rb+', 'w+b', 'br'):
        with open(N, mode) as f:
            print(mode, type(f).__name__, f.name, f.mode, f.closed, isinstance(f, io.IOBase))
    with open(N, 'rb', buffering=0) as f:
        print(type(f).__name__, f.mode)
    with open(N) as f:
        print(isinstance(f, io.TextIOWrapper), f.encoding.lower().replace('-', ''))
finally:
    os.remove(N)
