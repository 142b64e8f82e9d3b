# flush() and isatty() on files; another handle sees written data after flush()
import os
N = 'tmp_flush_isatty.txt'
try:
    with open(N, 'w') as f:
        f.write('data')
        print(f.flush(), f.isatty())
        with open(N) as g:
            print(g.read())
finally:
    os.remove(N)
