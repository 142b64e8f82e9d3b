# print(file=f) writes to the file
import os
N = 'tmp_print_to_file.txt'
try:
    with open(N, 'w') as f:
        print('a', 1, [2], file=f)
        print('b', end='!', file=f)
        print(file=f)
    with open(N) as f:
        print(repr(f.read()))
finally:
    os.remove(N)
