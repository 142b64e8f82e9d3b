# with closes the file, also when the block raises
import os
N = 'tmp_context_manager.txt'
try:
    with open(N, 'w') as f:
        print(f.closed)
    print(f.closed)
    try:
        with open(N) as g:
            raise KeyError('k')
    except KeyError:
        print('caught', g.closed)
    h = open(N)
    with h as h2:
        print(h is h2)
    print(h.closed)
finally:
    os.remove(N)
