# select.select on files: ready lists hold the objects given
import os, select
N = 'tmp_select_files.txt'
open(N, 'w').close()
try:
    with open(N) as f, open(N, 'w') as g:
        r, w, x = select.select([f], [g], [], 0)
        print(r == [f], w == [g], x)
        r, w, x = select.select([f.fileno()], [], [], 0.01)
        print(r == [f.fileno()], w, x)
        print(select.select([], [], [], 0))
        try:
            select.select([f], [], [], -1)
        except ValueError:
            print('ValueError')
        try:
            select.select(1, [], [])
        except TypeError:
            print('TypeError')
finally:
    os.remove(N)
