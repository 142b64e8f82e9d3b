# mode 'w' empties an existing file
import os
N = 'tmp_mode_w_truncates.txt'
try:
    with open(N, 'w') as f:
        f.write('long content here')
    with open(N, 'w') as f:
        f.write('short')
    with open(N) as f:
        print(repr(f.read()))
    open(N, 'w').close()
    with open(N) as f:
        print(repr(f.read()))
finally:
    os.remove(N)
