# mode 'x' creates, and fails with FileExistsError when the file exists
import os
N = 'tmp_mode_x.txt'
try:
    with open(N, 'x') as f:
        f.write('new')
    try:
        open(N, 'x')
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.filename)
    with open(N, 'xb' if False else 'r') as f:
        print(f.read())
    try:
        open(N, 'xb')
    except OSError as e:
        print(type(e).__name__)
finally:
    os.remove(N)
