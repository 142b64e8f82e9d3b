# reading a write-only file or writing a read-only one: io.UnsupportedOperation (an OSError)
import io, os
N = 'tmp_unsupported_ops.txt'
try:
    with open(N, 'w') as f:
        print(f.readable(), f.writable(), f.seekable())
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print('read', type(e).__name__, isinstance(e, OSError))
    with open(N) as f:
        print(f.readable(), f.writable())
        for op in (lambda: f.write('x'), lambda: f.writelines(['x']), lambda: f.truncate()):
            try:
                op()
            except io.UnsupportedOperation:
                print('UnsupportedOperation')
    with open(N, 'rb') as f:
        try:
            f.write(b'x')
        except io.UnsupportedOperation:
            print('binary write UnsupportedOperation')
    with open(N, 'wb') as f:
        try:
            f.read()
        except io.UnsupportedOperation:
            print('binary read UnsupportedOperation')
finally:
    os.remove(N)
