# os.path.exists, isfile, isdir
import os
D = 'tmp_path_exists'
os.mkdir(D)
N = D + '/f.txt'
open(N, 'w').close()
try:
    for x in (D, N, D + '/missing', ''):
        print(repr(x), os.path.exists(x), os.path.isfile(x), os.path.isdir(x))
    print(os.path.getsize(N))
finally:
    os.remove(N)
    os.rmdir(D)
print(os.path.exists(D))
