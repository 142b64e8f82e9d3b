# two handles on one file: each has its own position
import os
N = 'tmp_two_handles.txt'
try:
    with open(N, 'w') as f:
        f.write('0123456789')
    with open(N) as a, open(N) as b:
        print(a.read(3), b.read(5), a.read(3), b.read())
finally:
    os.remove(N)
