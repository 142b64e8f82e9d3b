# iterating a file yields its lines; next() at the end raises StopIteration
import os
N = 'tmp_iterate_lines.txt'
try:
    with open(N, 'w') as f:
        f.write('x\ny\nz\n')
    with open(N) as f:
        print([line for line in f])
        try:
            next(f)
        except StopIteration:
            print('StopIteration')
    with open(N, 'rb') as f:
        print(list(f))
    with open(N) as f:
        print(iter(f) is f, next(f))
finally:
    os.remove(N)
