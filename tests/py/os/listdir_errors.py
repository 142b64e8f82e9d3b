# listdir() of a missing path or of a file
import os
try:
    os.listdir('tmp_listdir_errors_missing')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
N = 'tmp_listdir_errors.txt'
open(N, 'w').close()
try:
    os.listdir(N)
except NotADirectoryError as e:
    print(type(e).__name__, e.errno, e.filename)
finally:
    os.remove(N)
for bad in (2.5, [], b'x'.decode):
    try:
        os.listdir(bad)
    except TypeError:
        print('TypeError')
