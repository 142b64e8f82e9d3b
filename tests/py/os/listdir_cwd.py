# listdir() with no argument lists the current directory
import os
N = 'tmp_listdir_cwd.txt'
open(N, 'w').close()
try:
    print(N in os.listdir(), N in os.listdir('.'), os.listdir() == os.listdir('.') or sorted(os.listdir()) == sorted(os.listdir('.')))
finally:
    os.remove(N)
print(N in os.listdir())
