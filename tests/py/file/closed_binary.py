# a closed binary file: ValueError, closed is True
import os
N = 'tmp_closed_binary.bin'
try:
    with open(N, 'wb') as f:
        f.write(b'12')
    for op in (lambda: f.write(b'x'), lambda: f.read(), lambda: f.tell(), lambda: f.seek(0)):
        try:
            op()
        except ValueError:
            print('ValueError')
    print(f.closed)
finally:
    os.remove(N)
