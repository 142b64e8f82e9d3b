# readline(): each line with its newline, '' at the end; readline(size)
import os
N = 'tmp_readline_basic.txt'
try:
    with open(N, 'w') as f:
        f.write('one\ntwo\n\nthree')
    with open(N) as f:
        for _ in range(6):
            print(repr(f.readline()))
    with open(N) as f:
        print(repr(f.readline(2)), repr(f.readline(10)), repr(f.readline(0)))
    with open(N, 'rb') as f:
        print(f.readline(), f.readline(1), f.readline())
finally:
    os.remove(N)
