# mkdir() and rmdir(), with their errors
import os
D = 'tmp_mkdir_rmdir'
os.mkdir(D)
print(os.path.isdir(D))
try:
    os.mkdir(D)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename)
open(D + '/f', 'w').close()
try:
    os.rmdir(D)
except OSError as e:
    print(type(e).__name__, e.errno)
os.remove(D + '/f')
os.rmdir(D)
print(os.path.exists(D))
try:
    os.rmdir(D)
except FileNotFoundError as e:
    print(type(e).__name__)
try:
    os.mkdir('tmp_mkdir_rmdir_missing/sub')
except FileNotFoundError as e:
    print(type(e).__name__)
os.mkdir(D, 0o755)
os.rmdir(D)
