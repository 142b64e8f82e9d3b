# file names with non-ASCII characters
import os
N = 'tmp_unicode_filename_\u00e9\u4e16.txt'
try:
    with open(N, 'w') as f:
        f.write('x')
        print(f.name == N)
    print(N in os.listdir('.'))
    with open(N) as f:
        print(f.read())
finally:
    os.remove(N)
print(N in os.listdir('.'))
