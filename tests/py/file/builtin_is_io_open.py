# builtins.open and io.open open the same kind of file
import io, os
N = 'tmp_builtin_is_io_open.txt'
try:
    with io.open(N, 'w') as f:
        f.write('via io.open')
    with open(N) as f:
        print(type(f) is io.TextIOWrapper, f.read())
    with io.open(N, 'rb') as f:
        print(type(f) is io.BufferedReader)
    print(callable(open), callable(io.open))
finally:
    os.remove(N)
