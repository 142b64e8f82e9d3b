# open(): write text, read it back whole
import os
N = 'tmp_write_read_text.txt'
try:
    with open(N, 'w') as f:
        print(f.write('hello\nworld\n'))
    with open(N) as f:
        print(repr(f.read()))
finally:
    os.remove(N)
