# opening a missing file: FileNotFoundError with errno and filename
import errno
try:
    open('tmp_missing_file_does_not_exist.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e.filename, e.strerror)
    print(str(e))
    print(isinstance(e, OSError))
try:
    open('tmp_missing_dir_xyz/file.txt', 'w')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    open(b'tmp_missing_bytes.txt', 'rb')
except OSError as e:
    print(type(e).__name__, e.filename)
