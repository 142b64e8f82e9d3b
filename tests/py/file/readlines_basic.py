# readlines() with and without a hint; writelines()
import os
N = 'tmp_readlines_basic.txt'
try:
    with open(N, 'w') as f:
        f.writelines(['a\n', 'bb\n', 'ccc\n', 'd'])
    with open(N) as f:
        print(f.readlines())
    with open(N) as f:
        print(f.readlines(3))
    with open(N, 'rb') as f:
        print(f.readlines())
finally:
    os.remove(N)
