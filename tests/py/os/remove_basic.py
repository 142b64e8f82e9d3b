# remove() and unlink() delete files; missing files and directories raise
import os
N = 'tmp_remove_basic.txt'
open(N, 'w').close()
os.remove(N)
print(N in os.listdir('.'))
open(N, 'w').close()
os.unlink(N)
print(os.path.exists(N))
try:
    os.remove(N)
except FileNotFoundError as e:
    print(type(e).__name__, e.filename)
D = 'tmp_remove_basic_dir'
os.mkdir(D)
try:
    os.remove(D)
except OSError as e:
    print(type(e).__name__)
finally:
    os.rmdir(D)
