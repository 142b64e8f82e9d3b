# invalid UTF-8 read in text mode raises UnicodeDecodeError (a ValueError)
import os
N = 'tmp_unicode_decode_error.bin'
try:
    with open(N, 'wb') as f:
        f.write(b'ok\n\xff\xfe bad\n')
    with open(N) as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print(type(e).__name__, isinstance(e, ValueError))
    with open(N, 'rb') as f:
        print(f.read())
finally:
    os.remove(N)
