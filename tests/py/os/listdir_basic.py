# listdir() names the entries of a directory (no '.' and '..')
import os
D = 'tmp_listdir_basic'
os.mkdir(D)
try:
    print(os.listdir(D))
    for n in ('b.txt', 'a.txt', 'c'):
        open(D + '/' + n, 'w').close()
    os.mkdir(D + '/sub')
    print(sorted(os.listdir(D)))
    print(sorted(os.listdir(D + '/')))
    print(type(os.listdir(D)[0]).__name__)
finally:
    for n in ('b.txt', 'a.txt', 'c'):
        os.remove(D + '/' + n)
    os.rmdir(D + '/sub')
    os.rmdir(D)
