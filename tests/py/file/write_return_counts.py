# write() returns characters for text, bytes for binary
import os
N = 'tmp_write_return_counts.txt'
try:
    with open(N, 'w') as f:
        print(f.write(''), f.write('abc'), f.write('\u00e9\u4e16'), f.write('\n'))
    with open(N, 'wb') as f:
        print(f.write(b''), f.write('\u00e9'.encode()), f.write(bytearray(3)))
    print(os.stat(N).st_size)
finally:
    os.remove(N)
