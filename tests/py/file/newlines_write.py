# newline= on writing: '\r' and '\r\n' translate \n; None and '' leave it
import os
N = 'tmp_newlines_write.txt'
try:
    for nl in (None, '', '\n', '\r', '\r\n'):
        with open(N, 'w', newline=nl) as f:
            print(f.write('a\nb\n'))
        with open(N, 'rb') as f:
            print(repr(nl), f.read())
finally:
    os.remove(N)
