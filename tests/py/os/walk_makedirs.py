# makedirs() and walk()
import os
D = 'tmp_walk_makedirs'
os.makedirs(D + '/a/b')
os.makedirs(D + '/a/b', exist_ok=True)
try:
    os.makedirs(D + '/a')
except FileExistsError:
    print('FileExistsError')
open(D + '/a/f', 'w').close()
try:
    for top, dirs, files in os.walk(D):
        print(top, sorted(dirs), sorted(files))
finally:
    os.remove(D + '/a/f')
    os.rmdir(D + '/a/b')
    os.rmdir(D + '/a')
    os.rmdir(D)
