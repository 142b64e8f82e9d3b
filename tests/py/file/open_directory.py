# opening a directory: IsADirectoryError, for reading and for writing
import os
D = 'tmp_open_directory'
os.mkdir(D)
try:
    for mode in ('r', 'rb', 'w', 'a'):
        try:
            open(D, mode)
        except IsADirectoryError as e:
            print(mode, type(e).__name__, e.errno, e.filename)
finally:
    os.rmdir(D)
