# stat() errors: missing file, wrong type, embedded NUL
import os
try:
    os.stat('tmp_stat_errors_missing')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename, str(e))
for bad in (None, 3.0, [1]):
    try:
        os.stat(bad)
    except TypeError:
        print('TypeError')
try:
    os.stat('a\0b')
except ValueError:
    print('ValueError')
